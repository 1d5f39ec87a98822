#include "model/internal.hpp"

#include <algorithm>

namespace edgegen::model::detail {

namespace {

// What `ref` resolves to among `names`: its own name, or none.
std::string_view target_in(const Ref& ref, const std::set<std::string>& names)
{
  return !ref.name.empty() && names.count(ref.name) ? std::string_view(ref.name) : std::string_view();
}

void resolve_to(Ref& ref, const std::set<std::string>& names)
{
  if (auto target = target_in(ref, names); !target.empty()) {
    ref.resolved = target;
  }
}

// A route's middleware: the project's own first, then a shared one; a name
// with '@' belongs to another Traefik provider and is taken as written.
std::string_view middleware_target(const Ref& ref, const Project* project, const std::set<std::string>& shared)
{
  if (ref.name.str().find('@') != std::string::npos) {
    return ref.name;
  }
  if (project) {
    for (const auto& middleware : project->middlewares) {
      if (middleware.name == ref.name) {
        return middleware.output_name;
      }
    }
  }
  return target_in(ref, shared);
}

void resolve_middleware(Ref& ref, const Project* project, const std::set<std::string>& shared)
{
  if (auto target = middleware_target(ref, project, shared); !target.empty()) {
    ref.resolved = target;
  }
}

// The output name of a project's service: "<project>-<service>".
bool is_service_of(const std::string& resolved, const std::string& project, const std::string& service)
{
  return resolved.size() == project.size() + 1 + service.size() && resolved.compare(0, project.size(), project) == 0 &&
         resolved[project.size()] == '-' && resolved.compare(project.size() + 1, std::string::npos, service) == 0;
}

} // namespace

void resolve(Config& config, const std::set<std::string>& invalid_issuers,
             const std::set<std::string>& invalid_middlewares)
{
  std::set<std::string> entry_points;
  for (const auto& entry_point : config.edge.entry_points) {
    entry_points.insert(entry_point.name);
  }
  std::set<std::string> issuers = invalid_issuers;
  for (const auto& issuer : config.issuers) {
    issuers.insert(issuer.name);
  }
  std::set<std::string> shared = invalid_middlewares;
  for (const auto& middleware : config.middlewares) {
    shared.insert(middleware.name);
  }

  for (auto& entry_point : config.edge.entry_points) {
    resolve_to(entry_point.redirect_to, entry_points);
  }
  // The issuer of the environment: its own, else the Edge's default.
  Ref environment_issuer =
      config.environment.issuer.name.empty() ? config.edge.default_issuer : config.environment.issuer;
  resolve_to(config.environment.issuer, issuers);
  resolve_to(config.edge.default_issuer, issuers);
  resolve_to(environment_issuer, issuers);
  auto effective = [&](Ref& issuer) {
    if (issuer.name.empty()) {
      issuer = environment_issuer;
    } else {
      resolve_to(issuer, issuers);
    }
  };

  std::string challenge_entry_point = "web";
  for (const auto& entry_point : config.edge.entry_points) {
    if (!entry_point.redirect_to.name.empty()) {
      challenge_entry_point = entry_point.name;
      break;
    }
  }
  for (auto& issuer : config.issuers) {
    if (issuer.type == Issuer::Type::acme && issuer.solver.type == AcmeSolver::Type::http01) {
      if (issuer.solver.entry_point.name.empty()) {
        issuer.solver.entry_point.name = challenge_entry_point;
        issuer.solver.entry_point.location = issuer.location;
      }
      resolve_to(issuer.solver.entry_point, entry_points);
    }
  }
  for (auto* requests : {&config.edge.certificates, &config.environment.certificates}) {
    for (auto& request : *requests) {
      effective(request.issuer);
    }
  }

  auto& dashboard = config.edge.dashboard;
  if (dashboard.enabled) {
    effective(dashboard.issuer);
    for (auto& ref : dashboard.middlewares) {
      resolve_middleware(ref, nullptr, shared);
    }
    for (auto& ref : dashboard.entry_points) {
      resolve_to(ref, entry_points);
    }
  }

  // Chains name other middlewares like routes do; the emitted chain lists
  // the names Traefik knows them by.
  auto resolve_chain = [&](Middleware& middleware, const Project* project) {
    if (middleware.chain.empty()) {
      return;
    }
    util::Value names = util::Value::list();
    for (auto& ref : middleware.chain) {
      resolve_middleware(ref, project, shared);
      names.push_back(ref.resolved.empty() ? ref.name.str() : ref.resolved.str());
    }
    middleware.config["chain"]["middlewares"] = names;
  };
  for (auto& middleware : config.middlewares) {
    resolve_chain(middleware, nullptr);
  }
  for (auto& project : config.projects) {
    // Only a chain changes a middleware here: the others stay shared with
    // the environments that convert them alike.
    auto chained = [](const Middleware& middleware) { return !middleware.chain.empty(); };
    if (std::any_of(project.middlewares.begin(), project.middlewares.end(), chained)) {
      for (auto& middleware : project.middlewares.edit()) {
        resolve_chain(middleware, &project);
      }
    }
  }

  // The issuer of the routes that name none, one copy for all of them.
  const auto environment_ref = util::Rc<const Ref>::make(environment_issuer);
  static const auto no_issuer = util::Rc<const Ref>::make();
  for (auto& project : config.projects) {
    std::set<std::string> services;
    for (const auto& service : project.services) {
      services.insert(service.name);
    }
    auto service_target = [&](const RouteCommon& common) {
      return services.count(common.service.name) ? project.name + "-" + common.service.name : std::string();
    };
    auto resolve_common = [&](RouteCommon& common) {
      common.service.resolved = service_target(common);
      for (auto& ref : common.middlewares) {
        ref.resolved = middleware_target(ref, &project, shared);
      }
      for (auto& ref : common.entry_points) {
        ref.resolved = target_in(ref, entry_points);
      }
      common.issuer.resolved = target_in(common.issuer, issuers);
      common.resolved = true;
    };
    // Whether this environment resolves a common part that an earlier one
    // resolved, and shares, to the same objects.
    auto resolves_alike = [&](const RouteCommon& common) {
      const Ref& service = common.service;
      bool same = services.count(service.name) ? is_service_of(service.resolved, project.name, service.name)
                                               : service.resolved.empty();
      for (const auto& ref : common.middlewares) {
        same = same && ref.resolved == middleware_target(ref, &project, shared);
      }
      for (const auto& ref : common.entry_points) {
        same = same && ref.resolved == target_in(ref, entry_points);
      }
      return same && common.issuer.resolved == target_in(common.issuer, issuers);
    };
    for (auto& route : project.routes) {
      if (RouteCommon* common = route.unresolved()) {
        resolve_common(*common);
      } else if (!resolves_alike(route.common())) {
        resolve_common(route.edit());
      }
      if (!route.tls()) {
        route.use_issuer(no_issuer);
      } else if (route.common().issuer.name.empty()) {
        route.use_issuer(environment_ref);
      } else {
        route.use_issuer(nullptr); // its own, resolved with the rest
      }
    }
  }
}

} // namespace edgegen::model::detail
