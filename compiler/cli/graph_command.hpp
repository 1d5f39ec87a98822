#pragma once

#include "pipeline.hpp"
#include "review/graph.hpp"

#include <ostream>
#include <string>

namespace edgegen::cli {

// `edgegen graph`: the route map of one environment.
struct GraphRequest
{
  std::string environment; // empty: the only one
  review::GraphFormat format = review::GraphFormat::mermaid;
};

// Prints the map of a compilation without errors on `out` and returns the
// exit code (0). Throws util::EnvironmentError for an unknown environment,
// or none named when there are several.
int graph_command(const Compilation& c, const GraphRequest& request, std::ostream& out);

} // namespace edgegen::cli
