#pragma once

#include "load/node.hpp"

#include <string>
#include <vector>

namespace edgegen::validate {

// How validate/ messages show things.

// A JSON pointer: "/spec/routes/0", or "document" for "".
std::string show_pointer(const std::string& pointer);

// A value: "abc" quoted (shortened when long), 42, true, null, a list, a mapping.
std::string show_value(const load::Node& node);

// A string in double quotes, escaped, shortened to about 60 bytes.
std::string quote(const std::string& text);

// 65535, 0.5.
std::string show_number(double value);

// JSON Schema types as YAML users know them: "string, number or mapping".
std::string show_types(const std::vector<std::string>& types);

} // namespace edgegen::validate
