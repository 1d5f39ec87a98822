#pragma once

// Go's regexp syntax spelled for RE2: what go_regexp.cpp hands to RE2 in
// place of a pattern, and the few errors Go reports that RE2 would not.
// No RE2 type appears here. Not part of the rules interface.

#include "rules/regexp.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace edgegen::rules::detail {

struct Re2Pattern
{
  // A piece of the Go pattern that RE2 reads in another spelling.
  struct Rewrite
  {
    size_t re2_at = 0, re2_size = 0, go_at = 0, go_size = 0;
  };

  std::string text; // the pattern as this RE2 release reads it
  std::vector<Rewrite> rewrites;
  // The first error Go reports where RE2 would accept the text or report
  // something else; offsets are into the Go pattern.
  std::optional<RegexpError> go_error;
  size_t unclosed_group = std::string_view::npos; // innermost '(' never closed
  size_t stray_paren = std::string_view::npos;    // first ')' that closes nothing
};

// Walks `pattern` token by token (escapes, \Q...\E, character classes,
// groups, counted repetitions) and spells what Go accepts the way RE2 reads
// it. It checks nothing RE2 checks the same way.
Re2Pattern re2_pattern(std::string_view pattern);

// The offset in the Go pattern of `re2_offset` in `p.text`.
size_t go_offset(const Re2Pattern& p, size_t re2_offset);

// What RE2 should read for Go's \p{name} (\P{name} when `negated`), inside
// a character class when `in_class`; empty when Go does not know the name.
// `inexpressible` is set when RE2 has no spelling for it in that place.
std::string re2_unicode_class(std::string_view name, bool negated, bool in_class, bool& inexpressible);

} // namespace edgegen::rules::detail
