#pragma once

// One environment's routers as its Traefik holds them, with their rules
// parsed: what the checks that route requests, the route tests, `edgegen
// route` and the review's graph route through.

#include "model/model.hpp"
#include "rules/routing.hpp"
#include "rules/rule.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace edgegen::model {

// The rules of one environment's routes, as Traefik gets them, in the order
// of its projects and their routes. The model holds no parsed rule: at
// 10,000 projects the two environments' rules were ~23 MB that every stage
// after the checks carried. What reads a rule's matchers parses one
// environment's rules here, once, and lets them go with this object; of
// those, only the raw rules' are held (~15% of a large edge's routes): the
// rule of a route of host and path is held as its values and what its parse
// said (rules::HostPath), which is what routing a request needs, and is
// parsed again where its matchers are read (~9 MB less at 10,000 projects).
class RouteRules
{
public:
  // Parses every route's rule, on the worker threads.
  explicit RouteRules(const Config& config);
  RouteRules(const RouteRules&) = delete;
  RouteRules& operator=(const RouteRules&) = delete;

  // The parsed rule of `route`, a raw route of `project`, both of this
  // environment; null for a route of host and path.
  const rules::Rule* held(const Project& project, const Route& route) const;
  // The parsed rule of `route`: the one held, else parsed into `scratch`.
  const rules::Rule& of(const Project& project, const Route& route, rules::Rule& scratch) const;
  // A route of host and path's rule as its values, with what its parse
  // said; for a raw route, one with no host (use held()).
  rules::HostPath host_path(const Project& project, const Route& route) const;
  // Whether the rule has no problem at all (rules::Rule::ok).
  bool ok(const Project& project, const Route& route) const;
  // Its text, which the rule's offsets are in: a raw rule's, held by the
  // route, or the one built from its host and path, made again (not held:
  // 2.9 MB at 10,000 projects).
  std::string text_of(const Project& project, const Route& route) const;
  // Its text's length in bytes: Traefik's default priority.
  size_t size_of(const Project& project, const Route& route) const;

private:
  size_t index_of(const Project& project, const Route& route) const;

  enum Flags : uint8_t { k_builds = 1, k_ok = 2 };
  static constexpr uint32_t k_not_held = UINT32_MAX;

  const Config& m_config;
  std::vector<uint32_t> m_first;    // per project: the index of its first route
  std::vector<uint32_t> m_held;     // per route: its rule's index in m_rules, or k_not_held
  std::vector<rules::Rule> m_rules; // the raw routes' rules
  std::vector<size_t> m_sizes;      // per route: its rule's text's length
  std::vector<uint8_t> m_flags;     // per route: Flags
};

// `held` (RouteRules::held of `route`), else the rule of `route` parsed again
// into `scratch`: what reads the matchers of a rule RouteRules does not hold.
const rules::Rule& held_or_parsed(const rules::Rule* held, const Route& route, rules::Rule& scratch);

// One environment's parsed rules, shared by what reads them at once.
using SharedRouteRules = std::shared_ptr<const RouteRules>;

// The routers one environment's Traefik holds (every route's and the
// dashboard's) and its entry points, for rules::route_request().
struct RoutingTable
{
  struct Source
  {
    enum class Kind { route, dashboard, acme_http, solver_ingress };
    Kind kind = Kind::route;
    const Project* project = nullptr; // route: the route and its project
    const Route* route = nullptr;
    const Issuer* issuer = nullptr; // solver_ingress: whose solver, for which domain
    std::string_view domain;        // held by the caller while the router is in the table

    static Source of_kind(Kind kind)
    {
      Source out;
      out.kind = kind;
      return out;
    }
  };
  std::vector<rules::Router> routers;
  std::vector<rules::EntryPoint> entry_points;
  std::vector<Source> routes; // what routers[i] was made from (its `owner`)
  // The rules of the routers that are not routes, with their text.
  struct OwnedRule
  {
    std::string text;
    rules::Rule rule;
  };
  std::vector<std::unique_ptr<OwnedRule>> owned_rules;
  // The routes' rules, which the routers point into.
  SharedRouteRules route_rules;
  const Dashboard* dashboard = nullptr;

  void add(rules::Router router, Source source, const std::string& rule_text);
  // Removes the routers added after the first `count` (with their sources
  // and rules): what a check adds to a shared table for a while.
  void remove_after(size_t count);

  // Where a router leads, as Traefik names it: its service ("api@internal"
  // for the dashboard, "acme-http@internal" for Traefik's ACME challenges),
  // the service's servers, and its middlewares in order.
  std::string service_of(const rules::Router& router) const;
  std::vector<std::string> servers_of(const rules::Router& router) const;
  std::vector<std::string> middlewares_of(const rules::Router& router) const;
  // The rule's text, as the targets write it.
  std::string rule_text(const rules::Router& router) const;
  // Where the router's route is written; none for the routers Traefik or
  // cert-manager make.
  std::optional<Location> location_of(const rules::Router& router) const;
};
// With `rules`, the routers point into them; without, the table parses
// the environment's rules itself.
RoutingTable routing_table(const Config& config, SharedRouteRules rules = nullptr);

// Adds Traefik's own ACME router to `table`, as Traefik v3 makes it when a
// resolver has an httpChallenge (pkg/provider/traefik/internal.go):
// acme-http@internal, PathPrefix(`/.well-known/acme-challenge/`), priority
// MaxInt, on the entry points of the HTTP-01 issuers. Nothing without one.
void add_acme_http_router(const Config& config, RoutingTable& table);

// Every router the environment's Traefik holds at rest: routing_table's and,
// when Traefik is an ACME client with an HTTP-01 resolver, its own ACME
// router (cert-manager's solver Ingresses exist only during a challenge).
// What edgegen route and the route tests route through.
RoutingTable traefik_routing_table(const Config& config, SharedRouteRules rules = nullptr);

// Adds the router Traefik's Ingress provider makes of the solver Ingress
// cert-manager creates for `domain` while `issuer` validates it:
// Host("domain") && PathPrefix("/.well-known/acme-challenge/<token>").
// The router's Source views `domain`: the caller keeps it while the router
// is in the table.
void add_solver_ingress_router(const Config& config, const Issuer& issuer, const std::string& domain,
                               const std::string& token, RoutingTable& table);

} // namespace edgegen::model
