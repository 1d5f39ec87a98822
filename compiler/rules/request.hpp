#pragma once

// The request-matching half of Traefik v3's HTTP routing: a request as
// Traefik's muxer receives it, and whether a rule's tree matches it
// (pkg/muxer/http: matcher.go, mux.go). Which route wins among several is
// the caller's business: the highest priority, a rule's length by default.

#include "rules/rule.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace edgegen::rules {

// An HTTP request as Traefik's muxer sees it.
struct Request
{
  std::string method = "GET"; // as sent; case-sensitive
  std::string scheme;         // "http" or "https"
  std::string host;           // canonical: lower case, port and IPv6 brackets removed; may be empty
  int port = 0;               // the URL's port, else the scheme's default (80/443)
  std::string path;           // the routing path (see make_request)
  std::string escaped_path;   // the path as sent, for a redirection's Location
  std::string raw_query;      // after '?', before '#', as sent
  // One entry per header line, in order; names as Go's server keys them
  // (http.CanonicalHeaderKey), values without surrounding blanks. A Host
  // line is kept here, but Go's server takes it out of the header map, so
  // no Header() matcher sees it.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string client_ip; // the connection's remote address as given (IP, IP:port, [v6]:port, or anything)
};

// Builds a request from an absolute-form URL (http://host[:port]/path?query),
// header lines "Name: value", a method and a remote address; returns a
// message saying what is wrong when the URL or a header line cannot be
// used, else nullopt.
//
// Go's server routes on the URL's host and ignores the Host header unless
// the authority is empty (`http://@/`); then a `Host:` line gives the host.
// The routing path is the one Traefik's entry point and muxer compute: Go's
// escaped path with each %XX in upper case, then every %XX decoded except
// the reserved characters and '%' (%3A %2F %3F %23 %5B %5D %40 %21 %24 %26
// %27 %28 %29 %2A %2B %2C %3B %3D %25), which stay encoded. An empty path is
// "/", as a client sends it. The entry point's path sanitizing (`/a/../b`)
// is not applied.
std::optional<std::string> make_request(std::string_view url, std::string_view method,
                                        const std::vector<std::string>& header_lines, std::string_view client_ip,
                                        Request& out);

// True if `rule` matches `request` the way Traefik v3's muxer does. A rule
// Traefik would refuse to build (it did not parse, a matcher is unknown or
// has the wrong number of arguments, an argument is empty, a regexp does not
// compile, a Host() is not ASCII, a path does not start with '/', a
// ClientIP() is not an IP or CIDR) matches nothing, as the router does not
// exist. Rules with only edgegen's own objections (v2-looking braces in a
// regexp, say) are matched as Traefik reads them.
bool matches(const Rule& rule, const Request& request);
// Whether Traefik builds the router of `rule` at all: what matches() asks
// first (the rule parsed, and each matcher is one it accepts).
bool builds(const Rule& rule);

// The rule edgegen builds for a route of host and path, held as its values
// instead of parsed: Host(`host`), or for a host "*.domain" HostRegexp with
// one label of [a-z0-9-] in front of the domain; then Path(`path`) if
// `exact`, else PathPrefix(`path`), when there is a path. What the parse of
// that rule said is kept beside it: whether Traefik builds it (`builds`:
// it parsed, and every matcher is valid) and whether it has no problem at
// all (`ok`). A large edge holds one per route, where a parsed rule took
// ~180 bytes in five blocks.
struct HostPath
{
  const std::string* host = nullptr; // null: no rule (matches nothing)
  const std::string* path = nullptr; // null: no path condition
  bool exact = false;
  bool builds = false;
  bool ok = false;
};

// True if the rule `rule` stands for matches `request`, as matches() says
// of that rule parsed.
bool matches(const HostPath& rule, const Request& request);

} // namespace edgegen::rules
