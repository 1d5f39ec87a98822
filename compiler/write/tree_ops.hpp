#pragma once

#include "write/disk.hpp"
#include "write/tree_io.hpp"

#include <set>
#include <string>
#include <string_view>
#include <vector>

// Internal to write/: the changes TreeWriter makes to the output directory
// besides staging and renaming files. Failures throw util::EnvironmentError.
namespace edgegen::write {

// What must go before the files that replace it: files of an earlier render
// that stand where a directory must now go (a file "a" becoming a directory
// "a/"), and directories where a file must go (the reverse), with the
// directories to remove with them.
struct InTheWay
{
  std::set<std::string, std::less<>> files;
  std::set<std::string, std::less<>> dirs;
  std::set<std::string, std::less<>> temporaries; // of a killed render, in those directories
};

// The directory `dir` may be replaced by a file only if it holds nothing but
// orphans edgegen wrote, the temporaries of a killed render for them, and
// directories; collects them into `plan`.
void clear_directory_or_throw(Disk& disk, const std::string& out_dir, const std::string& dir,
                              const SortedPaths& orphans, InTheWay& plan);

// Removes out_dir/rel if it is still a regular file reached through real
// directories; returns whether it did.
bool remove_file(Disk& disk, const std::string& out_dir, std::string_view rel);

// Removes the directories above `rel` that are empty now, up to but never
// including out_dir; stops at the first one that is not empty.
void prune_parents(Disk& disk, const std::string& out_dir, std::string_view rel);

// Temporary files of killed renders (".<name>.<pid>.<n>.tmp", AtomicFile's
// pattern) for `paths` (sorted, each once) and the journal, in the
// directories they go to. Only that exact pattern for those names: nothing
// else is ever touched.
void remove_stale_temporaries(Disk& disk, const std::string& out_dir, const std::vector<std::string_view>& paths);

// mkdir -p `dir`, appending the directories it made to `made`, outermost
// first.
void make_directories(Disk& disk, const std::string& dir, std::vector<std::string>& made);

} // namespace edgegen::write
