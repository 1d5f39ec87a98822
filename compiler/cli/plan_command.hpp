#pragma once

#include "source/select.hpp"

#include <string>

namespace edgegen::cli {

struct PlanOptions
{
  source::Selection base; // --base REV
  source::Selection head; // --head REV, --staged, or the work tree
  bool markdown = false;  // --format markdown
  std::string color = "auto";
};

// `edgegen plan`: compiles both sides in memory (nothing is written) and
// prints what the change does to each environment's edge: routes,
// certificates, DNS records, middlewares, risks, and a summary line (see
// review/plan.hpp). Returns 0 when nothing changes, 1 when something does or
// a side is invalid (its diagnostics are printed, naming the side; a side
// whose checks fail is still planned, since its model is whole).
int plan_command(const PlanOptions& options);

} // namespace edgegen::cli
