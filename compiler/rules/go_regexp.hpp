#pragma once

// Go's regexp, as Traefik runs it on requests: regexp.Compile (Perl flags)
// and MatchString. Matching goes through RE2, which shares Go's semantics
// (leftmost-first, UTF-8, Perl and Unicode classes, linear time); the few
// places where RE2's syntax or text handling differ from Go's are handled in
// go_regexp_syntax.cpp, go_unicode_classes.cpp and go_regexp.cpp. This header
// and regexp.hpp (check_go_regexp, on the same compiled patterns) are the
// only doors to RE2.

#include <string_view>

namespace edgegen::rules {

// True if Go's regexp.Compile accepts `pattern` and RE2 can hold it: a
// Unicode class such as \pL counts as one instruction in Go and as hundreds
// of UTF-8 byte ranges in RE2, so a class repeated a thousand times needs a
// large budget, which it gets; past that (hundreds of MiB) the pattern is
// treated as one that does not compile.
bool go_regexp_compiles(std::string_view pattern);

// regexp.MustCompile(pattern).MatchString(text): an unanchored search. False
// for a pattern that does not compile. Compiled patterns are kept for the
// life of the process (they come from the rules of one configuration and
// repeat across every request routed); safe to call from several threads.
bool go_regexp_search(std::string_view pattern, std::string_view text);

} // namespace edgegen::rules
