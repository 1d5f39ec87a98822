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

// Certificates the input asks for: whether certificate `domain` (maybe
// "*.example.com", which serves one label below) serves `host`, and the
// first request of the environment, then of the Edge, that `issuer` signs
// and that serves `host` (nullptr: none, so the host gets its own).
bool certificate_covers(const std::string& domain, const std::string& host);
const model::CertificateRequest* certificate_request(const model::Config& config, const std::string& host,
                                                     const std::string& issuer);

} // namespace edgegen::emit::traefik
