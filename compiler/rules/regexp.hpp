#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace edgegen::rules {

// Why a regular expression would not compile, and where (byte offset into
// the pattern).
struct RegexpError
{
  size_t offset = 0;
  std::string message;
};

// Checks `pattern` as Traefik's regexp.Compile does: Go's regexp/syntax
// with Perl flags (Go 1.25). It is compiled with RE2, the engine that also
// matches it (go_regexp.hpp), after the places where Go and this RE2 release
// differ are settled (go_regexp_syntax.cpp); the message is Go's: its error
// code, then the offending part of the pattern.
std::optional<RegexpError> check_go_regexp(std::string_view pattern);

} // namespace edgegen::rules
