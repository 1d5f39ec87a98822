// Settings that the compose and dns targets need to produce something
// usable: a zone file without addresses, two zones with one file name, or
// two containers under one compose service name would be wrong output, not
// an error later.
#include "check/check.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <cctype>
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

void check_dns(const model::Config& config, diag::Diagnostics& diagnostics)
{
  const auto& dns = config.edge.dns;
  const std::string where = " (environment \"" + config.environment.name + "\")";
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
    if (!dns_name(zone.name)) {
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

// Containers are compose services named by their host; services sharing a
// host are one container with several ports, which must agree on its image.
void check_compose(const model::Config& config, diag::Diagnostics& diagnostics)
{
  std::map<std::string, const model::Service*> images;
  for (const auto& project : config.projects) {
    for (const auto& service : project.services) {
      if (!service.container) {
        continue;
      }
      if (service.host == "traefik") {
        diagnostics.error("E0474", service.location,
                          "compose service name \"traefik\" is taken by the Traefik container",
                          "give the service another `host`");
        continue;
      }
      if (service.image.empty()) {
        continue;
      }
      auto [it, inserted] = images.emplace(service.host, &service);
      if (!inserted && it->second->image != service.image) {
        diagnostics.error("E0474", service.location,
                          "container \"" + service.host + "\" is given two images, \"" + it->second->image +
                              "\" and \"" + service.image + "\"",
                          "the other is at " + diag::format_location(it->second->location));
      }
    }
  }
}

} // namespace

void check_targets(const model::Config& config, diag::Diagnostics& diagnostics)
{
  if (model::has_target(config, "dns")) {
    check_dns(config, diagnostics);
  }
  if (model::has_target(config, "compose")) {
    check_compose(config, diagnostics);
  }
}

} // namespace edgegen::check
