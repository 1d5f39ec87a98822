// Hosts given a DNS record or a requested certificate should be served by a
// router: each host is tried with the requests its routers match (built from
// their rules) and must end at one of them.
//
// DNS records are written for the hosts the routes and the dashboard serve
// (emit/dns), so a record's host goes unserved only when no router of it can
// take a request at all: an error (E0492). A requested certificate may name
// hosts no route serves yet: issued ahead of a move, or the apex beside the
// wildcard, which costs one name in the certificate. One whose names are all
// unserved is never presented (and Traefik never even orders it): a warning
// (W0606), silenced where it is meant.
#include "check/check.hpp"
#include "check/internal.hpp"
#include "check/requests.hpp"

#include "util/empty.hpp"
#include "util/strings.hpp"

#include <set>

namespace edgegen::check {

namespace {

struct Prober
{
  detail::Routing& routing;

  int port_of(const std::string& entry_point)
  {
    for (const auto& ep : routing.table().entry_points) {
      if (ep.name == entry_point) {
        return ep.port;
      }
    }
    return 0;
  }

  // True if some request for `host` ends at a router.
  bool served(const std::string& host)
  {
    const model::RoutingTable& table = routing.table();
    const std::vector<const rules::Router*> routers = routing.index().routers(host);
    for (const rules::Router* router : routers) {
      for (const auto& entry_point : router->entry_points) {
        int port = port_of(entry_point);
        const char* scheme = router->tls ? "https" : "http";
        auto request = router->rule ? detail::witness_request(*router->rule, scheme, port, host)
                                    : detail::witness_request(router->host_path, scheme, port, host);
        if (port > 0 && request &&
            rules::route_request(routers, table.entry_points, *request, entry_point).kind ==
                rules::Outcome::Kind::routed) {
          return true;
        }
      }
    }
    return false;
  }

  // What `https://host/` gets.
  std::string witness(const std::string& host)
  {
    rules::Request request;
    if (rules::make_request("https://" + host + "/", "GET", {}, "", request)) {
      return "it is not a host name";
    }
    const model::RoutingTable& table = routing.table();
    const std::vector<const rules::Router*> routers = routing.index().routers(host);
    rules::Outcome outcome = rules::route_request(routers, table.entry_points, request);
    return "GET https://" + host + "/: " + detail::describe(outcome, table);
  }
};

bool in_zone(const model::Config& config, const std::string& host)
{
  for (const auto& zone : config.edge.dns.zones) {
    std::string apex = rules::normalize_host(zone.name);
    if (host == apex || util::ends_with(host, "." + apex)) {
      return true;
    }
  }
  return false;
}

} // namespace

void check_served_hosts(const model::Config& config, detail::Routing& routing, diag::Diagnostics& diagnostics)
{
  Prober prober{routing};
  if (model::has_target(config, "dns")) {
    std::set<std::string> seen;
    for (const auto& project : config.projects) {
      for (const auto& route : project.routes) {
        for (const auto& host : route.match.scope.hosts) {
          if (!rules::is_ip_address(host) && !util::starts_with(host, "*.") && in_zone(config, host) &&
              !detail::unresolved_reference(host, config.environment.vars) && seen.insert(host).second &&
              !prober.served(host)) {
            diagnostics.error(
                "E0492", route.location(),
                "host \"" + host + "\" gets a DNS record but no router serves it: " + prober.witness(host),
                "no request matches this route's rule on its entry points: fix the rule or the entry points");
          }
        }
      }
    }
  }
  for (const auto* requests : {&config.edge.certificates, &config.environment.certificates}) {
    for (const auto& request : *requests) {
      bool used = false;
      for (const auto& domain : request.domains) {
        std::string host = rules::normalize_host(domain);
        if (util::starts_with(host, "*.")) {
          for (const auto& source : routing.table().routes) {
            for (const auto& routed :
                 source.route ? source.route->match.scope.hosts : util::empty<util::CompactVector<std::string>>()) {
              used = used || (model::certificate_covers(host, routed) && prober.served(routed));
            }
          }
          const auto& dashboard = config.edge.dashboard;
          used = used || (dashboard.enabled && model::certificate_covers(host, rules::normalize_host(dashboard.host)));
          used = used || prober.served("a" + host.substr(1));
        } else {
          used = used || prober.served(host);
        }
      }
      if (!used && !request.domains.empty()) {
        std::string first = rules::normalize_host(request.domains.front());
        std::string probe = util::starts_with(first, "*.") ? "a" + first.substr(1) : first;
        diagnostics.warning("W0606", request.location,
                            (request.name.empty() ? "certificate for \"" + first : "certificate \"" + request.name) +
                                "\" is for hosts no router serves: " + prober.witness(probe),
                            "route one of its hosts, or remove the certificate (Traefik never orders it)");
      }
    }
  }
}

} // namespace edgegen::check
