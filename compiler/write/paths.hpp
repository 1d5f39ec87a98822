#pragma once

#include <string>
#include <string_view>
#include <vector>

// Internal to write/: which relative paths may name an output file. One
// definition for render_files (which rejects bad paths from emitters) and
// write_tree/compare_tree (which ignore bad paths in a previous edgegen.sum).
namespace edgegen::write {

inline constexpr std::string_view k_sum_path = "edgegen.sum";
inline constexpr std::string_view k_lock_path = "edgegen.lock.json";

// '/'-separated and relative, with no empty, "." or ".." segment, no
// backslash and no control character: such a path can only ever name a file
// below the output directory, and sha256sum reads it back unescaped.
bool is_valid_output_path(std::string_view path);

// Throws std::logic_error (an emitter bug) if a path is invalid, appears
// twice, or is also a directory of another path ("a" and "a/b").
void check_output_paths(std::vector<std::string> paths);

} // namespace edgegen::write
