#pragma once

#include "model/model.hpp"

#include <cstdint>
#include <vector>

namespace edgegen::check {

// A route that can never match: `winner` matches every request it matches,
// with a higher priority (what E0423 reports). Both point into the Config.
struct Shadowing
{
  const model::Route* route = nullptr;
  const model::Route* winner = nullptr;
  int64_t route_priority = 0;
  int64_t winner_priority = 0;
};

// Every shadowed route of one environment with the route that shadows it,
// in the order of the projects and their routes: check_shadowing reports
// these, and `edgegen plan` flags the ones a change introduces.
std::vector<Shadowing> shadowed_routes(const model::Config& config);

} // namespace edgegen::check
