#pragma once

// The simplest Go regexps, checked and matched without compiling them: an
// optional ^, single-character atoms (an ASCII literal, a punctuation
// escape such as \., `.`, a class of ASCII letters, digits and ranges such
// as [a-z0-9-]) each with an optional *, + or ?, and an optional $. Every
// wildcard host is such a HostRegexp (^[a-z0-9-]+\.example\.com$), and a
// large edge has tens of thousands: compiling each with RE2 took a tenth of
// a validation and kilobytes of memory apiece. Anything outside this form
// goes to RE2 (go_regexp.cpp), which gives the same answers on this form.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace edgegen::rules::detail {

struct SimpleRegexp
{
  struct Atom
  {
    std::array<uint64_t, 2> chars{}; // the ASCII characters it matches, a bit each
    char repeat = 0;                 // 0 (once), '*', '+' or '?'
  };
  bool begin = false; // ^: at the start of the text
  bool end = false;   // $: at the end of the text
  std::vector<Atom> atoms;
};

// The pattern in this form, which Go's regexp.Compile always accepts;
// nullopt when it uses anything else (groups, alternation, {n}, flags,
// Perl or Unicode classes, negated classes, non-ASCII bytes).
std::optional<SimpleRegexp> simple_regexp(std::string_view pattern);

// regexp.MatchString on ASCII `text` (an unanchored search, but for ^ and
// $); nullopt when the text is not ASCII, where runes matter.
std::optional<bool> simple_search(const SimpleRegexp& re, std::string_view text);

} // namespace edgegen::rules::detail
