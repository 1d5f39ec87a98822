#pragma once

#include "cli/tree_diff.hpp"
#include "pipeline.hpp"
#include "source/select.hpp"

#include <string>
#include <vector>

namespace edgegen::cli {

struct DiffOptions
{
  source::Selection base; // --base REV
  source::Selection head; // --head REV, --staged, or the work tree
  bool stat = false;
  std::string color = "auto"; // auto (a terminal, and NO_COLOR unset), always, never
};

// `edgegen diff`: renders both sides in memory (nothing is written
// anywhere) and prints a unified diff of the rendered trees, or --stat.
// edgegen.lock.json and edgegen.sum are left out: they describe the inputs,
// whose every byte (comments too) they record, while the diff is about what
// the edge receives. Returns 0 when the trees are identical, 1 when they
// differ or a side is invalid (its diagnostics are printed, naming the side).
int diff_command(const DiffOptions& options);

// One side of a comparison, compiled, its diagnostics printed on standard
// error, with "edgegen: N error(s) in the base (…)" when it has errors;
// `side` is "base" or "head".
Compilation compile_side(const source::Selection& selection, const char* side);

// The rendered files of a compilation, serialised, without edgegen.lock.json
// and edgegen.sum (they record the inputs' bytes): what diff compares, and
// what plan checks for changes that its terms do not cover.
RenderedTree rendered_tree(const Compilation& c);

// --color: auto (standard output is a terminal, NO_COLOR unset, TERM not
// dumb), always or never.
bool use_color(const std::string& when);

} // namespace edgegen::cli
