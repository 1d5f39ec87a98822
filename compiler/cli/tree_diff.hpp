#pragma once

#include "util/line_diff.hpp"

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace edgegen::cli {

// A rendered tree held in memory: path -> bytes, in path order.
using RenderedTree = std::map<std::string, std::string>;

// How one file differs between two rendered trees.
struct FileDiff
{
  std::string path;
  bool added = false;   // only in the new tree
  bool removed = false; // only in the old tree
  std::vector<util::Hunk> hunks;
  size_t insertions = 0;
  size_t deletions = 0;
};

// Every file that differs, in path order; identical files are left out.
// The hunks point into the two trees, which must outlive the result.
std::vector<FileDiff> diff_trees(const RenderedTree& old_tree, const RenderedTree& new_tree);

// A unified diff: "--- a/PATH" / "+++ b/PATH" (or /dev/null for an added or
// removed file) and hunks with three lines of context, which `patch -p1`
// and `git apply` read. With `color`, git's colours.
void print_patch(const std::vector<FileDiff>& diffs, bool color, std::ostream& out);

// `git diff --stat`: one line per file with its count and a +/- bar, then
// "N files changed, N insertions(+), N deletions(-)".
void print_stat(const std::vector<FileDiff>& diffs, bool color, std::ostream& out);

} // namespace edgegen::cli
