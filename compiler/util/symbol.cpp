#include "util/symbol.hpp"

#include <array>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace edgegen::util {
namespace {

// Keyed by a view of the text it holds, to be found from a view without
// making a string first.
struct Shard
{
  std::mutex mutex;
  std::unordered_map<std::string_view, std::unique_ptr<const std::string>> texts;
};

// Split by hash, so that threads making Symbols at once (each project's
// model is built on its own) rarely wait for one another.
struct Table
{
  std::array<Shard, 16> shards;
};

Table& table()
{
  static Table* instance = new Table; // outlives every static Symbol
  return *instance;
}

} // namespace

Symbol::Symbol(std::string_view text)
{
  if (text.empty()) {
    return;
  }
  size_t hash = std::hash<std::string_view>{}(text);
  Shard& shard = table().shards[(hash >> 8) % 16];
  std::lock_guard<std::mutex> lock(shard.mutex);
  auto found = shard.texts.find(text);
  if (found == shard.texts.end()) {
    auto held = std::make_unique<const std::string>(text);
    std::string_view key = *held;
    found = shard.texts.emplace(key, std::move(held)).first;
  }
  m_text = found->second.get();
}

} // namespace edgegen::util
