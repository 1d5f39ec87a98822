// Objects defined but used nowhere, in no environment: warnings, since
// they are legal and sometimes kept on purpose (silence with the
// edgegen.dev/ignore annotation).
#include "check/check.hpp"

#include <map>
#include <set>
#include <string_view>

namespace edgegen::check {

namespace {

// What the warning needs, kept as pointers into the model: the message is
// written only for the few objects that are unused.
struct Use
{
  const char* kind = ""; // as in `misspelt`: "middleware", "issuer", "service"
  const std::string* project = nullptr;
  const std::string* name = nullptr;
  const model::Location* location = nullptr;
  bool used = false;

  std::string misspelt_key() const { return project ? std::string(kind) + " " + *project : kind; }
  std::string message() const
  {
    if (project && std::string_view(kind) == "service") {
      return "service \"" + *name + "\" of project \"" + *project + "\" is not used by any route";
    }
    if (std::string_view(kind) == "middleware") {
      return "middleware \"" + *name + "\" is not used by any route, chain or the dashboard";
    }
    return "issuer \"" + *name + "\" is not used by any environment, route or certificate";
  }
};

} // namespace

void check_unused(const model::Model& model, diag::Diagnostics& diagnostics)
{
  // Keyed by kind and name as written: the same object appears once per
  // environment. The keys, and the names used below, view the model's.
  std::map<std::string_view, Use> middlewares, services, issuers;
  // An unresolved reference is likely a misspelling of the unused object:
  // its error says so, and a warning on top would only repeat it.
  std::set<std::string> misspelt; // "middleware", "issuer", or "service <project>"
  for (const auto& config : model.environments) {
    std::set<std::string_view> used_middlewares, used_issuers;
    auto use_middlewares = [&](const util::CompactVector<model::Ref>& refs) {
      for (const auto& ref : refs) {
        used_middlewares.insert(ref.resolved);
        if (ref.resolved.empty()) {
          misspelt.insert("middleware");
        }
      }
    };
    for (const auto* ref : {&config.edge.default_issuer, &config.environment.issuer, &config.edge.dashboard.issuer}) {
      used_issuers.insert(ref->resolved);
      if (!ref->name.empty() && ref->resolved.empty()) {
        misspelt.insert("issuer");
      }
    }
    use_middlewares(config.edge.dashboard.middlewares);
    for (const auto* requests : {&config.edge.certificates, &config.environment.certificates}) {
      for (const auto& request : *requests) {
        used_issuers.insert(request.issuer.resolved);
      }
    }
    for (const auto& middleware : config.middlewares) {
      use_middlewares(middleware.chain);
    }
    for (const auto& project : config.projects) {
      std::set<std::string> used_services;
      for (const auto& middleware : project.middlewares) {
        use_middlewares(middleware.chain);
        // An errors middleware sends error pages to a service of its own.
        if (middleware.type == "errors" && middleware.config.is_map()) {
          const auto& options = middleware.config.as_map().at("errors");
          if (options.is_map() && options.as_map().count("service") && options.as_map().at("service").is_string()) {
            const std::string& service = options.as_map().at("service").as_string();
            used_services.insert(service);
            used_services.insert(project.name + "-" + service);
          }
        }
      }
      for (const auto& route : project.routes) {
        use_middlewares(route.middlewares());
        used_services.insert(route.service().resolved);
        used_issuers.insert(route.issuer().resolved);
        if (route.service().resolved.empty()) {
          misspelt.insert("service " + project.name);
        }
        if (!route.issuer().name.empty() && route.issuer().resolved.empty()) {
          misspelt.insert("issuer");
        }
      }
      for (const auto& service : project.services) {
        Use& use = services[service.output_name];
        use.kind = "service";
        use.project = &project.name;
        use.name = &service.name.str();
        use.location = &service.location;
        use.used = use.used || used_services.count(service.output_name);
      }
    }
    auto note = [&](const model::Middleware& middleware) {
      Use& use = middlewares[middleware.output_name];
      use.kind = "middleware";
      use.name = &middleware.name.str();
      use.location = &middleware.location;
      use.used = use.used || used_middlewares.count(middleware.output_name);
    };
    for (const auto& middleware : config.middlewares) {
      note(middleware);
    }
    for (const auto& project : config.projects) {
      for (const auto& middleware : project.middlewares) {
        note(middleware);
      }
    }
    for (const auto& issuer : config.issuers) {
      Use& use = issuers[issuer.name];
      use.kind = "issuer";
      use.name = &issuer.name;
      use.location = &issuer.location;
      use.used = use.used || used_issuers.count(issuer.name);
    }
  }
  // With an object that refers to others missing for an error, a shared
  // middleware or an issuer may be used by it: only a project's services,
  // which its own routes use, are known unused.
  if (model::missing_referrers(model)) {
    middlewares.clear();
    issuers.clear();
  }
  for (const auto& [code, uses] :
       {std::pair{"W0601", &middlewares}, std::pair{"W0602", &services}, std::pair{"W0603", &issuers}}) {
    for (const auto& [name, use] : *uses) {
      if (!use.used && !misspelt.count(use.misspelt_key())) {
        diagnostics.warning(code, *use.location, use.message(),
                            "use it, delete it, or keep it with the annotation edgegen.dev/ignore: \"" +
                                std::string(code) + "\"");
      }
    }
  }
}

} // namespace edgegen::check
