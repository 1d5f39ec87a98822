// `edgegen graph`: hosts -> routers -> middlewares -> services of one
// environment, drawn by review::draw_graph.
#include "cli/graph_command.hpp"

#include "cli/commands.hpp"
#include "cli/route_command.hpp"

namespace edgegen::cli {

int graph_command(const Compilation& c, const GraphRequest& request, std::ostream& out)
{
  review::GraphOptions options;
  options.format = request.format;
  out << review::draw_graph(environment_of(c, request.environment), options);
  return k_exit_ok;
}

} // namespace edgegen::cli
