#pragma once

#include <string>

namespace edgegen::rules {

// True for the names Go's regexp accepts in \p{...}: "Any", the Unicode
// general categories and the scripts of Go's unicode package.
bool is_unicode_class_name(const std::string& name);

} // namespace edgegen::rules
