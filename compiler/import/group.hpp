#pragma once

#include "import/traefik_config.hpp"

#include <map>
#include <string>
#include <vector>

namespace edgegen::import {

// A name as a DNS-1123 label: lower case, other characters as '-', no '-'
// at either end, at most 63 characters ("x" if nothing is left).
std::string dns_label(const std::string& name);

// A reference to a service or middleware without its provider: "web@file"
// and "web" are the same object for the file provider.
std::string local_name(const std::string& reference, const std::string& provider);

// The longest '-'-separated prefix that every name starts with, which may be
// a whole name ("team-api-1" and "team-api-2": "team-api"; the routers of the
// Ingress homepage, homepage and homepage-2: "homepage"); empty when none.
std::string shared_labels(const std::vector<std::string>& names);

// One project: the services its routers use, and its routers.
struct ProjectPlan
{
  std::string name;
  std::map<std::string, std::string> services;    // input service name -> key in the project
  std::map<std::string, std::string> routes;      // input router name -> route name
  std::map<std::string, std::string> middlewares; // input middleware name -> key in the project
};

// How the input becomes projects and shared middlewares (README, "Move an
// existing edge to edgegen"):
// - the routers of one service are one project's, and services whose
//   routers share a host are one project (edgegen gives each host one
//   project);
// - the project is named by the services' longest common '-'-separated
//   prefix (portal-api and portal-web: portal; project-1-api: project-1),
//   each service by the rest, so that edgegen's `<project>-<service>`
//   gives the name back; without such a prefix, by its first service;
// - a route is named by its router's name without `<project>-`;
// - a middleware only one project's routers use, named `<project>-...`,
//   is that project's; every other one is a Middleware document.
// Routers to api@internal are the dashboard's and belong to no project.
struct Plan
{
  std::vector<ProjectPlan> projects;                   // sorted by name
  std::map<std::string, std::string> shared;           // input middleware name -> Middleware name
  std::map<std::string, std::string> router_names;     // input -> rendered
  std::map<std::string, std::string> service_names;    // input -> rendered
  std::map<std::string, std::string> middleware_names; // input -> rendered
  std::vector<std::string> dashboard_routers;
};

Plan plan_projects(const TraefikConfig& config, const std::string& provider, diag::Diagnostics& diagnostics);

} // namespace edgegen::import
