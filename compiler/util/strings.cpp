#include "util/strings.hpp"

#include <algorithm>
#include <cstdint>

namespace edgegen::util {

bool starts_with(std::string_view s, std::string_view prefix)
{
  return s.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view s, std::string_view suffix)
{
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::vector<std::string> split(std::string_view s, char separator)
{
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t end = s.find(separator, start);
    out.emplace_back(s.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) {
      return out;
    }
    start = end + 1;
  }
}

namespace {

std::string join_range(const std::string* begin, const std::string* end, std::string_view separator)
{
  std::string out;
  for (const std::string* part = begin; part != end; ++part) {
    if (part != begin) {
      out += separator;
    }
    out += *part;
  }
  return out;
}

} // namespace

std::string join(const std::vector<std::string>& parts, std::string_view separator)
{
  return join_range(parts.data(), parts.data() + parts.size(), separator);
}

std::string join(const CompactVector<std::string>& parts, std::string_view separator)
{
  return join_range(parts.begin(), parts.end(), separator);
}

std::string go_quote(std::string_view value)
{
  std::string out;
  append_go_quote(out, value);
  return out;
}

void append_go_quote(std::string& out, std::string_view value)
{
  if (value.find('`') == std::string_view::npos) {
    out.append(1, '`').append(value).append(1, '`');
    return;
  }
  out += '"';
  for (char c : value) {
    if (c == '"' || c == '\\') {
      out += '\\';
    } else if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  out += '"';
}

std::string to_lower(std::string_view s)
{
  std::string out(s);
  for (char& c : out) {
    c = ascii_lower(c);
  }
  return out;
}

size_t edit_distance(std::string_view a, std::string_view b)
{
  // Optimal string alignment: insertions, deletions, substitutions and swaps
  // of two adjacent characters each cost one ("hots" is one edit from "host").
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) {
    d[i][0] = i;
  }
  for (size_t j = 0; j <= b.size(); ++j) {
    d[0][j] = j;
  }
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::string closest_match(std::string_view name, const std::vector<std::string>& candidates)
{
  size_t limit = std::clamp<size_t>(name.size() / 3, 1, 3);
  std::string best;
  size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    size_t d = edit_distance(to_lower(name), to_lower(candidate));
    if (d < best_distance || (d == best_distance && !best.empty() && candidate < best)) {
      best = candidate;
      best_distance = d;
    }
  }
  return best_distance <= limit ? best : std::string();
}

size_t find_invalid_utf8(std::string_view s)
{
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t length = 0;
    uint32_t code = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      length = 2;
      code = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3;
      code = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4;
      code = c & 0x07;
    } else {
      return i;
    }
    if (i + length > s.size()) {
      return i;
    }
    for (size_t k = 1; k < length; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) {
        return i;
      }
      code = (code << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    static const uint32_t k_min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < k_min[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
      return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

std::string escape_invalid_utf8(std::string_view s)
{
  static const char k_hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    size_t bad = find_invalid_utf8(s);
    out.append(s.substr(0, bad));
    if (bad == std::string_view::npos) {
      break;
    }
    auto c = static_cast<unsigned char>(s[bad]);
    out += "\\x";
    out += k_hex[c >> 4];
    out += k_hex[c & 15];
    s.remove_prefix(bad + 1);
  }
  return out;
}

std::string_view line_of(std::string_view text, int line)
{
  size_t start = 0;
  for (int l = 1; l < line; ++l) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) {
      return {};
    }
    ++start;
  }
  if (line < 1 || start > text.size()) {
    return {};
  }
  size_t end = text.find('\n', start);
  std::string_view out = text.substr(start, end == std::string_view::npos ? end : end - start);
  if (!out.empty() && out.back() == '\r') {
    out.remove_suffix(1);
  }
  return out;
}

} // namespace edgegen::util
