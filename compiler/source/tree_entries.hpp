#pragma once

// The rules that decide which entries of a Git tree or index become input.
// Kept apart from the libgit2 code (git_source.cpp) so that they can be
// tested with plain strings, and so that a commit, the index and a directory
// skip the same things.

#include "diag/diagnostics.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace edgegen::source {

// One entry of a Git tree or of the index, below the desired-state root.
struct TreeEntry
{
  enum class Mode { file, symlink, submodule, directory };

  // The names from the root down, exactly as the tree or index holds them:
  // a crafted tree can hold "..", "" or "a/b" as one name, so nothing here
  // has been checked yet. A commit lists a directory only when the walk did
  // not descend into it (see should_descend); the index never does.
  std::vector<std::string> names;
  Mode mode = Mode::file;
  std::string id;          // blob id (file, symlink) or commit id (submodule), hex
  std::string link_target; // a symlink's text
};

// What the listing rules need to know besides the entries.
struct TreeListing
{
  std::vector<TreeEntry> entries;
  // Where the listing's root is in the repository ("" or "edge"): symlink
  // targets are resolved against it.
  std::string root;
  // Prepended to paths in diagnostics ("edge/").
  std::string display_prefix;
  // '/'-separated paths below the root that are never read (--out).
  std::vector<std::string> skip;
};

// An input chosen from a listing.
struct SelectedEntry
{
  std::string path; // below the root, '/'-separated
  std::string name; // for diagnostics: display_prefix + path
  std::string id;
};

// Why `name` cannot be one component of a path: it is empty, "." or "..",
// holds a '/' or a control character. Empty if the name is fine.
std::string invalid_name_reason(std::string_view name);

// A name as diagnostics may print it: control characters and bytes that a
// terminal would act on become \xNN.
std::string printable_name(std::string_view name);

// False for names whose subtree is never input (hidden or invalid), so a
// walk can list such a directory as one entry instead of descending.
bool should_descend(std::string_view name);

// The directory source's rules, applied to a listing: hidden entries
// (".git", ".github") and everything below them are skipped, as are
// directories holding an edgegen.sum (rendered output), the `skip` paths
// and files that are not *.yaml / *.yml. Never followed, each reported with
// its path: an invalid name (E0113), a submodule (E0112) and a symbolic link
// (E0110) that is named like an input, points outside the repository or at a
// directory (`is_directory` answers for a repository path). Returns the
// inputs sorted by path.
std::vector<SelectedEntry> select_inputs(const TreeListing& listing,
                                         const std::function<bool(const std::string&)>& is_directory,
                                         diag::Diagnostics& diagnostics);

} // namespace edgegen::source
