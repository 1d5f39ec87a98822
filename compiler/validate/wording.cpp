#include "validate/wording.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <cmath>

namespace edgegen::validate {

namespace {

constexpr size_t k_max_shown = 60; // bytes of a string shown in a message

} // namespace

std::string show_pointer(const std::string& pointer)
{
  return pointer.empty() ? "document" : pointer;
}

std::string show_value(const load::Node& node)
{
  return node.is_string() ? quote(node.text) : node.describe();
}

std::string quote(const std::string& text)
{
  size_t end = text.size();
  if (end > k_max_shown) {
    end = k_max_shown;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      --end; // do not cut a UTF-8 sequence
    }
  }
  std::string out = "\"";
  for (size_t i = 0; i < end; ++i) {
    char c = text[i];
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out + (end < text.size() ? "…\"" : "\"");
}

std::string show_number(double value)
{
  if (std::floor(value) == value && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  std::string out = std::to_string(value);
  out.erase(out.find_last_not_of('0') + 1);
  return out;
}

std::string show_types(const std::vector<std::string>& types)
{
  std::vector<std::string> names;
  for (const auto& type : types) {
    names.push_back(type == "object" ? "mapping" : type == "array" ? "list" : type);
  }
  if (names.size() < 2) {
    return names.empty() ? "a value" : names[0];
  }
  std::string last = names.back();
  names.pop_back();
  return util::join(names, ", ") + " or " + last;
}

// Plain edit distance counts a swap of two letters, the commonest typo, as
// two edits: too many for short names.

} // namespace edgegen::validate
