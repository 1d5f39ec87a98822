// Go's regexp/syntax (Perl flags, Go 1.25) against RE2's parser (release
// 2022-06-01, Debian bookworm): the two share their design and most of their
// code paths, and this file holds the places where they part. Each is one
// function below, named after what Go does.
#include "rules/go_regexp_syntax.hpp"

#include "util/strings.hpp"

#include <algorithm>

namespace edgegen::rules::detail {

namespace {

constexpr size_t k_npos = std::string_view::npos;

// Go: maxHeight is 1000 (parse.go). Go measures the height of its parse
// tree; a capturing group is always a node of its own, so 1000 nested
// captures are past it whatever else the pattern holds.
constexpr int k_max_capture_depth = 1000;

bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}

size_t rune_length(std::string_view s, size_t at)
{
  auto c = static_cast<unsigned char>(s[at]);
  size_t n = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return std::min(n, s.size() - at);
}

class Translator
{
public:
  explicit Translator(std::string_view pattern) : m_p(pattern) {}

  Re2Pattern run()
  {
    while (m_i < m_p.size()) {
      switch (m_p[m_i]) {
      case '\\':
        escape(false);
        break;
      case '[':
        character_class();
        break;
      case '(':
        open_group();
        break;
      case ')':
        close_group();
        break;
      case '{':
        counted_repetition();
        break;
      default:
        copy(1);
      }
    }
    if (!m_groups.empty()) {
      m_out.unclosed_group = m_groups.back().first;
    }
    return std::move(m_out);
  }

private:
  void copy(size_t n)
  {
    n = std::min(n, m_p.size() - m_i);
    m_out.text.append(m_p.substr(m_i, n));
    m_i += n;
  }

  void rewrite(size_t go_size, std::string re2)
  {
    m_out.rewrites.push_back({m_out.text.size(), re2.size(), m_i, go_size});
    m_out.text += re2;
    m_i += go_size;
  }

  void go_error(size_t at, std::string message)
  {
    if (!m_out.go_error) {
      m_out.go_error = RegexpError{at, std::move(message)};
    }
  }

  // After '\\', outside or inside [...].
  void escape(bool in_class)
  {
    char c = m_i + 1 < m_p.size() ? m_p[m_i + 1] : '\0';
    if (c == 'p' || c == 'P') {
      unicode_class(in_class);
    } else if (c == 'Q' && !in_class) {
      // \Q...\E: literal text, where nothing below applies.
      size_t end = m_p.find("\\E", m_i + 2);
      copy(end == k_npos ? m_p.size() : end + 2 - m_i);
    } else if (c == 'C' && !in_class) {
      // Go: "\C: any byte; not supported" (parse.go); RE2 matches one byte.
      go_error(m_i, "invalid escape sequence: `\\C`");
      copy(2);
    } else if (c == 'x' && m_i + 2 < m_p.size() && m_p[m_i + 2] == '{') {
      size_t end = m_p.find('}', m_i + 3);
      copy(end == k_npos ? m_p.size() : end + 1 - m_i);
    } else {
      copy(m_i + 1 < m_p.size() ? 1 + rune_length(m_p, m_i + 1) : 1);
    }
  }

  // \pN, \p{Name}, \p{^Name}, \PN: Go 1.25's names, spelled for RE2.
  void unicode_class(bool in_class)
  {
    size_t start = m_i, name_at = m_i + 2, name_end = 0, end = 0;
    if (name_at >= m_p.size()) {
      // Go reads the empty name and reports the class; RE2 the escape.
      go_error(start, "invalid character class range: `" + std::string(m_p.substr(start)) + "`");
      copy(2);
      return;
    }
    if (m_p[name_at] == '{') {
      name_end = m_p.find('}', name_at);
      if (name_end == k_npos) {
        copy(m_p.size()); // both report the rest as the class
        return;
      }
      ++name_at;
      end = name_end + 1;
    } else {
      name_end = end = name_at + rune_length(m_p, name_at);
    }
    std::string_view name = m_p.substr(name_at, name_end - name_at);
    bool negated = m_p[start + 1] == 'P';
    if (!name.empty() && name[0] == '^') {
      negated = !negated;
      name.remove_prefix(1);
    }
    std::string seq(m_p.substr(start, end - start));
    bool inexpressible = false;
    std::string re2 = re2_unicode_class(name, negated, in_class, inexpressible);
    if (re2.empty() || util::find_invalid_utf8(seq) != k_npos) {
      go_error(start,
               "invalid character class range: `" + seq + "` (unknown Unicode class \"" + std::string(name) + "\")");
      copy(end - start);
      return;
    }
    if (inexpressible) {
      go_error(start, "cannot check `" + seq +
                          "` inside [...]: Go accepts it, but RE2 has no spelling for it there; "
                          "write it outside the brackets as an alternative");
    }
    rewrite(end - start, re2);
  }

  // [...]: Go reads ']' first as a member, [:name:] as one member, \p and
  // \d as sets and a-z as a range, whose ends are single characters.
  void character_class()
  {
    copy(1);
    if (m_i < m_p.size() && m_p[m_i] == '^') {
      copy(1);
    }
    bool first = true;
    while (m_i < m_p.size() && (first || m_p[m_i] != ']')) {
      first = false;
      if (m_p.compare(m_i, 2, "[:") == 0 && m_p.find(":]", m_i + 2) != k_npos) {
        copy(m_p.find(":]", m_i + 2) + 2 - m_i);
        continue;
      }
      bool is_set =
          m_p[m_i] == '\\' && m_i + 1 < m_p.size() && std::string_view("pPdDsSwW").find(m_p[m_i + 1]) != k_npos;
      class_character();
      if (!is_set && m_i + 1 < m_p.size() && m_p[m_i] == '-' && m_p[m_i + 1] != ']') {
        copy(1);
        // The high end of a range is read as one character, \p included.
        if (m_p[m_i] == '\\' && m_i + 1 < m_p.size() && (m_p[m_i + 1] == 'p' || m_p[m_i + 1] == 'P')) {
          copy(2);
        } else {
          class_character();
        }
      }
    }
    copy(1); // ']', if any
  }

  void class_character()
  {
    if (m_p[m_i] == '\\') {
      escape(true);
    } else {
      copy(rune_length(m_p, m_i));
    }
  }

  void open_group()
  {
    std::string_view rest = m_p.substr(m_i);
    bool p_name = rest.size() > 4 && rest.compare(0, 4, "(?P<") == 0;
    bool bare_name = rest.size() > 3 && rest.compare(0, 3, "(?<") == 0;
    if (p_name || bare_name) {
      named_group(bare_name);
      return;
    }
    if (rest.size() > 1 && rest[1] == '?') {
      size_t j = 2;
      while (j < rest.size() && std::string_view("imsU-").find(rest[j]) != k_npos) {
        ++j;
      }
      if (j < rest.size() && rest[j] == ':') {
        m_groups.emplace_back(m_i, false);
      }
      copy(j < rest.size() && (rest[j] == ':' || rest[j] == ')') ? j + 1 : 2);
      return;
    }
    push_capture();
    copy(1);
  }

  // Go 1.22 reads (?<name>...) as (?P<name>...); RE2 2022-06-01 reads only
  // the latter. Go allows [A-Za-z0-9_] in a name, this RE2 any letter.
  // Go allows a name twice (SubexpIndex: "multiple subexpressions can be
  // written using the same name"); so does this RE2.
  void named_group(bool bare)
  {
    size_t at = m_i, close = m_p.find('>', m_i);
    if (close != k_npos) {
      std::string_view name = m_p.substr(at + (bare ? 3 : 4), close - at - (bare ? 3 : 4));
      bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
      if (!ascii && util::find_invalid_utf8(name) == k_npos) {
        go_error(at, "invalid named capture: `" + std::string(m_p.substr(at, close + 1 - at)) +
                         "` (names are letters, digits and '_')");
      }
    }
    push_capture();
    if (bare) {
      rewrite(3, "(?P<");
    } else {
      copy(4);
    }
  }

  void push_capture()
  {
    m_groups.emplace_back(m_i, true);
    if (++m_captures >= k_max_capture_depth) {
      go_error(m_i, "expression nests too deeply");
    }
  }

  void close_group()
  {
    if (m_groups.empty()) {
      if (m_out.stray_paren == k_npos) {
        m_out.stray_paren = m_i;
      }
    } else {
      m_captures -= m_groups.back().second ? 1 : 0;
      m_groups.pop_back();
    }
    copy(1);
  }

  // Go: parseInt turns a count of 1e8 or more into -1, an invalid repeat
  // count; RE2's ParseInteger gives up there and reads `{` as a literal.
  void counted_repetition()
  {
    size_t j = m_i + 1;
    bool too_big = false;
    auto number = [&] {
      if (j >= m_p.size() || !is_digit(m_p[j]) || (m_p[j] == '0' && j + 1 < m_p.size() && is_digit(m_p[j + 1]))) {
        return false;
      }
      long value = 0;
      for (; j < m_p.size() && is_digit(m_p[j]); ++j) {
        too_big = too_big || value >= 100000000;
        value = too_big ? value : value * 10 + (m_p[j] - '0');
      }
      return true;
    };
    bool counted = number() && j < m_p.size();
    if (counted && m_p[j] == ',') {
      ++j;
      counted = j < m_p.size() && (m_p[j] == '}' || number());
    }
    if (counted && j < m_p.size() && m_p[j] == '}' && too_big) {
      go_error(m_i, "invalid repeat count: `" + std::string(m_p.substr(m_i, j + 1 - m_i)) + "`");
    }
    copy(1);
  }

  std::string_view m_p;
  size_t m_i = 0;
  Re2Pattern m_out;
  std::vector<std::pair<size_t, bool>> m_groups; // '(' offset, captures
  int m_captures = 0;
};

} // namespace

Re2Pattern re2_pattern(std::string_view pattern)
{
  return Translator(pattern).run();
}

size_t go_offset(const Re2Pattern& p, size_t re2_offset)
{
  long shift = 0;
  for (const auto& r : p.rewrites) {
    if (re2_offset < r.re2_at) {
      break;
    }
    if (re2_offset < r.re2_at + r.re2_size) {
      return r.go_at; // inside a rewritten piece: its start
    }
    shift += static_cast<long>(r.go_size) - static_cast<long>(r.re2_size);
  }
  return static_cast<size_t>(static_cast<long>(re2_offset) + shift);
}

} // namespace edgegen::rules::detail
