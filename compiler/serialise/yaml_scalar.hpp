#pragma once

#include <string>
#include <string_view>

// Internal to serialise/: how one string becomes a YAML scalar. Split from the
// block emitter so that the quoting rules, the part everyone argues about,
// can be read and tested on their own.
namespace edgegen::serialise {

// True when `s` cannot be written as a plain scalar: a YAML 1.2 core-schema
// or YAML 1.1 reader (PyYAML, go-yaml v2 as used by Kubernetes) would read it
// as null, a bool, a number, a timestamp or a merge key, or its characters
// would change the structure (indicators, ": ", " #", edges with spaces,
// line breaks, characters that must be escaped).
bool yaml_needs_quotes(std::string_view s);

// Appends `s` as a double-quoted scalar with YAML escapes (\\, \", \n, \t,
// other control and non-printable characters as \xNN or \uNNNN). Throws
// std::logic_error if `s` is not valid UTF-8: the loader rejects such input,
// so reaching here is a bug and silently re-encoding would change the bytes.
void append_yaml_quoted(std::string& out, std::string_view s);

// Appends `s` plain if it can be, else quoted.
void append_yaml_string(std::string& out, std::string_view s);

} // namespace edgegen::serialise
