#pragma once

// Where the desired state sits in a Git repository, how its files are named
// and how a revision reads: string arithmetic for git_source.cpp, kept apart
// from libgit2 so that it can be tested with strings.

#include "source/select.hpp"

#include <string>
#include <vector>

namespace edgegen::source {

// The desired state's directory as a repository path ("" for the root):
// --subdir, or SOURCE's place in `work_tree` (empty for a bare repository,
// whose desired state is then the whole tree). Throws util::EnvironmentError
// when SOURCE is not inside the work tree.
std::string repository_root(const Selection& selection, const std::string& work_tree);

// What diagnostics put before a file's path below the root: SOURCE as typed
// (like the directory source), or the repository path with --subdir or in a
// bare repository, where no file is below SOURCE. "" or ends in '/'.
std::string display_prefix(const Selection& selection, bool bare);

// The skip directories (--out) that lie below the root, relative to it.
std::vector<std::string> skip_below_root(const Selection& selection, const std::string& work_tree,
                                         const std::string& root);

// A revision as git reads it: the name it starts with, up to the first
// '~', '^', ':' or "@{" (empty for ":/text", ":path" and "@{-1}"), and the
// operators after it. Git reads a name with '@' in it ("nope@") as a
// reference of that name, where libgit2 1.5 reads the '@' as an operator
// and resolves HEAD; and "@" alone is HEAD, which libgit2 refuses before
// '~' or '^'.
struct RevisionParts
{
  std::string name;
  std::string rest;
};
RevisionParts split_revision(const std::string& revision);

} // namespace edgegen::source
