#pragma once

// Requests run through the routing model (rules::route_request) by the
// checks that show what Traefik does with one: a challenge that must reach
// its solver, a host that must be served, a route another one shadows.

#include "model/routing.hpp"
#include "rules/routing.hpp"

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace edgegen::check::detail {

// The routers of a routing table that can take a request for a given host,
// so that routing one request does not try every router of a large edge:
// a route written with `host` needs that host (or, for *.example.com, one
// label below), a router whose rule is a conjunction with a Host() needs
// that host; the others (HostRegexp, ||, no Host) are tried for every host.
class HostIndex
{
public:
  explicit HostIndex(const model::RoutingTable& table);
  // The routers of the table that may match `host` (a normalised host name).
  std::vector<const rules::Router*> routers(const std::string& host) const;

private:
  const model::RoutingTable& m_table;
  // (host, router) sorted by host: one entry per router, where a map with a
  // vector per host took ~170 bytes per router (and two checks hold one each
  // at once). The host is the string the table's routes or rules hold, or,
  // when that one is not written normalised, one of m_normalised.
  std::vector<std::pair<std::string_view, uint32_t>> m_by_host;
  std::deque<std::string> m_normalised;
  std::vector<uint32_t> m_any_host;
};

// One environment's routing table and its host index, built on first use
// and shared by the checks that route requests through every host
// (check_served_hosts, check_acme_challenges): ~8 MB at 10,000 projects,
// built once instead of once per check and per ACME client. The routers
// point into `rules`, the environment's parsed rules.
class Routing
{
public:
  Routing(const model::Config& config, model::SharedRouteRules rules) : m_config(config), m_rules(std::move(rules)) {}
  // A router a check adds for a while (an ACME solver's) goes at the end,
  // outside the index, and is removed before the next check runs.
  model::RoutingTable& table();
  const HostIndex& index();

private:
  const model::Config& m_config;
  model::SharedRouteRules m_rules;
  std::unique_ptr<model::RoutingTable> m_table;
  std::unique_ptr<HostIndex> m_index;
};

// A request that `rule` matches, made from its matchers (their values, and
// a string each regexp matches), on `scheme` and `port`; with `host`, for
// that host instead of the rule's. Confirmed with rules::matches: nullopt
// when no request tried matches.
std::optional<rules::Request> witness_request(const rules::Rule& rule, const std::string& scheme, int port,
                                              const std::string& host = {});

// The same for the rule of a route of host and path, held as its values;
// `host` must be given.
std::optional<rules::Request> witness_request(const rules::HostPath& rule, const std::string& scheme, int port,
                                              const std::string& host);

// A request that both `a` and `b` match, made from the values of both (a
// host, a path, headers…), on `scheme` and `port`; confirmed with
// rules::matches: nullopt when no request tried matches both. Two rules
// with no such request may still share one this does not think of.
std::optional<rules::Request> common_request(const rules::Rule& a, const rules::Rule& b, const std::string& scheme,
                                             int port);

// "GET https://a.example.com/api", plus " with header X-Beta: 1" and the
// client's address when the request needs them.
std::string describe(const rules::Request& request);

// A string Go's regexp `pattern` matches, for the common forms (literals,
// escapes, classes, groups, alternation, quantifiers); nullopt otherwise.
std::optional<std::string> regexp_sample(const std::string& pattern);

// What Traefik did with a request: "301 redirect to https://…", "router X
// (priority P) at file:line:col", "404 (no router matches)", "no entry point
// listens on port 80".
std::string describe(const rules::Outcome& outcome, const model::RoutingTable& table);

} // namespace edgegen::check::detail
