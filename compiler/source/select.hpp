#pragma once

#include "source/source.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace edgegen::source {

// Which state of the desired state to read: the files in a directory, a
// commit, or the Git index. What `--ref`, `--staged`, `--subdir`, `--base`
// and `--head` select.
struct Selection
{
  enum class Side { worktree, commit, index };

  std::string path = "."; // SOURCE as typed: the directory, or a directory of the repository
  Side side = Side::worktree;
  std::string revision; // for Side::commit: anything git accepts (main, v1.2, HEAD~1, origin/main, an id)
  // --subdir: the desired state's directory relative to the repository's
  // root; then `path` only locates the repository (a bare one, say).
  std::optional<std::string> subdir;
  std::vector<std::string> skip; // directories never read (--out), as typed
};

// The source for a selection. Throws util::EnvironmentError (exit 2) for a
// bad --subdir; everything else (not a repository, an unknown revision) is
// found when the source is read.
std::unique_ptr<Source> open_source(const Selection& selection);

// "edge", "edge at main", "edge (staged)": how messages name what was read.
std::string describe(const Selection& selection);

// The version of libgit2 reading commits and the index, as it reports
// itself at run time ("1.5.1").
std::string libgit2_version();

// --subdir as a repository path: "" for the root, no "." segment, no
// trailing '/'. Throws util::EnvironmentError for an absolute path or "..".
std::string normalise_subdir(const std::string& subdir);

// A commit or the index of the Git repository holding `selection.path`
// (source/git_source.cpp, the only user of libgit2).
std::unique_ptr<Source> git_source(Selection selection);

// The work tree of the Git repository holding `path`, with a trailing '/'.
// Throws util::EnvironmentError if there is no repository or it is bare.
std::string git_work_tree(const std::string& path);

} // namespace edgegen::source
