#include "rules/simple_regexp.hpp"

#include <cstring>

namespace edgegen::rules::detail {

namespace {

bool ascii_printable(char c)
{
  return c > 0x20 && c < 0x7f;
}

bool alnum(char c)
{
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// An escape Go reads as the character itself: \ before ASCII punctuation.
bool literal_escape(char c)
{
  return ascii_printable(c) && !alnum(c);
}

void add(SimpleRegexp::Atom& atom, char c)
{
  auto u = static_cast<unsigned char>(c);
  atom.chars[u / 64] |= uint64_t{1} << (u % 64);
}

bool has(const SimpleRegexp::Atom& atom, char c)
{
  auto u = static_cast<unsigned char>(c);
  return u < 128 && (atom.chars[u / 64] >> (u % 64) & 1);
}

// [...] from `at` (just past the '['); false when outside the form: negated,
// nested ([:alpha:]), empty, unterminated, or a range not between two
// letters or digits in order. A '-' stands for itself first or last only.
bool parse_class(std::string_view p, size_t& at, SimpleRegexp::Atom& atom)
{
  if (at >= p.size() || p[at] == '^' || p[at] == ']') {
    return false;
  }
  bool first = true;
  while (at < p.size() && p[at] != ']') {
    char c = p[at];
    if (c == '\\') {
      if (at + 1 >= p.size() || !literal_escape(p[at + 1])) {
        return false;
      }
      add(atom, p[at + 1]);
      at += 2;
    } else if (c == '-') {
      if (!first && (at + 1 >= p.size() || p[at + 1] != ']')) {
        return false;
      }
      add(atom, c);
      ++at;
    } else if (!ascii_printable(c) || c == '[') {
      return false;
    } else if (at + 2 < p.size() && p[at + 1] == '-' && p[at + 2] != ']') {
      char high = p[at + 2];
      bool same_kind = (c >= '0' && c <= '9' && high >= '0' && high <= '9') ||
                       (c >= 'a' && c <= 'z' && high >= 'a' && high <= 'z') ||
                       (c >= 'A' && c <= 'Z' && high >= 'A' && high <= 'Z');
      if (!same_kind || high < c) {
        return false;
      }
      for (char x = c; x <= high; ++x) {
        add(atom, x);
      }
      at += 3;
    } else {
      add(atom, c);
      ++at;
    }
    first = false;
  }
  if (at >= p.size()) {
    return false;
  }
  ++at; // ']'
  return true;
}

bool is_repeat(char c)
{
  return c == '*' || c == '+' || c == '?';
}

} // namespace

std::optional<SimpleRegexp> simple_regexp(std::string_view p)
{
  SimpleRegexp re;
  size_t at = 0;
  if (!p.empty() && p[0] == '^') {
    re.begin = true;
    at = 1;
  }
  while (at < p.size()) {
    char c = p[at];
    if (c == '$' && at + 1 == p.size()) {
      re.end = true;
      break;
    }
    SimpleRegexp::Atom atom;
    if (c == '\\') {
      if (at + 1 >= p.size() || !literal_escape(p[at + 1])) {
        return std::nullopt;
      }
      add(atom, p[at + 1]);
      at += 2;
    } else if (c == '.') {
      for (int x = 0; x < 128; ++x) {
        if (x != '\n') {
          add(atom, static_cast<char>(x));
        }
      }
      ++at;
    } else if (c == '[') {
      ++at;
      if (!parse_class(p, at, atom)) {
        return std::nullopt;
      }
    } else if (!ascii_printable(c) || std::strchr("+*?()|{}^$]", c)) {
      return std::nullopt;
    } else {
      add(atom, c);
      ++at;
    }
    if (at < p.size() && is_repeat(p[at])) {
      atom.repeat = p[at++];
      if (at < p.size() && (is_repeat(p[at]) || p[at] == '{')) {
        return std::nullopt; // lazy (a*?) or nested repetition: RE2 says which
      }
    }
    re.atoms.push_back(atom);
  }
  return re;
}

std::optional<bool> simple_search(const SimpleRegexp& re, std::string_view text)
{
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      return std::nullopt;
    }
  }
  // The set of atoms the match may be at, as Thompson's construction runs
  // it: linear in the text times the pattern, whatever the pattern.
  const size_t n = re.atoms.size();
  std::vector<char> now(n + 1, 0);
  std::vector<char> next(n + 1, 0);
  auto skip_optional = [&](std::vector<char>& set) {
    for (size_t k = 0; k < n; ++k) {
      if (set[k] && (re.atoms[k].repeat == '*' || re.atoms[k].repeat == '?')) {
        set[k + 1] = 1;
      }
    }
  };
  for (size_t at = 0;; ++at) {
    if (!re.begin || at == 0) {
      now[0] = 1;
      skip_optional(now);
    }
    if (now[n] && (!re.end || at == text.size())) {
      return true;
    }
    if (at == text.size()) {
      return false;
    }
    std::fill(next.begin(), next.end(), 0);
    bool any = false;
    for (size_t k = 0; k < n; ++k) {
      const auto& atom = re.atoms[k];
      if (now[k] && has(atom, text[at])) {
        next[k + 1] = 1;
        if (atom.repeat == '*' || atom.repeat == '+') {
          next[k] = 1;
        }
        any = true;
      }
    }
    if (!any && re.begin) {
      return false;
    }
    skip_optional(next);
    now.swap(next);
  }
}

} // namespace edgegen::rules::detail
