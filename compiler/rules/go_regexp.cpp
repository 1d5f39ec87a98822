// Go regular expressions on RE2, to check them (E0506) and to match them.
// A pattern is first spelled the way this RE2 release reads it, with the
// errors only Go reports (go_regexp_syntax.cpp); RE2's errors are then told
// in Go's words (below), and text is handed over the way Go decodes it. A
// compiled pattern, or its error, is kept per pattern for the process.
#include "rules/go_regexp.hpp"

#include "rules/go_regexp_syntax.hpp"
#include "rules/regexp.hpp"
#include "rules/simple_regexp.hpp"
#include "util/strings.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <utility>

namespace edgegen::rules {

namespace {

// RE2's default budget (8 MiB) holds some 400,000 instructions; \pL{1000}
// needs 1.2 million, where Go counts 1,000. Only a pattern that overflows
// the default is compiled again with this one.
constexpr int64_t k_large_budget = int64_t{512} << 20;

struct Compiled
{
  std::unique_ptr<const re2::RE2> re;
  std::optional<RegexpError> error;
};

Compiled compile(std::string_view pattern);

// Go's ErrorCode (regexp/syntax) for each of RE2's.
std::string go_code(re2::RE2::ErrorCode code)
{
  switch (code) {
  case re2::RE2::ErrorBadEscape:
    return "invalid escape sequence";
  case re2::RE2::ErrorBadCharClass:
    return "invalid character class";
  case re2::RE2::ErrorBadCharRange:
    return "invalid character class range";
  case re2::RE2::ErrorMissingBracket:
    return "missing closing ]";
  case re2::RE2::ErrorMissingParen:
    return "missing closing )";
  case re2::RE2::ErrorUnexpectedParen:
    return "unexpected )";
  case re2::RE2::ErrorTrailingBackslash:
    return "trailing backslash at end of expression";
  case re2::RE2::ErrorRepeatArgument:
    return "missing argument to repetition operator";
  case re2::RE2::ErrorRepeatSize:
    return "invalid repeat count";
  case re2::RE2::ErrorRepeatOp:
    return "invalid nested repetition operator";
  case re2::RE2::ErrorBadPerlOp:
    return "invalid or unsupported Perl syntax";
  case re2::RE2::ErrorBadUTF8:
    return "invalid UTF-8";
  case re2::RE2::ErrorBadNamedCapture:
    return "invalid named capture";
  case re2::RE2::ErrorPatternTooLarge:
    return "expression too large";
  default:
    return "regexp/syntax: internal error";
  }
}

// Where in `text` RE2 met the fragment it reports (RE2 gives a copy of it,
// not its place): the first place where the text cut after it gives RE2 the
// same error.
size_t re2_error_at(const std::string& text, const re2::RE2& re)
{
  const std::string& arg = re.error_arg();
  re2::RE2::Options options;
  options.set_log_errors(false);
  for (size_t at = text.find(arg); at != std::string::npos; at = text.find(arg, at + 1)) {
    re2::RE2 prefix(text.substr(0, at + arg.size()), options);
    if (prefix.error_code() == re.error_code() && prefix.error_arg() == arg) {
      return at;
    }
  }
  return std::min(text.find(arg), text.size());
}

// {n}, {n,}, {n,m} (and a trailing '?') with a count Go refuses on sight:
// above 1000, or m below n.
bool count_out_of_range(std::string_view op)
{
  long low = 0, high = -1;
  size_t i = 1;
  for (; i < op.size() && op[i] >= '0' && op[i] <= '9'; ++i) {
    low = std::min(low * 10 + (op[i] - '0'), 100000L);
  }
  high = low;
  if (i < op.size() && op[i] == ',') {
    high = -1;
    for (++i; i < op.size() && op[i] >= '0' && op[i] <= '9'; ++i) {
      high = std::min(std::max(high, 0L) * 10 + (op[i] - '0'), 100000L);
    }
  }
  return low > 1000 || high > 1000 || (high >= 0 && low > high);
}

// What the construct Go refuses is, where a name helps.
std::string explanation(re2::RE2::ErrorCode code, std::string_view from)
{
  static const std::pair<std::string_view, std::string_view> k_perl[] = {
      {"(?=", "lookahead"},           {"(?!", "negative lookahead"},     {"(?>", "an atomic group"},
      {"(?#", "a comment"},           {"(?P=", "a named backreference"}, {"(?P>", "a subroutine call"},
      {"(?R", "recursion"},           {"(?|", "a branch reset"},         {"(?<=", "lookbehind"},
      {"(?<!", "negative lookbehind"}};
  if (code == re2::RE2::ErrorBadEscape && from.size() > 1 && from[1] >= '0' && from[1] <= '9') {
    return " (Go regular expressions have no backreferences)";
  }
  if (code == re2::RE2::ErrorBadPerlOp || code == re2::RE2::ErrorBadNamedCapture) {
    for (const auto& [prefix, what] : k_perl) {
      if (from.substr(0, prefix.size()) == prefix) {
        return " (" + std::string(what) + " is not supported by Go regular expressions)";
      }
    }
    return code == re2::RE2::ErrorBadPerlOp ? " (flags are i, m, s and U)" : " (names are letters, digits and '_')";
  }
  return "";
}

// RE2's error for `p` (the spelling of `pattern`), as Go words it: Go's
// code, then the offending part of the pattern as written.
RegexpError go_error_of(std::string_view pattern, const detail::Re2Pattern& p, const re2::RE2& re)
{
  auto code = re.error_code();
  std::string go = go_code(code);
  auto quoted = [](std::string_view s) { return ": `" + std::string(s) + "`"; };
  switch (code) {
  case re2::RE2::ErrorMissingParen:
    // Go names the whole expression; the caret goes to the group left open.
    return {p.unclosed_group == std::string_view::npos ? 0 : p.unclosed_group, go + quoted(pattern)};
  case re2::RE2::ErrorUnexpectedParen:
    return {p.stray_paren == std::string_view::npos ? 0 : p.stray_paren, go + quoted(pattern)};
  case re2::RE2::ErrorTrailingBackslash:
    return {pattern.empty() ? 0 : pattern.size() - 1, go};
  case re2::RE2::ErrorBadEscape:
  case re2::RE2::ErrorBadCharClass:
  case re2::RE2::ErrorBadCharRange:
  case re2::RE2::ErrorMissingBracket:
  case re2::RE2::ErrorRepeatArgument:
  case re2::RE2::ErrorRepeatSize:
  case re2::RE2::ErrorRepeatOp:
  case re2::RE2::ErrorBadPerlOp:
  case re2::RE2::ErrorBadNamedCapture:
    break;
  default:
    return {0, go};
  }
  const std::string& arg = re.error_arg();
  size_t at = code == re2::RE2::ErrorMissingBracket ? p.text.size() - arg.size() : re2_error_at(p.text, re);
  size_t begin = detail::go_offset(p, at);
  size_t end = std::max(begin, detail::go_offset(p, at + arg.size()));
  std::string_view fragment = pattern.substr(begin, end - begin);
  // Go checks a count's range as soon as it reads it: before a '?' after
  // it and before the operator before it (parse.go, case '{'); RE2 after.
  size_t brace = fragment.rfind('{');
  if ((code == re2::RE2::ErrorRepeatOp || code == re2::RE2::ErrorRepeatSize) && brace != std::string_view::npos &&
      count_out_of_range(fragment.substr(brace))) {
    begin += brace;
    fragment = fragment.substr(brace, fragment.back() == '?' ? fragment.size() - brace - 1 : std::string_view::npos);
    return {begin, "invalid repeat count" + quoted(fragment)};
  }
  return {begin, go + quoted(fragment) + explanation(code, pattern.substr(begin))};
}

// Go reports the first error it meets, reading left to right, so an error
// RE2 finds before one only Go reports comes first. The text is cut there:
// a group or class the cut leaves open is not an error.
RegexpError first_error(std::string_view pattern, RegexpError go_error)
{
  auto before = compile(pattern.substr(0, go_error.offset)).error;
  if (!before || before->message.rfind("missing closing", 0) == 0) {
    return go_error;
  }
  return *before;
}

Compiled compile(std::string_view pattern)
{
  // Go decodes the pattern rune by rune and refuses what is not UTF-8,
  // surrogates and overlong forms included; RE2's decoder takes those.
  if (size_t bad = util::find_invalid_utf8(pattern); bad != std::string_view::npos) {
    return {nullptr, first_error(pattern, RegexpError{bad, "invalid UTF-8"})};
  }
  detail::Re2Pattern p = detail::re2_pattern(pattern);
  if (p.go_error) {
    return {nullptr, first_error(pattern, *p.go_error)};
  }
  // RE2's defaults are Go's: UTF-8, Perl syntax, leftmost-first, case
  // sensitive, `.` not matching \n, ^ and $ at the ends of the text.
  re2::RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_unique<re2::RE2>(p.text, options);
  if (re->error_code() == re2::RE2::ErrorPatternTooLarge) {
    options.set_max_mem(k_large_budget);
    re = std::make_unique<re2::RE2>(p.text, options);
  }
  if (!re->ok()) {
    return {nullptr, go_error_of(pattern, p, *re)};
  }
  return {std::move(re), std::nullopt};
}

class Cache
{
public:
  const Compiled* find(std::string_view pattern)
  {
    std::shared_lock lock(m_mutex);
    auto it = m_compiled.find(pattern);
    return it == m_compiled.end() ? nullptr : &it->second;
  }

  const Compiled& get(std::string_view pattern)
  {
    {
      std::shared_lock lock(m_mutex);
      auto it = m_compiled.find(pattern);
      if (it != m_compiled.end()) {
        return it->second;
      }
    }
    // Compiled outside the lock: a large pattern takes seconds, and other
    // threads should not wait for it to look up theirs. When two threads
    // compile the same pattern, the first one stored is kept.
    auto compiled = compile(pattern);
    std::unique_lock lock(m_mutex);
    auto it = m_compiled.emplace(std::string(pattern), std::move(compiled)).first;
    return it->second;
  }

private:
  std::shared_mutex m_mutex;
  std::map<std::string, Compiled, std::less<>> m_compiled;
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

// Checking keeps nothing: a large edge checks each of tens of thousands of
// patterns once (every wildcard host is a HostRegexp), while only those that
// requests are routed through are worth keeping compiled.
std::optional<RegexpError> check_go_regexp(std::string_view pattern)
{
  if (detail::simple_regexp(pattern)) {
    return std::nullopt;
  }
  if (const Compiled* known = cache().find(pattern)) {
    return known->error;
  }
  return compile(pattern).error;
}

bool go_regexp_compiles(std::string_view pattern)
{
  if (detail::simple_regexp(pattern)) {
    return true;
  }
  return cache().get(pattern).re != nullptr;
}

bool go_regexp_search(std::string_view pattern, std::string_view text)
{
  if (auto simple = detail::simple_regexp(pattern)) {
    if (auto found = detail::simple_search(*simple, text)) {
      return *found;
    }
  }
  const re2::RE2* re = cache().get(pattern).re.get();
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
