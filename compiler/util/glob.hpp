#pragma once

#include <string_view>

namespace edgegen::util {

// Glob over '/'-separated paths: `*` and `?` stay within one segment, `**`
// spans segments. A pattern that matches a directory matches everything
// below it too ("legacy" and "legacy/**" both exclude legacy/a.yaml).
bool glob_match(std::string_view pattern, std::string_view path);

} // namespace edgegen::util
