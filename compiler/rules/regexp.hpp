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

// Checks `pattern` against Go's regexp/syntax with Perl flags, which is what
// Traefik's regexp.Compile accepts (RE2 syntax). Go has no backreferences,
// lookarounds, atomic groups, possessive quantifiers or comments, limits
// repetition counts to 1000, and accepts `{` that starts no repetition as a
// literal; std::regex would accept or reject other things, so this is a
// parser of its own.
std::optional<RegexpError> check_go_regexp(std::string_view pattern);

} // namespace edgegen::rules
