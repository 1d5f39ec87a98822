#include "rules/characters.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace edgegen::rules::detail {

namespace {

enum class Look { none, quote, space, invisible, fullwidth, and_, or_, not_ };

struct Named
{
  uint32_t rune;
  const char* name;
  Look look;
};

// Sorted by code point. The characters that end up in rules by accident:
// word processors and chat turn quotes and spaces into these.
const Named k_named[] = {
    {0x00, "NUL", Look::none},
    {0x0B, "vertical tab", Look::space},
    {0x0C, "form feed", Look::space},
    {0x1B, "escape", Look::none},
    {0x7F, "delete", Look::none},
    {0x85, "next line", Look::space},
    {0xA0, "no-break space", Look::space},
    {0xAB, "left-pointing double angle quotation mark", Look::quote},
    {0xAC, "not sign", Look::not_},
    {0xAD, "soft hyphen", Look::invisible},
    {0xB4, "acute accent", Look::quote},
    {0xBB, "right-pointing double angle quotation mark", Look::quote},
    {0x2000, "en quad", Look::space},
    {0x2001, "em quad", Look::space},
    {0x2002, "en space", Look::space},
    {0x2003, "em space", Look::space},
    {0x2004, "three-per-em space", Look::space},
    {0x2005, "four-per-em space", Look::space},
    {0x2006, "six-per-em space", Look::space},
    {0x2007, "figure space", Look::space},
    {0x2008, "punctuation space", Look::space},
    {0x2009, "thin space", Look::space},
    {0x200A, "hair space", Look::space},
    {0x200B, "zero width space", Look::invisible},
    {0x200C, "zero width non-joiner", Look::invisible},
    {0x200D, "zero width joiner", Look::invisible},
    {0x200E, "left-to-right mark", Look::invisible},
    {0x200F, "right-to-left mark", Look::invisible},
    {0x2010, "hyphen", Look::none},
    {0x2011, "non-breaking hyphen", Look::none},
    {0x2013, "en dash", Look::none},
    {0x2014, "em dash", Look::none},
    {0x2018, "left single quotation mark", Look::quote},
    {0x2019, "right single quotation mark", Look::quote},
    {0x201A, "single low-9 quotation mark", Look::quote},
    {0x201B, "single high-reversed-9 quotation mark", Look::quote},
    {0x201C, "left double quotation mark", Look::quote},
    {0x201D, "right double quotation mark", Look::quote},
    {0x201E, "double low-9 quotation mark", Look::quote},
    {0x201F, "double high-reversed-9 quotation mark", Look::quote},
    {0x2026, "horizontal ellipsis", Look::none},
    {0x2028, "line separator", Look::space},
    {0x2029, "paragraph separator", Look::space},
    {0x202F, "narrow no-break space", Look::space},
    {0x2032, "prime", Look::quote},
    {0x2033, "double prime", Look::quote},
    {0x2035, "reversed prime", Look::quote},
    {0x2039, "single left-pointing angle quotation mark", Look::quote},
    {0x203A, "single right-pointing angle quotation mark", Look::quote},
    {0x205F, "medium mathematical space", Look::space},
    {0x2060, "word joiner", Look::invisible},
    {0x2227, "logical and", Look::and_},
    {0x2228, "logical or", Look::or_},
    {0x3000, "ideographic space", Look::space},
    {0xFEFF, "byte order mark", Look::invisible},
    {0xFF01, "fullwidth exclamation mark", Look::fullwidth},
    {0xFF02, "fullwidth quotation mark", Look::quote},
    {0xFF06, "fullwidth ampersand", Look::fullwidth},
    {0xFF07, "fullwidth apostrophe", Look::quote},
    {0xFF08, "fullwidth left parenthesis", Look::fullwidth},
    {0xFF09, "fullwidth right parenthesis", Look::fullwidth},
    {0xFF0C, "fullwidth comma", Look::fullwidth},
    {0xFF40, "fullwidth grave accent", Look::quote},
    {0xFF5C, "fullwidth vertical line", Look::fullwidth},
};

const Named* find_named(uint32_t rune)
{
  auto it = std::lower_bound(std::begin(k_named), std::end(k_named), rune,
                             [](const Named& n, uint32_t r) { return n.rune < r; });
  return it != std::end(k_named) && it->rune == rune ? it : nullptr;
}

std::string code_point(uint32_t rune)
{
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(rune));
  return buffer;
}

bool is_control(uint32_t rune)
{
  return rune < 0x20 || (rune >= 0x7F && rune < 0xA0);
}

} // namespace

uint32_t decode_utf8(std::string_view text, size_t offset, size_t& length)
{
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[offset + i]); };
  unsigned char c = byte(0);
  length = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  length = std::min(length, text.size() - offset);
  if (length == 1) {
    return c;
  }
  uint32_t rune = c & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    rune = (rune << 6) | (byte(i) & 0x3F);
  }
  return rune;
}

void append_utf8(std::string& out, uint32_t rune)
{
  if (rune < 0x80) {
    out += static_cast<char>(rune);
  } else if (rune < 0x800) {
    out += static_cast<char>(0xC0 | (rune >> 6));
    out += static_cast<char>(0x80 | (rune & 0x3F));
  } else if (rune < 0x10000) {
    out += static_cast<char>(0xE0 | (rune >> 12));
    out += static_cast<char>(0x80 | ((rune >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (rune & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (rune >> 18));
    out += static_cast<char>(0x80 | ((rune >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((rune >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (rune & 0x3F));
  }
}

std::string describe_character(uint32_t rune)
{
  if (const Named* named = find_named(rune)) {
    return code_point(rune) + " (" + named->name + ")";
  }
  if (is_control(rune)) {
    return code_point(rune);
  }
  std::string out = code_point(rune) + " '";
  append_utf8(out, rune);
  return out + "'";
}

std::string character_hint(uint32_t rune)
{
  const Named* named = find_named(rune);
  switch (named ? named->look : Look::none) {
  case Look::quote:
    return "quote with backticks (`...`) or ASCII double quotes (\"...\")";
  case Look::space:
    return "replace it with an ordinary space";
  case Look::invisible:
    return "delete it: it is invisible, but Go does not read it as a space";
  case Look::fullwidth:
    return "type the ASCII character instead";
  case Look::and_:
    return "join matchers with &&";
  case Look::or_:
    return "join matchers with ||";
  case Look::not_:
    return "negate a matcher with !";
  case Look::none:
    break;
  }
  return "";
}

std::string printable(std::string_view text)
{
  std::string out;
  size_t invalid = util::find_invalid_utf8(text);
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (i == invalid) {
      // Past the first bad byte, look for the next one in what is left.
      size_t next = util::find_invalid_utf8(text.substr(i + 1));
      invalid = next == std::string_view::npos ? next : i + 1 + next;
    } else if (c >= 0x20 && c != 0x7F) {
      out += static_cast<char>(c);
      continue;
    }
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
      out += buffer;
    }
  }
  return out;
}

} // namespace edgegen::rules::detail
