// Go regular expressions on RE2. Which patterns compile is Go's decision
// (check_go_regexp, the same checker that reports E0506), so a pattern RE2
// alone would accept (\C, for one) never matches here either. What Go
// accepts is then spelled the way this RE2 release reads it, and text is
// handed over the way Go decodes it.
#include "rules/go_regexp.hpp"

#include "rules/regexp.hpp"
#include "util/strings.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>

namespace edgegen::rules {

namespace {

// RE2's default budget (8 MiB) holds some 400,000 instructions; \pL{1000}
// needs 1.2 million, where Go counts 1,000. Only a pattern that overflows
// the default is compiled again with this one.
constexpr int64_t k_large_budget = int64_t{512} << 20;

// The end (past ']') of the character class opening at `open`. Go reads
// ']' right after '[' or '[^' as a member, `[:name:]` as one member and
// `\x` as one escape, so none of them closes the class.
size_t class_end(std::string_view p, size_t open)
{
  size_t i = open + 1;
  if (i < p.size() && p[i] == '^') {
    ++i;
  }
  bool first = true;
  while (i < p.size()) {
    if (p[i] == ']' && !first) {
      return i + 1;
    }
    first = false;
    if (p[i] == '[' && i + 1 < p.size() && p[i + 1] == ':') {
      size_t close = p.find(":]", i + 2);
      if (close != std::string_view::npos) {
        i = close + 2;
        continue;
      }
    }
    i += p[i] == '\\' ? 2 : 1;
  }
  return p.size();
}

// `pattern` (which Go accepts) in the syntax of this RE2 release: Go 1.22
// added `(?<name>...)`, which RE2 reads only as `(?P<name>...)`. Group
// openings are found outside classes, escapes and \Q...\E, where `(?<` is
// text.
std::string re2_syntax(std::string_view p)
{
  std::string out;
  out.reserve(p.size() + 4);
  size_t i = 0;
  while (i < p.size()) {
    size_t next = i + 1;
    if (p.compare(i, 2, "\\Q") == 0) {
      size_t end = p.find("\\E", i + 2);
      next = end == std::string_view::npos ? p.size() : end + 2;
    } else if (p[i] == '\\') {
      next = std::min(i + 2, p.size());
    } else if (p[i] == '[') {
      next = class_end(p, i);
    } else if (p.compare(i, 3, "(?<") == 0) {
      out += "(?P<";
      i += 3;
      continue;
    }
    out.append(p.substr(i, next - i));
    i = next;
  }
  return out;
}

std::unique_ptr<const re2::RE2> compile(std::string_view pattern)
{
  if (check_go_regexp(pattern)) {
    return nullptr;
  }
  std::string translated = re2_syntax(pattern);
  // RE2's defaults are Go's: UTF-8, Perl syntax, leftmost-first, case
  // sensitive, `.` not matching \n, ^ and $ at the ends of the text.
  re2::RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_unique<re2::RE2>(translated, options);
  if (re->error_code() == re2::RE2::ErrorPatternTooLarge) {
    options.set_max_mem(k_large_budget);
    re = std::make_unique<re2::RE2>(translated, options);
  }
  if (!re->ok()) {
    return nullptr;
  }
  return re;
}

class Cache
{
public:
  // The compiled pattern, or null when it does not compile.
  const re2::RE2* get(std::string_view pattern)
  {
    {
      std::shared_lock lock(m_mutex);
      auto it = m_compiled.find(pattern);
      if (it != m_compiled.end()) {
        return it->second.get();
      }
    }
    // Compiled outside the lock: a large pattern takes seconds, and other
    // threads should not wait for it to look up theirs. When two threads
    // compile the same pattern, the first one stored is kept.
    auto compiled = compile(pattern);
    std::unique_lock lock(m_mutex);
    auto it = m_compiled.emplace(std::string(pattern), std::move(compiled)).first;
    return it->second.get();
  }

private:
  std::shared_mutex m_mutex;
  std::map<std::string, std::unique_ptr<const re2::RE2>, std::less<>> m_compiled;
};

Cache& cache()
{
  static Cache instance;
  return instance;
}

// Go decodes text that is not UTF-8 one byte at a time, each bad byte as
// U+FFFD, which `.`, [^a] and \x{FFFD} then match; RE2 matches no rune at
// such a byte. Replacing each with U+FFFD gives RE2 the runes Go sees, and a
// yes/no answer does not depend on byte offsets.
std::string go_runes(std::string_view text)
{
  std::string out;
  out.reserve(text.size() + 8);
  while (!text.empty()) {
    size_t bad = util::find_invalid_utf8(text);
    if (bad == std::string_view::npos) {
      out.append(text);
      break;
    }
    out.append(text.substr(0, bad));
    out += "\xEF\xBF\xBD";
    text.remove_prefix(bad + 1);
  }
  return out;
}

} // namespace

bool go_regexp_compiles(std::string_view pattern)
{
  return cache().get(pattern) != nullptr;
}

bool go_regexp_search(std::string_view pattern, std::string_view text)
{
  const re2::RE2* re = cache().get(pattern);
  if (!re) {
    return false;
  }
  if (util::find_invalid_utf8(text) != std::string_view::npos) {
    std::string runes = go_runes(text);
    return re2::RE2::PartialMatch(runes, *re);
  }
  return re2::RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re);
}

} // namespace edgegen::rules
