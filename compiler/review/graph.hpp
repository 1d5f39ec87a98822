#pragma once

// The route map of one environment: hosts -> routers -> middlewares ->
// services -> servers, as Traefik holds them (model::traefik_routing_table),
// in Mermaid or Graphviz DOT. Deterministic: node ids derive from names,
// nodes and edges are sorted, one line each, so two maps diff line by line.

#include "model/model.hpp"

#include <set>
#include <string>

namespace edgegen::review {

enum class GraphFormat { mermaid, dot };

struct GraphOptions
{
  GraphFormat format = GraphFormat::mermaid;
  std::set<std::string> highlight; // router names drawn highlighted (Mermaid classDef / DOT style)
  bool only_highlighted = false;   // draw only highlighted routers and their neighbours (hosts, middlewares, services)
};

std::string draw_graph(const model::Config& config, const GraphOptions& options);

} // namespace edgegen::review
