// Unknown references: route -> service / middleware / issuer / entry point,
// environment -> issuer, and the Edge's own references.
#include "check/check.hpp"

#include "util/strings.hpp"

#include <map>

namespace edgegen::check {

namespace {

using model::Ref;

std::string hint_for(const std::string& name, const std::vector<std::string>& candidates, const std::string& otherwise)
{
  std::string suggestion = util::closest_match(name, candidates);
  return suggestion.empty() ? otherwise : "did you mean \"" + suggestion + "\"?";
}

using Absent = std::map<std::string, model::Location>;

const Absent k_none;

// An unresolved reference: to an object that `environments` leaves out of
// this environment (E0417), or to none at all (`code`).
void require(const Ref& ref, const char* code, const std::string& what, const std::vector<std::string>& candidates,
             const std::string& otherwise, diag::Diagnostics& diagnostics, const Absent& absent = k_none,
             const model::Config* config = nullptr)
{
  if (ref.name.empty() || !ref.resolved.empty()) {
    return;
  }
  if (auto it = absent.find(ref.name); it != absent.end() && config) {
    diagnostics.error("E0417", ref.location,
                      what + " \"" + ref.name + "\" does not exist in environment \"" + config->environment.name + "\"",
                      "its environments (" + diag::format_location(it->second) +
                          ") leave it out; select this environment there too, or give what refers to it "
                          "environments of its own");
    return;
  }
  diagnostics.error(code, ref.location, "unknown " + what + " \"" + ref.name + "\"",
                    hint_for(ref.name, candidates, otherwise));
}

std::string listing(const std::string& what, const std::vector<std::string>& names)
{
  return names.empty() ? "no " + what + " is defined" : what + " names: " + util::join(names, ", ");
}

} // namespace

void check_references(const model::Config& config, diag::Diagnostics& diagnostics)
{
  std::vector<std::string> issuers, shared, entry_points;
  for (const auto& issuer : config.issuers) {
    issuers.push_back(issuer.name);
  }
  for (const auto& middleware : config.middlewares) {
    shared.push_back(middleware.name);
  }
  for (const auto& entry_point : config.edge.entry_points) {
    entry_points.push_back(entry_point.name);
  }
  const std::string issuer_hint = listing("issuer", issuers);
  const std::string entry_point_hint = listing("entry point", entry_points);

  for (const auto& entry_point : config.edge.entry_points) {
    require(entry_point.redirect_to, "E0404", "entry point", entry_points, entry_point_hint, diagnostics);
  }
  // The Edge's default issuer is not used where the environment names its
  // own, so it may be left out there.
  bool default_unused =
      !config.environment.issuer.name.empty() && config.absent_issuers.count(config.edge.default_issuer.name);
  if (!default_unused) {
    require(config.edge.default_issuer, "E0403", "issuer", issuers, issuer_hint, diagnostics, config.absent_issuers,
            &config);
  }
  require(config.environment.issuer, "E0403", "issuer", issuers, issuer_hint, diagnostics, config.absent_issuers,
          &config);
  for (const auto& issuer : config.issuers) {
    require(issuer.solver.entry_point, "E0404", "entry point", entry_points, entry_point_hint, diagnostics);
  }
  for (const auto* requests : {&config.edge.certificates, &config.environment.certificates}) {
    for (const auto& request : *requests) {
      require(request.issuer, "E0403", "issuer", issuers, issuer_hint, diagnostics, config.absent_issuers, &config);
    }
  }
  const auto& dashboard = config.edge.dashboard;
  for (const auto& ref : dashboard.middlewares) {
    require(ref, "E0402", "middleware", shared, listing("shared middleware", shared), diagnostics,
            config.absent_middlewares, &config);
  }
  for (const auto& ref : dashboard.entry_points) {
    require(ref, "E0404", "entry point", entry_points, entry_point_hint, diagnostics);
  }
  if (dashboard.enabled) {
    require(dashboard.issuer, "E0403", "issuer", issuers, issuer_hint, diagnostics, config.absent_issuers, &config);
  }

  for (const auto& middleware : config.middlewares) {
    for (const auto& ref : middleware.chain) {
      require(ref, "E0402", "middleware", shared, listing("shared middleware", shared), diagnostics,
              config.absent_middlewares, &config);
    }
  }
  for (const auto& project : config.projects) {
    Absent absent = project.absent_middlewares;
    absent.insert(config.absent_middlewares.begin(), config.absent_middlewares.end());
    std::vector<std::string> services, middlewares = shared;
    for (const auto& service : project.services) {
      services.push_back(service.name);
    }
    for (const auto& middleware : project.middlewares) {
      middlewares.push_back(middleware.name);
    }
    for (const auto& middleware : project.middlewares) {
      for (const auto& ref : middleware.chain) {
        require(ref, "E0402", "middleware", middlewares, listing("middleware", middlewares), diagnostics, absent,
                &config);
      }
    }
    for (const auto& route : project.routes) {
      require(route.service(), "E0401", "service", services,
              listing("service", services) + " in project \"" + project.name + "\"", diagnostics);
      for (const auto& ref : route.middlewares()) {
        require(ref, "E0402", "middleware", middlewares, listing("middleware", middlewares), diagnostics, absent,
                &config);
      }
      for (const auto& ref : route.entry_points()) {
        require(ref, "E0404", "entry point", entry_points, entry_point_hint, diagnostics);
      }
      if (route.tls() && route.issuer().name.empty()) {
        diagnostics.error("E0405", route.location(), "route uses TLS but no issuer provides its certificate",
                          "set Edge.spec.defaultIssuer, the Environment's issuer or the route's issuer, "
                          "or write `tls: false`");
      } else {
        require(route.issuer(), "E0403", "issuer", issuers, issuer_hint, diagnostics, config.absent_issuers, &config);
      }
    }
  }
}

} // namespace edgegen::check
