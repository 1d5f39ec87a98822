// Entry points and certificates: a route must be reachable where it is
// listed, a TLS route must get a certificate for each of its hosts, and an
// HTTP-01 issuer cannot issue a wildcard.
#include "check/check.hpp"
#include "check/internal.hpp"

#include "util/strings.hpp"

namespace edgegen::check {

namespace {

bool is_wildcard(const std::string& host)
{
  return util::starts_with(host, "*.");
}

bool http01(const model::Issuer& issuer)
{
  return issuer.type == model::Issuer::Type::acme && issuer.solver.type == model::AcmeSolver::Type::http01;
}

// An entry point clients reach with TLS: port 443, or one that another
// redirects to.
std::string describe(const model::EntryPoint& entry_point)
{
  return "entry point \"" + entry_point.name + "\" (\"" + entry_point.address + "\")";
}

// Entry points a route or the dashboard lists explicitly, or that it gets
// by default (`what` is at `location`).
void check_entry_points(const model::Config& config, const util::CompactVector<model::Ref>& refs, bool tls,
                        const std::string& what, const diag::Location& location, diag::Diagnostics& diagnostics)
{
  if (refs.empty() && model::entry_points_of(config, refs, tls).empty()) {
    std::vector<std::string> open;
    for (const auto& entry_point : config.edge.entry_points) {
      if (entry_point.redirect_to.name.empty()) {
        open.push_back(describe(entry_point));
      }
    }
    std::string where = config.environment.implicit ? "" : " in environment \"" + config.environment.name + "\"";
    diagnostics.error("E0408", location,
                      tls ? what + " uses TLS but no entry point" + where + " takes TLS: " +
                                (open.empty() ? "every one redirects" : util::join(open, ", ") + " serves plain HTTP")
                          : what + " has no entry point" + where + ": every one redirects",
                      tls ? "write `tls: false` to serve plain HTTP, or add an entry point on :443"
                          : "add an entry point without redirectTo");
    return;
  }
  for (const auto& ref : refs) {
    const model::EntryPoint* entry_point = detail::find_entry_point(config, ref.name);
    if (!entry_point) {
      continue; // E0404
    }
    if (!entry_point->redirect_to.name.empty()) {
      diagnostics.error("E0406", ref.location,
                        "entry point \"" + ref.name + "\" redirects every request to \"" +
                            entry_point->redirect_to.name + "\", so this route is never reached",
                        "remove \"" + ref.name +
                            "\"; without entryPoints a route is on every entry point that "
                            "does not redirect");
    } else if (tls && model::serves_plain_http(*entry_point)) {
      diagnostics.error("E0407", ref.location, "route uses TLS but " + describe(*entry_point) + " serves plain HTTP",
                        "put the route on an entry point clients reach with TLS, or write `tls: false`");
    }
  }
}

// The certificate of each host of one TLS router.
// `rules_broken`: the rule has problems of its own (E05xx), so its hosts are
// not known and saying more would repeat them.
void check_certificate(const model::Config& config, const util::CompactVector<std::string>& hosts, bool raw_rule,
                       bool rules_broken, const model::Ref& issuer_ref, const diag::Location& location,
                       diag::Diagnostics& diagnostics)
{
  const model::Issuer* issuer = model::find_issuer(config, issuer_ref.resolved);
  if (!issuer) {
    return; // E0403 or E0405
  }
  if (hosts.empty() && raw_rule && issuer->type == model::Issuer::Type::acme && !rules_broken) {
    diagnostics.error("E0441", location,
                      "TLS route's rule has no Host() matcher, so issuer \"" + issuer->name +
                          "\" has no domain to request a certificate for",
                      "add Host(`...`) to the rule, or write `tls: false`");
    return;
  }
  for (const auto& host : hosts) {
    if (issuer->type == model::Issuer::Type::files) {
      bool covered = false;
      for (const auto& certificate : issuer->certificates) {
        for (const auto& domain : certificate.domains) {
          covered = covered || detail::covers(domain, host);
        }
      }
      if (!covered) {
        diagnostics.error("E0441", location,
                          "no certificate of issuer \"" + issuer->name + "\" covers \"" + host + "\"",
                          "add \"" + host +
                              "\" (or a wildcard one label up) to the domains of one of its "
                              "certificates at " +
                              diag::format_location(issuer->location) + ", or use an ACME issuer");
      }
      continue;
    }
    bool requested = false; // an explicit certificate of this issuer covers it
    for (const auto* requests : {&config.environment.certificates, &config.edge.certificates}) {
      for (const auto& request : *requests) {
        for (const auto& domain : request.domains) {
          requested = requested || (request.issuer.resolved == issuer->name && detail::covers(domain, host));
        }
      }
    }
    if (!requested && is_wildcard(host) && http01(*issuer)) {
      diagnostics.error("E0442", location,
                        "issuer \"" + issuer->name + "\" solves HTTP-01, which cannot issue a certificate for \"" +
                            host + "\"",
                        "use a DNS-01 issuer for this route (issuer: ...), or request the wildcard in "
                        "Edge.spec.certificates from a DNS-01 issuer");
    }
  }
}

} // namespace

void check_tls(const model::Config& config, const model::SharedRouteRules& parsed, diag::Diagnostics& diagnostics)
{
  if (const auto& open = config.edge.dashboard;
      open.enabled && open.insecure && util::starts_with(config.environment.name, "prod")) {
    diagnostics.warning(
        "W0607", open.insecure_location,
        "the dashboard is served without authentication on :8080 in environment \"" + config.environment.name + "\"",
        "keep `insecure` for development environments; protect this one with middlewares on the dashboard's host");
  }
  for (const auto* requests : {&config.edge.certificates, &config.environment.certificates}) {
    for (const auto& request : *requests) {
      const model::Issuer* issuer = model::find_issuer(config, request.issuer.resolved);
      for (size_t i = 0; issuer && http01(*issuer) && i < request.domains.size(); ++i) {
        if (is_wildcard(request.domains[i])) {
          diagnostics.error("E0442",
                            i < request.domain_locations.size() ? request.domain_locations[i] : request.location,
                            "issuer \"" + issuer->name + "\" solves HTTP-01, which cannot issue a certificate for \"" +
                                request.domains[i] + "\"",
                            "request this certificate from a DNS-01 issuer (issuer: ...)");
        }
      }
    }
  }
  const auto& dashboard = config.edge.dashboard;
  if (dashboard.enabled) {
    check_entry_points(config, dashboard.entry_points, dashboard.tls, "the dashboard", dashboard.location, diagnostics);
    if (dashboard.tls) {
      check_certificate(config, {dashboard.host}, false, false, dashboard.issuer, dashboard.host_location, diagnostics);
    }
  }
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      check_entry_points(config, route.entry_points(), route.tls(), "route", route.location(), diagnostics);
      if (route.tls()) {
        bool broken = !parsed->ok(project, route);
        check_certificate(config, route.match.scope.hosts, route.raw(), broken, route.issuer(),
                          route.raw() ? route.rule_location() : route.host_location(), diagnostics);
        continue;
      }
      for (const auto& name : detail::route_entry_points(config, route)) {
        const model::EntryPoint* entry_point = detail::find_entry_point(config, name);
        if (entry_point && entry_point->redirect_to.name.empty() && model::serves_tls(config, *entry_point)) {
          diagnostics.warning("W0604", route.location(),
                              "route has tls: false but is served on " + describe(*entry_point) +
                                  ", where clients speak TLS",
                              "remove `tls: false`, or list a plain-HTTP entry point in entryPoints");
          break;
        }
      }
      const std::vector<model::Middleware>* lists[] = {&project.middlewares.get(), &config.middlewares};
      for (const auto& ref : route.middlewares()) {
        for (const auto* list : lists) {
          for (const auto& middleware : *list) {
            if (middleware.output_name == ref.resolved &&
                (middleware.type == "basicAuth" || middleware.type == "digestAuth" ||
                 middleware.type == "forwardAuth")) {
              diagnostics.warning("W0605", ref.location,
                                  "middleware \"" + ref.name + "\" (" + middleware.type +
                                      ") authenticates a route without TLS: credentials cross the network in clear",
                                  "remove `tls: false` from the route");
            }
          }
        }
      }
    }
  }
}

} // namespace edgegen::check
