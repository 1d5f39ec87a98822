#pragma once

#include <string>
#include <string_view>
#include <vector>

// Which relative paths may name an output file, and the names of edgegen's
// own files. One definition for render_files (which rejects bad paths from
// emitters) and write/ (write_tree and compare_tree ignore bad paths in a
// previous edgegen.sum).
namespace edgegen::serialise {

inline constexpr std::string_view k_sum_path = "edgegen.sum";
inline constexpr std::string_view k_lock_path = "edgegen.lock.json";
// edgegen's own files that are not output: the journal of a render in
// progress (pending.cpp) and the file a render locks (output_lock.cpp). No
// edgegen.sum lists them, so they are never orphans, never foreign files.
inline constexpr std::string_view k_pending_path = ".edgegen.pending";
inline constexpr std::string_view k_flock_path = ".edgegen.flock";

// '/'-separated and relative, with no empty, "." or ".." segment, no
// backslash and no control character: such a path can only ever name a file
// below the output directory, and sha256sum reads it back unescaped. Nor is
// it one of edgegen's own files (k_pending_path, k_flock_path): a previous
// edgegen.sum or journal that names one does not make it an orphan.
bool is_valid_output_path(std::string_view path);

// Throws std::logic_error (an emitter bug) if a path is invalid, appears
// twice, or is also a directory of another path ("a" and "a/b").
void check_output_paths(std::vector<std::string_view> paths);

} // namespace edgegen::serialise
