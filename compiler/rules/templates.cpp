// Traefik v2's `{name:regexp}` placeholders. v3 reads them as text: Go's
// regexp takes a `{` that starts no repetition as a literal brace, and Path()
// compares characters, so a rule carried over from v2 is accepted and then
// matches only requests that hold the braces themselves. edgegen reports
// them (E0503) with the v3 regexp they stood for.
#include "rules/internal.hpp"

#include <algorithm>

namespace edgegen::rules {

namespace {

constexpr auto k_npos = std::string_view::npos;

bool is_name_start(char c)
{
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}

// `{name}` or `{name:regexp}` at `i`; returns its end (past '}') or npos.
size_t placeholder_end(std::string_view s, size_t i)
{
  if (i + 1 >= s.size() || s[i] != '{' || !is_name_start(s[i + 1])) {
    return k_npos;
  }
  size_t j = i + 1;
  while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) {
    ++j;
  }
  if (j < s.size() && s[j] == '}') {
    return j + 1;
  }
  if (j >= s.size() || s[j] != ':') {
    return k_npos;
  }
  int depth = 1;
  for (++j; j < s.size(); ++j) {
    depth += s[j] == '{' ? 1 : s[j] == '}' ? -1 : 0;
    if (depth == 0) {
      return j + 1;
    }
  }
  return k_npos;
}

// Past the escape or character class at `i` of a regexp (s[i] is '\\' or
// '['): braces in them (\p{Greek}, \{, [{}]) are no placeholders.
size_t skip_regexp_syntax(std::string_view s, size_t i)
{
  if (s[i] == '\\') {
    if (i + 2 < s.size() && (s[i + 1] == 'p' || s[i + 1] == 'P') && s[i + 2] == '{') {
      size_t close = s.find('}', i + 3);
      return close == k_npos ? s.size() : close + 1;
    }
    return std::min(i + 2, s.size());
  }
  size_t j = i + 1;
  if (j < s.size() && s[j] == '^') {
    ++j;
  }
  if (j < s.size() && s[j] == ']') { // a ']' first is a member
    ++j;
  }
  while (j < s.size() && s[j] != ']') {
    j += s[j] == '\\' ? 2 : 1;
  }
  return std::min(j + 1, s.size());
}

struct Piece
{
  bool placeholder = false;
  std::string_view text; // the text, or the placeholder's regexp
  size_t offset = 0;
};

std::vector<Piece> pieces(std::string_view s, bool regexp, std::string_view default_pattern)
{
  std::vector<Piece> out;
  size_t literal = 0;
  for (size_t i = 0; i < s.size();) {
    if (regexp && (s[i] == '\\' || s[i] == '[')) {
      i = skip_regexp_syntax(s, i);
      continue;
    }
    size_t end = placeholder_end(s, i);
    if (end == k_npos) {
      ++i;
      continue;
    }
    if (i > literal) {
      out.push_back({false, s.substr(literal, i - literal), literal});
    }
    size_t colon = s.find(':', i);
    out.push_back({true, colon < end ? s.substr(colon + 1, end - colon - 2) : default_pattern, i});
    i = literal = end;
  }
  if (literal < s.size()) {
    out.push_back({false, s.substr(literal), literal});
  }
  return out;
}

bool has_top_level_alternation(std::string_view s)
{
  int depth = 0;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '\\' || s[i] == '[') {
      i = skip_regexp_syntax(s, i);
      continue;
    }
    depth += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
    if (s[i] == '|' && depth == 0) {
      return true;
    }
    ++i;
  }
  return false;
}

// v2 put each placeholder's regexp in a group of its own; `a|b` needs one
// to stay an alternative between a and b only.
std::string grouped(std::string_view pattern)
{
  return has_top_level_alternation(pattern) ? "(?:" + std::string(pattern) + ")" : std::string(pattern);
}

std::string quote_meta(std::string_view text)
{
  std::string out;
  for (char c : text) {
    if (std::string_view("\\.+*?()|[]{}^$").find(c) != k_npos) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

} // namespace

size_t detail::find_placeholder(std::string_view text, bool regexp)
{
  for (const auto& piece : pieces(text, regexp, "")) {
    if (piece.placeholder) {
      return piece.offset;
    }
  }
  return k_npos;
}

std::string detail::template_to_regexp(std::string_view text, std::string_view default_pattern, bool prefix)
{
  std::string out = "^";
  for (const auto& piece : pieces(text, false, default_pattern)) {
    out += piece.placeholder ? grouped(piece.text) : quote_meta(piece.text);
  }
  return prefix ? out : out + "$";
}

std::string detail::placeholders_to_regexp(std::string_view text, std::string_view default_pattern)
{
  auto parts = pieces(text, true, default_pattern);
  bool plain = std::none_of(parts.begin(), parts.end(), [](const Piece& p) {
    return !p.placeholder && p.text.find_first_of("\\^$[]()|*+?") != k_npos;
  });
  if (plain) {
    return template_to_regexp(text, default_pattern, false);
  }
  std::string out;
  for (const auto& piece : parts) {
    out += piece.placeholder ? grouped(piece.text) : std::string(piece.text);
  }
  if (has_top_level_alternation(out) && out.front() != '^') {
    return "^(?:" + out + ")$";
  }
  bool anchored_end = out.size() >= 1 && out.back() == '$' && (out.size() < 2 || out[out.size() - 2] != '\\');
  return (out.front() == '^' ? "" : "^") + out + (anchored_end ? "" : "$");
}

std::string v2_template_to_regexp(std::string_view text, bool host, bool prefix)
{
  return detail::template_to_regexp(text, host ? "[^.]+" : "[^/]+", prefix);
}

} // namespace edgegen::rules
