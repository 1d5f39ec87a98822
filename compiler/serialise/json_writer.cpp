#include "serialise/numbers.hpp"
#include "serialise/serialise.hpp"
#include "util/strings.hpp"

#include <cmath>
#include <ostream>
#include <stdexcept>

namespace edgegen::serialise {
namespace {

using util::Value;

void append_json_string(std::string& out, std::string_view s)
{
  // Invalid UTF-8 cannot be written as JSON without changing the bytes; the
  // loader rejects it, so getting here is a bug upstream.
  if (util::find_invalid_utf8(s) != std::string_view::npos) {
    throw std::logic_error("to_json: string is not valid UTF-8");
  }
  static const char k_hex[] = "0123456789abcdef";
  out += '"';
  for (char c : s) {
    auto b = static_cast<unsigned char>(c);
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (b < 0x20) {
        out += "\\u00";
        out += k_hex[b >> 4];
        out += k_hex[b & 0xF];
      } else {
        out += c; // non-ASCII UTF-8 passes through unescaped
      }
    }
  }
  out += '"';
}

class JsonWriter
{
public:
  explicit JsonWriter(std::string& out) : m_out(out) {}

  void value(const Value& v, size_t indent)
  {
    switch (v.kind()) {
    case Value::Kind::null:
      m_out += "null";
      break;
    case Value::Kind::boolean:
      m_out += v.as_bool() ? "true" : "false";
      break;
    case Value::Kind::integer:
      append_integer(m_out, v.as_int());
      break;
    case Value::Kind::floating:
      floating(v.as_double());
      break;
    case Value::Kind::string:
      append_json_string(m_out, v.as_string());
      break;
    case Value::Kind::list:
      list(v.as_list(), indent);
      break;
    case Value::Kind::map:
      map(v.as_map(), indent);
      break;
    }
  }

private:
  std::string& m_out;

  void floating(double d)
  {
    // JSON has no NaN or infinity; null is what JavaScript and nlohmann write.
    if (!std::isfinite(d)) {
      m_out += "null";
    } else {
      append_finite_double(m_out, d);
    }
  }

  void list(const Value::List& items, size_t indent)
  {
    if (items.empty()) {
      m_out += "[]";
      return;
    }
    m_out += "[\n";
    for (size_t i = 0; i < items.size(); ++i) {
      m_out.append(indent + 2, ' ');
      value(items[i], indent + 2);
      m_out += i + 1 < items.size() ? ",\n" : "\n";
    }
    m_out.append(indent, ' ');
    m_out += ']';
  }

  void map(const Value::Map& map, size_t indent)
  {
    if (map.empty()) {
      m_out += "{}";
      return;
    }
    m_out += "{\n";
    size_t left = map.size();
    for (const auto& [key, item] : map) {
      m_out.append(indent + 2, ' ');
      append_json_string(m_out, key);
      m_out += ": ";
      value(item, indent + 2);
      m_out += --left > 0 ? ",\n" : "\n";
    }
    m_out.append(indent, ' ');
    m_out += '}';
  }
};

} // namespace

std::string to_json_nested(const util::Value& value, size_t indent)
{
  std::string out;
  JsonWriter(out).value(value, indent);
  return out;
}

namespace {

// append_json_list, writing each 64 KiB of whole items to `out` when there
// is one.
void append_json_items(std::string& chunk, std::ostream* out, size_t count, size_t indent,
                       const std::function<util::Value(size_t)>& item)
{
  constexpr size_t k_chunk = 1 << 16;
  if (count == 0) {
    chunk += "[]";
    return;
  }
  chunk += "[\n";
  for (size_t i = 0; i < count; ++i) {
    chunk.append(indent + 2, ' ');
    JsonWriter(chunk).value(item(i), indent + 2);
    chunk += i + 1 < count ? ",\n" : "\n";
    if (out && chunk.size() >= k_chunk) {
      *out << chunk;
      chunk.clear();
    }
  }
  chunk.append(indent, ' ');
  chunk += ']';
}

} // namespace

void append_json_list(std::string& chunk, std::ostream& out, size_t count, size_t indent,
                      const std::function<util::Value(size_t)>& item)
{
  append_json_items(chunk, &out, count, indent, item);
}

void append_json_list(std::string& text, size_t count, size_t indent, const std::function<util::Value(size_t)>& item)
{
  append_json_items(text, nullptr, count, indent, item);
}

std::string to_json(const util::Value& value)
{
  return to_json_nested(value, 0) + '\n';
}

} // namespace edgegen::serialise
