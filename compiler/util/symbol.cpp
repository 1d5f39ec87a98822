#include "util/symbol.hpp"

#include <array>
#include <deque>
#include <functional>
#include <mutex>
#include <vector>

namespace edgegen::util {
namespace {

// One part of the table: its texts, and an open-addressing index of them.
// A large edge interns some 55,000 names; a text costs its std::string in
// a block of the deque (no allocation of its own, where a hash map's node
// and a separately allocated string took two) and one or two slots.
struct Shard
{
  std::mutex mutex;
  std::deque<std::string> texts; // never moves an element: Symbols point at them
  // Linear probing over a power of two of slots, at most half full; a
  // slot is null or a text of `texts`.
  std::vector<const std::string*> slots = std::vector<const std::string*>(64);

  const std::string& intern(std::string_view text, size_t hash)
  {
    size_t mask = slots.size() - 1;
    size_t i = hash & mask;
    for (; slots[i]; i = (i + 1) & mask) {
      if (*slots[i] == text) {
        return *slots[i];
      }
    }
    const std::string& held = texts.emplace_back(text);
    slots[i] = &held;
    if (texts.size() * 2 > slots.size()) {
      grow();
    }
    return held;
  }

  void grow()
  {
    std::vector<const std::string*> bigger(slots.size() * 2);
    size_t mask = bigger.size() - 1;
    for (const std::string* held : slots) {
      if (held) {
        size_t i = std::hash<std::string_view>{}(*held) & mask;
        while (bigger[i]) {
          i = (i + 1) & mask;
        }
        bigger[i] = held;
      }
    }
    slots.swap(bigger);
  }
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
  // The shard by bits of the hash its slots do not start from.
  Shard& shard = table().shards[(hash >> 56) % 16];
  std::lock_guard<std::mutex> lock(shard.mutex);
  m_text = &shard.intern(text, hash);
}

} // namespace edgegen::util
