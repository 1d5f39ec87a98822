// Names that must be unique: objects of one kind, routes of one project, and
// the names the objects get in Traefik's single namespace per provider.
#include "check/check.hpp"

#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

namespace edgegen::check {

namespace {

std::string first_at(const diag::Location& location)
{
  return "first defined at " + diag::format_location(location);
}

} // namespace

namespace {

// Names Windows reserves for devices, whatever the extension: a project
// "con" would be an output file con.yml that cannot be checked out there.
bool reserved_on_windows(const std::string& name)
{
  static const char* const k_reserved[] = {"con", "prn", "aux", "nul"};
  for (const char* reserved : k_reserved) {
    if (name == reserved) {
      return true;
    }
  }
  return name.size() == 4 && (name.compare(0, 3, "com") == 0 || name.compare(0, 3, "lpt") == 0) && name[3] >= '1' &&
         name[3] <= '9';
}

} // namespace

void check_duplicates(const model::Model& model, diag::Diagnostics& diagnostics)
{
  for (const auto& declaration : model.declarations) {
    if (reserved_on_windows(declaration.name)) {
      diagnostics.error("E0415", declaration.location,
                        "name \"" + declaration.name + "\" is reserved for a device on Windows",
                        "it names output files and directories; choose another name");
    }
  }
  std::map<std::pair<std::string, std::string>, diag::Location> seen;
  for (const auto& declaration : model.declarations) {
    if (declaration.name.empty()) {
      continue; // a missing name is a schema error
    }
    auto [it, inserted] = seen.emplace(std::make_pair(declaration.kind, declaration.name), declaration.location);
    if (!inserted) {
      diagnostics.error("E0411", declaration.location,
                        "duplicate " + declaration.kind + " \"" + declaration.name + "\"", first_at(it->second));
    }
  }
  for (const auto& config : model.environments) {
    for (const auto& project : config.projects) {
      std::map<std::string_view, model::Location> routes; // views of the route names
      for (const auto& route : project.routes) {
        auto [it, inserted] = routes.emplace(route.name(), route.location());
        if (!inserted) {
          diagnostics.error("E0412", route.location(),
                            "duplicate route name \"" + route.name() + "\" in project \"" + project.name + "\"",
                            first_at(it->second) + "; routes to the same service need a `name:` each");
        }
      }
    }
  }
}

void check_output_names(const model::Config& config, diag::Diagnostics& diagnostics)
{
  // Traefik has one namespace per kind of object per provider: "a" + "b-c"
  // and "a-b" + "c" would both be "a-b-c". The maps view the names of the
  // model's objects, which outlive them. Looked up, never walked: each
  // diagnostic comes in the order of the model.
  using Names = std::unordered_map<std::string_view, model::Location>;
  Names routers, middlewares, services;
  auto claim = [&](Names& names, const char* what, const std::string& name, const model::Location& location) {
    auto [it, inserted] = names.emplace(name, location);
    if (!inserted) {
      diagnostics.error("E0413", location, std::string("Traefik ") + what + " name \"" + name + "\" is produced twice",
                        "also produced by " + diag::format_location(it->second) + "; rename one of them");
    }
  };
  for (const auto& middleware : config.middlewares) {
    claim(middlewares, "middleware", middleware.output_name, middleware.location);
  }
  if (config.edge.dashboard.enabled) {
    routers.emplace("dashboard", config.edge.dashboard.location);
  }
  for (const auto& project : config.projects) {
    for (const auto& middleware : project.middlewares) {
      claim(middlewares, "middleware", middleware.output_name, middleware.location);
    }
    for (const auto& service : project.services) {
      claim(services, "service", service.output_name, service.location);
    }
    std::set<std::string_view> own_routes;
    for (const auto& route : project.routes) {
      if (own_routes.insert(route.name()).second) {
        claim(routers, "router", route.output_name(), route.location());
      }
    }
  }
}

} // namespace edgegen::check
