#pragma once

// Shared by the checks of matchers and their arguments (matchers.cpp,
// hosts.cpp, templates.cpp, hints.cpp). Not part of the rules interface.

#include "rules/rule.hpp"

namespace edgegen::rules::detail {

// A Go string literal that reads back as `value` and can sit in a message:
// `raw` when the value allows it (no backtick, carriage return, control
// character or invalid UTF-8), else "interpreted" with escapes.
std::string go_literal(std::string_view value);

// `name(values...)`, each value as go_literal.
std::string call_of(std::string_view name, const std::vector<std::string>& values);

// `lead` + "write <rule>" when `rule` is one that Traefik accepts and
// edgegen has nothing to say about, else `otherwise`: a hint that suggests a
// rule which is wrong again is worse than none. The rule always ends the
// hint.
std::string write_hint(const std::string& rule, Protocol protocol, std::string otherwise, std::string_view lead = {});

// The byte offset of the first v2 placeholder, `{name}` or `{name:regexp}`,
// in `text`, or npos. In a regular expression (`regexp`), escapes and
// character classes are skipped: `\{` is a brace, `\p{Greek}` a class.
size_t find_placeholder(std::string_view text, bool regexp);

// What Traefik v2 made of a template (gorilla/mux): text outside
// placeholders quoted (regexp.QuoteMeta), each placeholder's regexp as
// written (`default_pattern` for a bare `{name}`), all anchored with ^ and,
// unless `prefix`, $.
std::string template_to_regexp(std::string_view text, std::string_view default_pattern, bool prefix);

// The v3 regexp meant by a regexp argument that holds placeholders: a v2
// template when the text around them is plain, else (it already uses
// regexp syntax) that text kept as written with each placeholder replaced
// by its regexp; anchored in both cases, as v2 matched whole values.
std::string placeholders_to_regexp(std::string_view text, std::string_view default_pattern);

// Host() values that Traefik accepts but that can never match what they say
// (E0431), and v2 placeholders in them (E0503).
void check_host(const Matcher& matcher, const Argument& argument, std::string_view rule, std::vector<RuleProblem>& out);

} // namespace edgegen::rules::detail
