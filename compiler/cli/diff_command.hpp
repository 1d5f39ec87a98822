#pragma once

#include "source/select.hpp"

#include <string>

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

} // namespace edgegen::cli
