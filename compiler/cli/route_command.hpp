#pragma once

#include "cli/report.hpp"
#include "pipeline.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace edgegen::cli {

// `edgegen route`: where one request goes in one environment.
struct RouteRequest
{
  std::string environment; // empty: the only one
  std::string url;
  std::string method = "GET";
  std::vector<std::string> headers; // "Name: value"
  std::string client_ip;
  std::string entry_point; // empty: the one on the URL's port
};

// The environment named `name` (empty: the only one). Throws
// util::EnvironmentError for an unknown name, or none when there are
// several, listing the environments.
const model::Config& environment_of(const Compilation& c, const std::string& name);

// Prints the answer (text or JSON on `out`) and returns the exit code: 0 when
// answered, whatever the status. Throws util::EnvironmentError for an
// unknown environment or a URL that is no request.
int route_command(const Compilation& c, const RouteRequest& request, Format format, std::ostream& out);

} // namespace edgegen::cli
