// The RFC 1035 master file of one zone, and the SOA serial rule.
//
// The serial may not come from a clock (same input, same bytes), and the
// render cannot see the serial it produced last time. So it is built from
// the input alone: `dns.version` is the high part, which the operator
// raises when a change must reach secondary servers (they transfer a zone
// only when its serial grows); the low four digits follow the zone's
// content, so the serial changes when the records do (but for one collision
// in 10,000), which is all CoreDNS's `reload` (and any server reading the
// file) looks at. Without a
// version bump, a change may lower the serial: fine for CoreDNS, not for
// secondaries, which is the trade-off of having no history.
#include "emit/dns/dns.hpp"

#include <algorithm>

namespace edgegen::emit::dns {

namespace {

// "hostmaster@example.com" -> "hostmaster.example.com." (a dot in the local
// part is escaped, RFC 1035 section 8).
std::string mailbox(const std::string& address, const std::string& apex)
{
  if (address.empty()) {
    return "hostmaster." + apex + ".";
  }
  size_t at = address.rfind('@');
  std::string local;
  for (char c : address.substr(0, at)) {
    local += c == '.' ? std::string("\\.") : std::string(1, c);
  }
  return local + "." + normalize(address.substr(at + 1)) + ".";
}

std::string padded(const std::string& text, size_t width)
{
  return text + std::string(width > text.size() ? width - text.size() : 1, ' ');
}

} // namespace

std::string primary_name_server(const model::DnsZone& zone)
{
  return (zone.name_servers.empty() ? "ns." + normalize(zone.name) : normalize(zone.name_servers.front())) + ".";
}

uint32_t serial(int64_t version, const std::string& content)
{
  uint64_t hash = 14695981039346656037ull; // FNV-1a 64
  for (unsigned char c : content) {
    hash = (hash ^ c) * 1099511628211ull;
  }
  return static_cast<uint32_t>(version * 10000 + static_cast<int64_t>(hash % 10000));
}

std::string zone_file(const model::Config& config, const model::DnsZone& zone)
{
  const std::string apex = normalize(zone.name);
  const auto& settings = config.edge.dns;
  const auto& soa = settings.soa;
  std::vector<Record> records = zone_records(config, zone);

  size_t width = 1;
  for (const auto& record : records) {
    width = std::max(width, record.owner.size());
  }
  width += 2;
  std::string body;
  for (const auto& record : records) {
    body += padded(record.owner, width) + "IN " + padded(record.type, 6) + record.data + "\n";
  }
  std::string soa_fields = primary_name_server(zone) + " " + mailbox(zone.hostmaster, apex);
  std::string timers = std::to_string(soa.refresh.value) + " " + std::to_string(soa.retry.value) + " " +
                       std::to_string(soa.expire.value) + " " + std::to_string(soa.minimum.value);
  // Everything but the serial itself goes into it.
  uint32_t number =
      serial(settings.version, soa_fields + " " + timers + "\n" + std::to_string(settings.ttl) + "\n" + body);

  std::string out;
  out += "; Zone " + apex + " for environment \"" + config.environment.name + "\", rendered by edgegen.\n";
  out += "; Serial: dns.version * 10000 + a number derived from this file's records.\n";
  out += "$ORIGIN " + apex + ".\n";
  out += "$TTL " + std::to_string(settings.ttl) + "\n";
  out += padded("@", width) + "IN " + padded("SOA", 6) + soa_fields + " (\n";
  out += "    " + padded(std::to_string(number), 11) + "; serial\n";
  out += "    " + padded(std::to_string(soa.refresh.value), 11) + "; refresh\n";
  out += "    " + padded(std::to_string(soa.retry.value), 11) + "; retry\n";
  out += "    " + padded(std::to_string(soa.expire.value), 11) + "; expire\n";
  out += "    " + padded(std::to_string(soa.minimum.value) + " )", 11) + "; negative-answer TTL\n";
  out += body;
  return out;
}

} // namespace edgegen::emit::dns
