#pragma once

// Which router of one Traefik takes a request: the entry point it arrives
// on (and that entry point's redirection), TLS, and the routers' priorities,
// as Traefik v3 orders them.

#include "rules/request.hpp"
#include "rules/rule.hpp"
#include "util/shared_list.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace edgegen::rules {

// A router as Traefik holds it.
struct Router
{
  // Held by whoever made the router (a model's route, or a literal): a large
  // edge's checks hold a routing table per environment at once.
  std::string_view name;
  const Rule* rule = nullptr;                 // parsed; a rule Traefik refuses drops the router
  std::optional<int64_t> priority;            // as configured; 0 or none: the rule's length
  util::SharedList<std::string> entry_points; // shared by the routers that listen on the same ones
  uint32_t rule_length = 0; // bytes of the rule's text (inputs are at most 8 MiB): the default priority
  uint32_t owner = 0;       // the caller's index of what this router was made from
  bool tls = false;         // serves requests that arrived over TLS, and only those
  bool internal = false;    // Traefik's own (name@internal): exempt from the limit on priorities
  HostPath host_path;       // without `rule`: the rule of a route of host and path

  int64_t effective_priority() const;
  // Whether the router's rule matches `request` (its parsed rule's, else
  // its host and path's).
  bool matches(const Request& request) const;
};

struct EntryPoint
{
  std::string name;
  int port = 0;
  std::string redirect_to; // the entry point every request is redirected to (https); empty: none
  int redirect_port = 0;
};

struct Outcome
{
  enum class Kind { routed, redirected, not_found, no_entry_point };
  Kind kind = Kind::not_found;
  const EntryPoint* entry_point = nullptr;
  const Router* winner = nullptr;
  std::vector<const Router*> matched; // every router that matched, the winner first, by priority
  bool tie = false;     // the winner's priority is shared by another match (Traefik's order is then undefined)
  int status = 404;     // 200 routed, 301/308 redirected, 404
  std::string location; // of the redirection
};

// Routes `request` over `routers`: on the entry point named `entry_point`,
// or else the one listening on the request's port, or else the only one.
Outcome route_request(const std::vector<Router>& routers, const std::vector<EntryPoint>& entry_points,
                      const Request& request, const std::string& entry_point = {});
// The same over routers held elsewhere: the outcome points at them.
Outcome route_request(const std::vector<const Router*>& routers, const std::vector<EntryPoint>& entry_points,
                      const Request& request, const std::string& entry_point = {});

// Priorities above this disable a router in Traefik, unless it is one of
// Traefik's own (pkg/server/router: maxUserPriority = math.MaxInt - 1000).
constexpr int64_t k_max_priority = INT64_MAX - 1000;
// The priority of an entry point's redirection router (MaxInt - 1) and of
// Traefik's ACME HTTP-01 router acme-http@internal (MaxInt).
constexpr int64_t k_redirect_priority = INT64_MAX - 1;
constexpr int64_t k_acme_http_priority = INT64_MAX;

} // namespace edgegen::rules
