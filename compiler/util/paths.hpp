#pragma once

#include <string>
#include <string_view>

namespace edgegen::util {

// What a path-like value must be: inside the tree it names a place in
// (`relative`), a path in a container (`absolute`), or either (`any`). A
// `host` path is the operator's own choice on the machine that runs compose
// ("../traefik" by default): only control characters and backslashes are
// refused there.
enum class PathKind { relative, absolute, any, host };

// Why `path` is not a clean path of that kind, or empty: it is empty, holds a
// control character or a backslash, is absolute where it must be relative
// (or the other way round), or has a "..", "." or empty segment. A clean
// path cannot leave the directory it is resolved in.
std::string path_problem(std::string_view path, PathKind kind);

} // namespace edgegen::util
