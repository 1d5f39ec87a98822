#pragma once

#include "emit/output.hpp"
#include "model/model.hpp"

namespace edgegen::emit::traefik {

// Target "traefik": for one environment, <env>/traefik/traefik.yml (static
// configuration) and <env>/traefik/dynamic/*.yml for the file provider: one
// file per project, _shared.yml (shared middlewares, dashboard) and tls.yml.
std::vector<OutputFile> render(const model::Config& config);

util::Value static_config(const model::Config& config);
util::Value project_config(const model::Config& config, const model::Project& project);
util::Value shared_config(const model::Config& config); // null when there is nothing to share
util::Value tls_config(const model::Config& config);

// Router pieces shared by the file provider and later targets (labels, KV).
std::string route_rule(const model::Route& route);
std::string host_rule(const std::string& host); // Host(`h`), or HostRegexp for *.domain
util::Value router_tls(const model::Config& config, const std::string& host, const model::Ref& issuer);
std::vector<std::string> default_entry_points(const model::Config& config);

} // namespace edgegen::emit::traefik
