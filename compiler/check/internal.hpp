#pragma once

// Helpers shared by the rule files of check/; not part of the stage's interface.

#include "diag/diagnostics.hpp"
#include "model/model.hpp"
#include "rules/rule.hpp"

#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace edgegen::check::detail {

// Where byte `offset` of a string's value was written: `start` is the
// value's own location, `written` how it was written. Variables expanded
// into the value map to their ${...}; a value spread over several lines, or
// written as a block, maps to `start`.
diag::Location locate_in(const diag::Location& start, const model::WrittenText& written,
                         const std::map<std::string, std::string>& vars, size_t offset);

// True if `text` (a value after substitution) holds a ${...} that was not
// substituted: malformed (E0302), undefined (E0301) or a variable whose own
// value refers to a variable (E0425; its value is then "${name}"), each
// reported where it is written. A
// literal ${ from the `$${` escape is not one, so the checks still see it.
bool unresolved_reference(const std::string& text, const std::map<std::string, std::string>& vars);

// Why `host` is not an RFC 1123 host name (a leading "*." allowed), or empty.
std::string host_problem(const std::string& host);

// True if certificate domain `domain` (maybe "*.example.com") serves `host`:
// equal, or a wildcard one label up.
bool covers(std::string_view domain, std::string_view host);

// Entry points a route is served on: its own list, else the default ones.
std::vector<std::string> route_entry_points(const model::Config& config, const model::Route& route);

const model::EntryPoint* find_entry_point(const model::Config& config, const std::string& name);

// The host of a service URL (scheme://host[:port][/path]) or of `host`; an
// IPv6 literal with its brackets.
std::string url_host(const std::string& url);

// As emit/kubernetes/backends.cpp decides: a dotted name that is not an IP
// address is reached through an ExternalName Service (a single label is a
// Service of the namespace; an IP gets a Service with an EndpointSlice).
bool external_name(const std::string& host);

// As emit/kubernetes/backends.cpp decides (as_ingress): whether a route of
// `service` is written as an Ingress (routing: ingress, a host/path route,
// one server at most) rather than an IngressRoute.
bool served_as_ingress(const model::Config& config, const model::Project& project, const model::Service& service);

// What a route claims as written: host, match kind ("rule", "path",
// "pathPrefix"), the rule or path, and the priority as written. Two routes
// with the same claim are one error (E0421), whatever else they share.
// Views into the route (or literals): it lives as long as the model.
using ClaimKey = std::tuple<std::string_view, std::string_view, std::string_view, int64_t>;
ClaimKey claim_key(const model::Route& route);

} // namespace edgegen::check::detail
