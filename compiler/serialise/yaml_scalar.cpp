#include "serialise/yaml_scalar.hpp"

#include "util/strings.hpp"

#include <array>
#include <stdexcept>

namespace edgegen::serialise {
namespace {

const char k_hex[] = "0123456789abcdef";

bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}

bool equals_ignoring_case(std::string_view s, std::string_view lower)
{
  if (s.size() != lower.size()) {
    return false;
  }
  for (size_t i = 0; i < s.size(); ++i) {
    if (util::ascii_lower(s[i]) != lower[i]) {
      return false;
    }
  }
  return true;
}

// Decodes one UTF-8 sequence at s[i]; returns the code point and sets
// `length`, or returns -1 for an invalid sequence (overlong, surrogate,
// beyond U+10FFFF, truncated).
long decode_utf8(std::string_view s, size_t i, size_t& length)
{
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char lead = byte(i);
  long cp;
  long min;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, cp = lead & 0x1F, min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, cp = lead & 0x0F, min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, cp = lead & 0x07, min = 0x10000;
  } else {
    return -1;
  }
  if (i + length > s.size()) {
    return -1;
  }
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      return -1;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return -1;
  }
  return cp;
}

// Code points that YAML 1.1 readers treat as line breaks (NEL, LS, PS) or
// refuse anywhere in a stream (C1 controls, BOM inside text, U+FFFE/FFFF).
bool must_escape(long cp)
{
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF;
}

// Words some YAML reader resolves to null, a bool or a merge/value key. The
// YAML 1.1 set includes y/n/yes/no/on/off; case-insensitive to stay on the
// safe side of readers that differ in which capitalisations they accept.
bool is_reserved_word(std::string_view s)
{
  if (s.size() > 5) {
    return false;
  }
  static const std::string_view words[] = {"null", "true", "false", "yes", "no", "on", "off", "y", "n"};
  for (std::string_view word : words) {
    if (equals_ignoring_case(s, word)) {
      return true;
    }
  }
  return s == "~" || s == "<<" || s == "=";
}

// The characters of every YAML 1.1/1.2 integer, float, sexagesimal and
// timestamp form (0x1F, 0o17, 0b101, 1_000, 1:20, 1.5e+3,
// 2001-12-14 21:59:43.10 -5, 2001-12-14t21:59:43Z).
bool is_numeric_char(char c)
{
  if (is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
    return true;
  }
  switch (c) {
  case 'x':
  case 'X':
  case 'o':
  case 'O':
  case 't':
  case 'T':
  case 'z':
  case 'Z':
  case '_':
  case '.':
  case ':':
  case '+':
  case '-':
  case ' ':
    return true;
  default:
    return false;
  }
}

// Deliberately broader than the real grammars: a string that starts like a
// number and uses only number/timestamp characters is quoted even if no
// reader would take it for one ("10.0.0.1"), which costs two quotes and
// saves keeping four resolvers' regular expressions exactly right.
bool looks_numeric(std::string_view s)
{
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    s.remove_prefix(1);
  }
  if (s.empty()) {
    return false;
  }
  if (s[0] == '.') {
    if (equals_ignoring_case(s, ".inf") || equals_ignoring_case(s, ".nan")) {
      return true;
    }
    if (s.size() < 2 || !is_digit(s[1])) {
      return false;
    }
  } else if (!is_digit(s[0])) {
    return false;
  }
  for (char c : s) {
    if (!is_numeric_char(c)) {
      return false;
    }
  }
  return true;
}

bool is_indicator(char c)
{
  switch (c) {
  case '-':
  case '?':
  case ':':
  case ',':
  case '[':
  case ']':
  case '{':
  case '}':
  case '#':
  case '&':
  case '*':
  case '!':
  case '|':
  case '>':
  case '\'':
  case '"':
  case '%':
  case '@':
  case '`':
    return true;
  default:
    return false;
  }
}

// The bytes the scan of a plain scalar stops at: controls, ':' and '#'
// (which matter by their neighbours), and the lead and continuation bytes of
// UTF-8. Every other byte is plain wherever it stands, and most strings hold
// nothing else, so the scan tests one table entry per byte.
constexpr std::array<bool, 256> k_scan_stops = [] {
  std::array<bool, 256> stops{};
  for (int b = 0; b < 256; ++b) {
    stops[b] = b < 0x20 || b == 0x7F || b == ':' || b == '#' || b >= 0x80;
  }
  return stops;
}();

void append_hex_escape(std::string& out, char kind, unsigned long cp, int digits)
{
  out += '\\';
  out += kind;
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
    out += k_hex[(cp >> shift) & 0xF];
  }
}

} // namespace

bool yaml_needs_quotes(std::string_view s)
{
  if (s.empty() || is_indicator(s[0]) || s.front() == ' ' || s.back() == ' ' || s.back() == ':') {
    return true;
  }
  if (is_reserved_word(s) || looks_numeric(s) || s.substr(0, 3) == "...") {
    return true;
  }
  for (size_t i = 0; i < s.size(); ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    if (!k_scan_stops[b]) {
      continue;
    }
    if (b < 0x20 || b == 0x7F) {
      return true; // tab, line breaks and other controls only survive escaped
    }
    if (b == ':' && i + 1 < s.size() && s[i + 1] == ' ') {
      return true;
    }
    if (b == '#' && s[i - 1] == ' ') { // i > 0: a leading '#' is an indicator
      return true;
    }
    if (b >= 0x80) {
      size_t length = 0;
      long cp = decode_utf8(s, i, length);
      if (cp < 0 || must_escape(cp)) {
        return true;
      }
      i += length - 1;
    }
  }
  return false;
}

void append_yaml_quoted(std::string& out, std::string_view s)
{
  out += '"';
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    auto b = static_cast<unsigned char>(c);
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (b < 0x20 || b == 0x7F) {
      append_hex_escape(out, 'x', b, 2);
    } else if (b < 0x80) {
      out += c;
    } else {
      size_t length = 0;
      long cp = decode_utf8(s, i, length);
      if (cp < 0) {
        throw std::logic_error("to_yaml: string is not valid UTF-8");
      }
      if (cp <= 0xFF && must_escape(cp)) {
        append_hex_escape(out, 'x', static_cast<unsigned long>(cp), 2);
      } else if (must_escape(cp)) {
        append_hex_escape(out, 'u', static_cast<unsigned long>(cp), 4);
      } else {
        out.append(s, i, length);
      }
      i += length - 1;
    }
  }
  out += '"';
}

void append_yaml_string(std::string& out, std::string_view s)
{
  if (yaml_needs_quotes(s)) {
    append_yaml_quoted(out, s);
  } else {
    out += s;
  }
}

} // namespace edgegen::serialise
