#pragma once

#include <string>
#include <string_view>

namespace edgegen::util {

// `s` as it can be shown on a terminal or in a CI log: invalid UTF-8 and
// control characters written as \xNN, so that no text read from the input
// can move the cursor, colour the output or start a line of its own.
std::string printable(std::string_view s);

} // namespace edgegen::util
