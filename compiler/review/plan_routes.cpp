// Routes in operator terms: where a request comes in, where it goes, through
// which middlewares. A route is the same route on both sides when its
// project and name are (its router), or, failing that, its project and
// rule: a path that moves to another service is one change, not a removal
// and an addition.
#include "review/plan_parts.hpp"
#include "util/empty.hpp"

#include <algorithm>
#include <map>

namespace edgegen::review::detail {

namespace {

// What a plan shows of a route; equal fields are not a change.
struct RouteView
{
  std::string key; // project/name
  std::string project;
  std::string output_name; // the router
  std::string rule;        // as Traefik gets it
  std::string where;       // https://host/path, or the raw rule
  std::string service;     // project/service
  std::string servers;
  std::vector<std::string> middlewares; // as written
  std::string priority;
  std::string entry_points;
  std::string issuer;
};

std::string where_of(const model::Route& route)
{
  std::string scheme = route.tls() ? "https" : "http";
  if (route.raw()) {
    return scheme + " " + route.rule();
  }
  std::string path = !route.path().empty()        ? route.path() + " (exact path)"
                     : route.path_prefix() == "/" ? ""
                                                  : route.path_prefix();
  return scheme + "://" + route.host() + path;
}

RouteView view_of(const model::Config& config, const model::Project& project, const model::Route& route)
{
  RouteView view;
  view.key = route_key(project, route);
  view.project = project.name;
  view.output_name = route.output_name();
  view.rule = model::rule_text(route);
  view.where = where_of(route);
  view.service = project.name + "/" + route.service().name;
  for (const auto& service : project.services) {
    if (service.name == route.service().name) {
      view.servers = join(model::service_urls(service));
    }
  }
  for (const auto& middleware : route.middlewares()) {
    view.middlewares.push_back(middleware.name);
  }
  view.priority = std::to_string(route.match.priority.value_or(static_cast<int64_t>(view.rule.size())));
  view.entry_points = join(model::entry_points_of(config, route.entry_points(), route.tls()));
  view.issuer = route.tls() ? route.issuer().resolved : "";
  return view;
}

std::string line_of(const RouteView& view)
{
  std::string line = view.where + " → " + view.service;
  if (!view.servers.empty()) {
    line += " (" + view.servers + ")";
  }
  if (!view.middlewares.empty()) {
    line += " [" + join(view.middlewares) + "]";
  }
  return line;
}

// "+oidc -compress", or the whole lists when only their order changed.
std::string middlewares_change(const std::vector<std::string>& from, const std::vector<std::string>& to)
{
  std::string change;
  for (const auto& name : to) {
    if (std::find(from.begin(), from.end(), name) == from.end()) {
      change += (change.empty() ? "+" : " +") + name;
    }
  }
  for (const auto& name : from) {
    if (std::find(to.begin(), to.end(), name) == to.end()) {
      change += (change.empty() ? "-" : " -") + name;
    }
  }
  if (change.empty()) {
    change = "order " + join(from) + " → " + join(to);
  }
  return change;
}

std::vector<std::string> changes(const RouteView& from, const RouteView& to)
{
  std::vector<std::string> out;
  auto field = [&](const char* name, const std::string& a, const std::string& b) {
    if (a != b) {
      out.push_back("~ " + std::string(name) + " " + (a.empty() ? "none" : a) + " → " + (b.empty() ? "none" : b));
    }
  };
  field("name", from.key, to.key);
  field("matches", from.where, to.where);
  field("service", from.service, to.service);
  field("servers", from.servers, to.servers);
  if (from.middlewares != to.middlewares) {
    out.push_back("~ middlewares " + middlewares_change(from.middlewares, to.middlewares));
  }
  field("priority", from.priority, to.priority);
  field("entry points", from.entry_points, to.entry_points);
  field("issuer", from.issuer, to.issuer);
  return out;
}

std::map<std::string, RouteView> views(const model::Config* config)
{
  std::map<std::string, RouteView> out;
  for (const auto& project : config ? config->projects : util::empty<std::vector<model::Project>>()) {
    for (const auto& route : project.routes) {
      RouteView view = view_of(*config, project, route);
      out.emplace(view.key, std::move(view)); // a second route of one name is E0405's
    }
  }
  return out;
}

} // namespace

std::string route_key(const model::Project& project, const model::Route& route)
{
  return project.name + "/" + route.name();
}

void plan_routes(const model::Config* base, const model::Config* head, EnvironmentPlan& out)
{
  std::map<std::string, RouteView> before = views(base);
  std::map<std::string, RouteView> after = views(head);
  std::vector<const RouteView*> removed, added;
  // Sorted by where a request comes in, then by route: what a reader scans.
  std::vector<std::pair<std::string, PlanItem>> items;
  auto change = [&](const RouteView& from, const RouteView& to) {
    std::vector<std::string> details = changes(from, to);
    if (!details.empty()) {
      items.push_back({to.where + " " + to.key, {'~', to.where + " (route " + to.key + ")", details}});
      out.changed_routers.insert(to.output_name);
    }
  };
  for (const auto& [key, view] : before) {
    auto found = after.find(key);
    if (found == after.end()) {
      removed.push_back(&view);
    } else {
      change(view, found->second);
    }
  }
  for (const auto& [key, view] : after) {
    if (!before.count(key)) {
      added.push_back(&view);
    }
  }
  // A route renamed (or whose unnamed route follows a new service) keeps
  // its project and rule.
  for (auto& from : removed) {
    auto to = std::find_if(added.begin(), added.end(), [&](const RouteView* view) {
      return view && view->project == from->project && view->rule == from->rule;
    });
    if (to != added.end()) {
      change(*from, **to);
      from = nullptr;
      *to = nullptr;
    }
  }
  for (const RouteView* view : added) {
    if (view) {
      items.push_back({view->where + " " + view->key, {'+', line_of(*view), {}}});
      out.changed_routers.insert(view->output_name);
    }
  }
  for (const RouteView* view : removed) {
    if (view) {
      items.push_back({view->where + " " + view->key, {'-', line_of(*view), {}}});
    }
  }
  std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& item : items) {
    out.routes.push_back(std::move(item.second));
  }
}

} // namespace edgegen::review::detail
