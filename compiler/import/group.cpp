#include "import/group.hpp"

#include "rules/rule.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <functional>
#include <set>

namespace edgegen::import {

std::string dns_label(const std::string& name)
{
  std::string out;
  for (char c : name) {
    char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool ok = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
    if (ok) {
      out += lower;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  out = out.substr(0, 63);
  while (!out.empty() && out.back() == '-') {
    out.pop_back();
  }
  return out.empty() ? "x" : out;
}

std::string local_name(const std::string& reference, const std::string& provider)
{
  std::string suffix = "@" + provider;
  if (reference.size() > suffix.size() &&
      reference.compare(reference.size() - suffix.size(), suffix.size(), suffix) == 0) {
    return reference.substr(0, reference.size() - suffix.size());
  }
  return reference;
}

std::string shared_labels(const std::vector<std::string>& names)
{
  std::vector<std::string> prefix = util::split(names.front(), '-');
  for (const auto& name : names) {
    std::vector<std::string> parts = util::split(name, '-');
    size_t same = 0;
    while (same < prefix.size() && same < parts.size() && prefix[same] == parts[same]) {
      ++same;
    }
    prefix.resize(same);
  }
  return util::join(prefix, "-");
}

namespace {

// The longest '-'-separated prefix of every name that leaves each a rest.
std::string common_prefix(const std::vector<std::string>& names)
{
  std::vector<std::vector<std::string>> parts;
  size_t shortest = SIZE_MAX;
  for (const auto& name : names) {
    parts.push_back(util::split(name, '-'));
    shortest = std::min(shortest, parts.back().size());
  }
  size_t common = 0;
  while (common + 1 < shortest &&
         std::all_of(parts.begin(), parts.end(), [&](const auto& p) { return p[common] == parts[0][common]; })) {
    ++common;
  }
  std::vector<std::string> prefix(parts[0].begin(), parts[0].begin() + static_cast<long>(common));
  return util::join(prefix, "-");
}

std::string without_prefix(const std::string& name, const std::string& project)
{
  std::string prefix = project + "-";
  return util::starts_with(name, prefix) && name.size() > prefix.size() ? name.substr(prefix.size()) : name;
}

std::string unique_key(std::string key, std::set<std::string>& taken)
{
  std::string candidate = key;
  for (int n = 2; !taken.insert(candidate).second; ++n) {
    candidate = key + "-" + std::to_string(n);
  }
  return candidate;
}

} // namespace

Plan plan_projects(const TraefikConfig& config, const std::string& provider, diag::Diagnostics& diagnostics)
{
  Plan plan;
  // Services joined by a host their routers share (a union-find by name).
  std::map<std::string, std::string> parent;
  std::function<std::string(const std::string&)> root = [&](const std::string& s) {
    return parent[s] == s ? s : parent[s] = root(parent[s]);
  };
  std::map<std::string, std::string> host_owner;
  std::map<std::string, std::vector<const Router*>> by_service;
  for (const auto& [name, router] : config.routers) {
    std::string service = local_name(router.service, provider);
    if (service == "api@internal") {
      rules::Rule rule = rules::parse_rule(router.rule);
      if (!plan.dashboard_routers.empty() || rule.matchers.size() != 1 || rule.matchers[0].name != "Host" ||
          rule.matchers[0].negated) {
        diagnostics.error("E0429", router.rule_location,
                          "router \"" + name + "\" serves the dashboard " +
                              (plan.dashboard_routers.empty() ? "on a rule other than Host(`...`)" : "a second time") +
                              ": edgegen serves it on one host (Edge.spec.dashboard.host)");
        continue;
      }
      plan.dashboard_routers.push_back(name);
      continue;
    }
    if (service.find('@') != std::string::npos || !config.services.count(service)) {
      if (config.refused_services.count(service)) {
        continue;
      }
      diagnostics.error("E0429", router.location,
                        "router \"" + name + "\" sends to \"" + router.service + "\", which " +
                            (service.find('@') != std::string::npos ? "another provider defines"
                                                                    : "this configuration does not define"),
                        "edgegen routes to its projects' services only; define the service among the inputs");
      continue;
    }
    by_service[service].push_back(&router);
    parent.emplace(service, service);
    for (const auto& host : rules::scope_of(rules::parse_rule(router.rule)).hosts) {
      auto [it, added] = host_owner.emplace(rules::normalize_host(host), service);
      if (!added) {
        parent[root(service)] = root(it->second);
      }
    }
  }
  // Named by what its services' names share (sites-shop and sites-status:
  // sites); services that share nothing (frontend and backend on one host)
  // by what their routers' names share (the Ingress homepage's routers), and
  // by the first service only when those share nothing either.
  auto project_name = [&](const std::vector<std::string>& services) {
    std::vector<std::string> labels;
    for (const auto& service : services) {
      labels.push_back(dns_label(service));
    }
    std::string prefix = common_prefix(labels);
    if (prefix.empty() && labels.size() > 1) {
      std::vector<std::string> routers;
      for (const auto& service : services) {
        for (const Router* router : by_service[service]) {
          routers.push_back(dns_label(router->name));
        }
      }
      prefix = shared_labels(routers);
    }
    return prefix.empty() ? labels.front() : prefix;
  };
  std::map<std::string, std::vector<std::string>> groups; // root -> services, sorted
  // Groups that would get one project name are one project (sites-shop and
  // sites-status on hosts of their own: project sites); merged groups can
  // name themselves anew, so until no two names meet (each round merges).
  for (bool merged = true; merged;) {
    groups.clear();
    for (const auto& [service, routers] : by_service) {
      groups[root(service)].push_back(service);
    }
    merged = false;
    std::map<std::string, std::string> root_of_name;
    for (const auto& [group_root, services] : groups) {
      auto [it, added] = root_of_name.emplace(project_name(services), group_root);
      if (!added) {
        parent[root(group_root)] = root(it->second);
        merged = true;
      }
    }
  }
  std::map<std::string, std::string> project_of_router; // input router -> project
  for (const auto& [unused, services] : groups) {
    ProjectPlan project;
    std::vector<std::string> labels;
    for (const auto& service : services) {
      labels.push_back(dns_label(service));
    }
    std::string prefix = common_prefix(labels);
    project.name = project_name(services);
    std::set<std::string> keys;
    for (size_t i = 0; i < services.size(); ++i) {
      std::string key = unique_key(prefix.empty() ? labels[i] : labels[i].substr(prefix.size() + 1), keys);
      project.services[services[i]] = key;
      plan.service_names[services[i]] = project.name + "-" + key;
    }
    std::set<std::string> route_keys;
    for (const auto& service : services) {
      for (const Router* router : by_service[service]) {
        std::string key = unique_key(without_prefix(dns_label(router->name), project.name), route_keys);
        project.routes[router->name] = key;
        plan.router_names[router->name] = project.name + "-" + key;
        project_of_router[router->name] = project.name;
      }
    }
    plan.projects.push_back(std::move(project));
  }
  std::sort(plan.projects.begin(), plan.projects.end(),
            [](const ProjectPlan& a, const ProjectPlan& b) { return a.name < b.name; });
  for (const auto& name : plan.dashboard_routers) {
    plan.router_names[name] = "dashboard";
  }

  // Middlewares: a project's when its routers alone use it and it carries
  // the project's prefix; chains keep their members shared (a chain names
  // them as they are).
  std::map<std::string, std::set<std::string>> users; // middleware -> projects
  for (const auto& [name, router] : config.routers) {
    auto project = project_of_router.find(name);
    for (const auto& reference : router.middlewares) {
      users[local_name(reference, provider)].insert(project == project_of_router.end() ? "" : project->second);
    }
  }
  std::set<std::string> in_chains;
  for (const auto& [name, middleware] : config.middlewares) {
    if (middleware.type == "chain") {
      const util::Value::Map& options = middleware.options.as_map();
      auto members = options.find("middlewares");
      for (const auto& member : members == options.end() ? util::Value::List{} : members->second.as_list()) {
        in_chains.insert(local_name(member.as_string(), provider));
      }
    }
  }
  std::set<std::string> shared_names;
  for (const auto& [name, middleware] : config.middlewares) {
    const std::set<std::string>& projects = users[name];
    std::string label = dns_label(name);
    std::string owner = projects.size() == 1 ? *projects.begin() : "";
    if (!owner.empty() && !in_chains.count(name) && without_prefix(label, owner) != label) {
      auto project = std::find_if(plan.projects.begin(), plan.projects.end(),
                                  [&](const ProjectPlan& p) { return p.name == owner; });
      project->middlewares[name] = without_prefix(label, owner);
      plan.middleware_names[name] = label;
    } else {
      plan.shared[name] = label;
      plan.middleware_names[name] = label;
      shared_names.insert(label);
    }
  }
  // A project's key that is also a shared middleware's name would hide it
  // from the project's routes: keep such a middleware shared.
  for (auto& project : plan.projects) {
    for (auto it = project.middlewares.begin(); it != project.middlewares.end();) {
      if (shared_names.count(it->second)) {
        plan.shared[it->first] = dns_label(it->first);
        it = project.middlewares.erase(it);
      } else {
        ++it;
      }
    }
  }
  return plan;
}

} // namespace edgegen::import
