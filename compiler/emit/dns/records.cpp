// Which records a zone holds: the hosts the Edge routes, pointed at its
// entry addresses.
#include "emit/dns/dns.hpp"

#include "emit/traefik/traefik.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace edgegen::emit::dns {

namespace {

bool inside(const std::string& host, const std::string& zone)
{
  return host == zone || util::ends_with(host, "." + zone);
}

std::string relative(const std::string& host, const std::string& zone)
{
  return host == zone ? "@" : host.substr(0, host.size() - zone.size() - 1);
}

std::set<std::string> routed_hosts(const model::Config& config)
{
  std::set<std::string> out;
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      for (const auto& host : route.match.scope.hosts) {
        if (!rules::is_ip_address(host)) {
          out.insert(normalize(host));
        }
      }
    }
  }
  if (config.edge.dashboard.enabled) {
    out.insert(normalize(config.edge.dashboard.host));
  }
  return out;
}

// The managed zone a host belongs to: the longest apex it is inside.
std::string zone_of(const model::Config& config, const std::string& host)
{
  std::string best;
  for (const auto& zone : config.edge.dns.zones) {
    std::string name = normalize(zone.name);
    if (inside(host, name) && name.size() > best.size()) {
      best = name;
    }
  }
  return best;
}

int type_rank(const std::string& type)
{
  static const std::vector<std::string> order = {"NS", "A", "AAAA", "CNAME"};
  return static_cast<int>(std::find(order.begin(), order.end(), type) - order.begin());
}

} // namespace

std::string normalize(const std::string& name)
{
  std::string out = util::to_lower(name);
  while (!out.empty() && out.back() == '.') {
    out.pop_back();
  }
  return out;
}

std::vector<Record> zone_records(const model::Config& config, const model::DnsZone& zone)
{
  const std::string apex = normalize(zone.name);
  std::vector<Record> out;
  std::set<std::string> addressed; // owners with A/AAAA: a CNAME cannot share them
  auto add_addresses = [&](const std::string& owner) {
    for (const auto& address : config.edge.dns.addresses) {
      out.push_back({owner, address.find(':') == std::string::npos ? "A" : "AAAA", util::to_lower(address)});
    }
    addressed.insert(owner);
  };

  std::vector<std::string> name_servers;
  for (const auto& server : zone.name_servers) {
    name_servers.push_back(normalize(server));
  }
  if (name_servers.empty()) {
    name_servers.push_back("ns." + apex);
  }
  for (const auto& server : name_servers) {
    out.push_back({"@", "NS", server + "."});
    if (inside(server, apex)) {
      add_addresses(relative(server, apex)); // glue: the server runs at the Edge's addresses
    }
  }

  const std::string target = normalize(zone.cname);
  if (!target.empty() && inside(target, apex)) {
    add_addresses(relative(target, apex));
  }
  std::set<std::string> aliases;
  for (const auto& host : routed_hosts(config)) {
    if (zone_of(config, host) != apex) {
      continue;
    }
    std::string owner = relative(host, apex);
    if (zone.wildcard && owner != "@") {
      owner = "*";
    }
    // The apex cannot be a CNAME (it holds the SOA and NS records).
    if (target.empty() || owner == "@" || host == target) {
      add_addresses(owner);
    } else {
      aliases.insert(owner);
    }
  }
  for (const auto& owner : aliases) {
    if (!addressed.count(owner)) {
      out.push_back({owner, "CNAME", target + "."});
    }
  }

  std::sort(out.begin(), out.end(), [](const Record& a, const Record& b) {
    auto key = [](const Record& r) { return std::make_tuple(r.owner != "@", r.owner, type_rank(r.type), r.data); };
    return key(a) < key(b);
  });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

} // namespace edgegen::emit::dns
