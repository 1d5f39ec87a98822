// Names that must be unique: objects of one kind, routes of one project, and
// the names the objects get in Traefik's single namespace per provider.
#include "check/check.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>
#include <vector>

namespace edgegen::check {

namespace {

const std::string k_dashboard = "dashboard";

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

namespace {

// One name that an object of the model claims in a Traefik namespace, and
// the object's location, both the model's (which outlives the check), and
// the claim's place in the order of the model.
struct Claim
{
  const std::string* name;
  const model::Location* location;
  uint32_t order;
};

// Sorted by name, a claim equal to the one before it is reported against
// the first of its run. A sorted table of 24 bytes a claim, one kind of
// object at a time, where hash maps of all three took ~5 MB at 10,000
// projects. Diagnostics are sorted when reported, so they leave in any order.
void report_clashes(std::vector<Claim> claims, const char* what, diag::Diagnostics& diagnostics)
{
  std::sort(claims.begin(), claims.end(), [](const Claim& a, const Claim& b) {
    int order = a.name->compare(*b.name);
    return order != 0 ? order < 0 : a.order < b.order;
  });
  for (size_t first = 0, i = 1; i < claims.size(); ++i) {
    if (*claims[i].name != *claims[first].name) {
      first = i;
      continue;
    }
    diagnostics.error("E0413", *claims[i].location,
                      std::string("Traefik ") + what + " name \"" + *claims[i].name + "\" is produced twice",
                      "also produced by " + diag::format_location(*claims[first].location) + "; rename one of them");
  }
}

} // namespace

void check_output_names(const model::Config& config, diag::Diagnostics& diagnostics)
{
  // Traefik has one namespace per kind of object per provider: "a" + "b-c"
  // and "a-b" + "c" would both be "a-b-c". One kind at a time, each in a
  // table sized once: `extra` claims besides `count` of each project.
  std::vector<Claim> claims;
  auto start = [&](size_t extra, auto count) {
    for (const auto& project : config.projects) {
      extra += count(project);
    }
    claims = {};
    claims.reserve(extra);
  };
  auto claim = [&](const std::string& name, const model::Location& location) {
    claims.push_back({&name, &location, static_cast<uint32_t>(claims.size())});
  };

  start(config.middlewares.size(), [](const model::Project& p) { return p.middlewares.size(); });
  for (const auto& middleware : config.middlewares) {
    claim(middleware.output_name, middleware.location);
  }
  for (const auto& project : config.projects) {
    for (const auto& middleware : project.middlewares) {
      claim(middleware.output_name, middleware.location);
    }
  }
  report_clashes(std::move(claims), "middleware", diagnostics);

  start(0, [](const model::Project& p) { return p.services.size(); });
  for (const auto& project : config.projects) {
    for (const auto& service : project.services) {
      claim(service.output_name, service.location);
    }
  }
  report_clashes(std::move(claims), "service", diagnostics);

  start(1, [](const model::Project& p) { return p.routes.size(); });
  if (config.edge.dashboard.enabled) {
    claim(k_dashboard, config.edge.dashboard.location);
  }
  for (const auto& project : config.projects) {
    std::set<std::string_view> own_routes; // a name twice in a project is E0412
    for (const auto& route : project.routes) {
      if (own_routes.insert(route.name()).second) {
        claim(route.output_name(), route.location());
      }
    }
  }
  report_clashes(std::move(claims), "router", diagnostics);
}

} // namespace edgegen::check
