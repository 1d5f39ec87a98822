// The dns target's settings, per environment: it needs zones and addresses
// (E0471), zone names that are DNS names, each once (E0472, E0473), SOA
// timers that secondary servers can work with (E0493), and forward servers
// CoreDNS's forward plugin can use (E0494). Each is wrong output, not an
// error later: a Corefile CoreDNS refuses, or a zone its secondaries drop.
#include "check/check.hpp"
#include "check/internal.hpp"

#include "rules/rule.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <map>

namespace edgegen::check {

namespace {

// A DNS name: dot-separated labels of letters, digits and '-', not starting
// or ending with '-', at most 63 bytes each and 253 in all.
bool dns_name(std::string name)
{
  if (util::ends_with(name, ".")) {
    name.pop_back();
  }
  if (name.empty() || name.size() > 253) {
    return false;
  }
  for (const auto& label : util::split(name, '.')) {
    bool valid = !label.empty() && label.size() <= 63 && label.front() != '-' && label.back() != '-' &&
                 std::all_of(label.begin(), label.end(),
                             [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; });
    if (!valid) {
      return false;
    }
  }
  return true;
}

void check_zones(const model::DnsSettings& dns, const std::map<std::string, std::string>& vars,
                 const std::string& where, diag::Diagnostics& diagnostics)
{
  if (dns.zones.empty() || dns.addresses.empty()) {
    std::string missing = dns.zones.empty() && dns.addresses.empty() ? "dns.zones and dns.addresses"
                          : dns.zones.empty()                        ? "dns.zones"
                                                                     : "dns.addresses";
    diagnostics.error("E0471", dns.location, "target \"dns\" needs " + missing + where,
                      "set it in the Edge's spec.dns or the Environment's, e.g. "
                      "dns: {addresses: [192.0.2.10], zones: [{name: example.com}]}");
  }
  std::map<std::string, diag::Location> seen;
  for (const auto& zone : dns.zones) {
    if (!dns_name(zone.name) && !detail::unresolved_reference(zone.name, vars)) {
      diagnostics.error("E0472", zone.location, "zone name \"" + zone.name + "\" is not a DNS name" + where);
      continue;
    }
    std::string name = util::to_lower(zone.name);
    if (util::ends_with(name, ".")) {
      name.pop_back();
    }
    auto [it, inserted] = seen.emplace(name, zone.location);
    if (!inserted) {
      diagnostics.error("E0473", zone.location, "zone \"" + name + "\" is listed twice" + where,
                        "first listed at " + diag::format_location(it->second));
    }
  }
}

// The first of `timers` that was written (a default has no location), else
// the dns settings: the value to change.
diag::Location written(std::initializer_list<const model::DnsSoa::Timer*> timers, const diag::Location& fallback)
{
  for (const auto* timer : timers) {
    if (timer->location.line > 0) {
      return timer->location;
    }
  }
  return fallback;
}

// RFC 1912 section 2.2: a secondary whose refresh failed tries again after
// `retry`, so it must come before the next refresh; it stops answering for
// the zone `expire` after its last successful refresh, which must leave time
// for the refresh and at least one retry, and outlast the negative TTL.
void check_soa(const model::DnsSettings& dns, const std::string& where, diag::Diagnostics& diagnostics)
{
  const auto& soa = dns.soa;
  auto seconds = [](const model::DnsSoa::Timer& timer) { return std::to_string(timer.value); };
  if (soa.retry.value >= soa.refresh.value) {
    diagnostics.error("E0493", written({&soa.retry, &soa.refresh}, dns.location),
                      "SOA retry (" + seconds(soa.retry) + ") is not shorter than refresh (" + seconds(soa.refresh) +
                          "): a secondary whose refresh failed would wait longer than a refresh" + where,
                      "retry is a fraction of refresh (RFC 1912 section 2.2), e.g. soa: {refresh: 3600, retry: 900}");
  }
  if (soa.expire.value <= soa.refresh.value + soa.retry.value) {
    diagnostics.error("E0493", written({&soa.expire, &soa.refresh, &soa.retry}, dns.location),
                      "SOA expire (" + seconds(soa.expire) + ") is not longer than refresh + retry (" +
                          seconds(soa.refresh) + " + " + seconds(soa.retry) +
                          "): secondaries would drop the zone before they could try again" + where,
                      "RFC 1912 section 2.2 suggests 2 to 4 weeks, e.g. soa: {expire: 1209600}");
  }
  if (soa.expire.value <= soa.minimum.value) {
    diagnostics.error("E0493", written({&soa.expire, &soa.minimum}, dns.location),
                      "SOA expire (" + seconds(soa.expire) + ") is not longer than minimum (" + seconds(soa.minimum) +
                          "), the TTL of negative answers" + where,
                      "RFC 1912 section 2.2: expire must be greater than the minimum and retry intervals");
  }
}

// Why CoreDNS's forward plugin cannot use `server` ([dns://|tls://]IP[:port],
// or [IPv6]:port), or empty. It takes addresses only (and files, which a
// rendered Corefile has no business naming); it resolves no names.
std::string forward_problem(const std::string& server)
{
  std::string rest = util::to_lower(server);
  if (size_t scheme = rest.find("://"); scheme != std::string::npos) {
    std::string protocol = rest.substr(0, scheme);
    if (protocol != "dns" && protocol != "tls") {
      return "the forward plugin speaks dns:// and tls://, not " + protocol + "://";
    }
    rest = rest.substr(scheme + 3);
  }
  std::string host = rest;
  std::string port;
  if (util::starts_with(rest, "[")) {
    size_t close = rest.find(']');
    if (close == std::string::npos || close + 1 >= rest.size() || rest[close + 1] != ':') {
      return "an address in brackets needs a port after it, as in [2606:4700:4700::1111]:53";
    }
    host = rest.substr(1, close - 1);
    port = rest.substr(close + 2);
  } else if (std::count(rest.begin(), rest.end(), ':') == 1) {
    host = rest.substr(0, rest.find(':'));
    port = rest.substr(rest.find(':') + 1);
  }
  if (!rules::is_ip_address(host)) {
    return "\"" + host + "\" is not an IP address";
  }
  if (rest.find(':') != std::string::npos && rest != host) {
    bool digits = !port.empty() && port.size() <= 5 &&
                  std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || std::stol(port) < 1 || std::stol(port) > 65535) {
      return "port \"" + port + "\" is not a port (1-65535)";
    }
  }
  return {};
}

void check_forward(const model::DnsSettings& dns, const std::string& where, diag::Diagnostics& diagnostics)
{
  bool tls = false;
  for (size_t i = 0; i < dns.forward.size(); ++i) {
    const std::string& server = dns.forward[i];
    diag::Location at = i < dns.forward_locations.size() ? dns.forward_locations[i] : dns.location;
    if (std::string problem = forward_problem(server); !problem.empty()) {
      diagnostics.error("E0494", at, "forward server \"" + server + "\": " + problem + where,
                        "write IP[:port], or [IPv6]:port, after dns:// or tls:// if you like, e.g. tls://1.1.1.1");
      continue;
    }
    if (util::starts_with(util::to_lower(server), "tls://")) {
      tls = true;
      if (dns.tls_server_name.empty()) {
        diagnostics.error("E0494", at,
                          "forward server \"" + server +
                              "\" speaks DNS over TLS without dns.tlsServerName: CoreDNS would not verify its "
                              "certificate, so anyone on the path could answer in its place" +
                              where,
                          "name the servers' certificate, e.g. dns: {tlsServerName: cloudflare-dns.com} for 1.1.1.1");
      }
    }
  }
  if (!dns.tls_server_name.empty() && !tls) {
    diagnostics.error("E0494", dns.tls_server_name_location,
                      "dns.tlsServerName \"" + dns.tls_server_name + "\" is given, but no forward server is tls://" +
                          where,
                      "write the servers as tls://IP, or remove tlsServerName");
  }
}

} // namespace

void check_dns_settings(const model::Config& config, diag::Diagnostics& diagnostics)
{
  const std::string where = " (environment \"" + config.environment.name + "\")";
  check_zones(config.edge.dns, config.environment.vars, where, diagnostics);
  check_soa(config.edge.dns, where, diagnostics);
  check_forward(config.edge.dns, where, diagnostics);
}

} // namespace edgegen::check
