#pragma once

#include "emit/output.hpp"
#include "model/model.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace edgegen::emit::dns {

// Target "dns", per environment: <env>/dns/<zone>.zone, an RFC 1035 master
// file for every zone of Edge.spec.dns, and <env>/dns/Corefile, the CoreDNS
// server blocks that serve them with the `file` plugin.
std::vector<OutputFile> render(const model::Config& config);

// One resource record; `owner` is relative to the zone ("@" is the apex).
struct Record
{
  std::string owner;
  std::string type; // NS, A, AAAA, CNAME
  std::string data;
  bool operator==(const Record& other) const
  {
    return owner == other.owner && type == other.type && data == other.data;
  }
};

// Lower-case, without a trailing dot.
std::string normalize(const std::string& name);

// The records of `zone` apart from the SOA, sorted (apex first, then by
// owner and type): NS, the name servers' addresses when they are inside the
// zone, and for every host the routes and the dashboard answer below the
// apex (in the zone with the longest matching apex), the Edge's addresses,
// a wildcard, or a CNAME, as the zone asks.
std::vector<Record> zone_records(const model::Config& config, const model::DnsZone& zone);

// The SOA serial: version * 10000 + (FNV-1a 64 of `content` mod 10000).
// Deterministic; it changes with the content (but for one collision in
// 10,000), so CoreDNS's `reload`, which compares serials, picks changes up;
// it grows whenever `version` grows, which is what secondaries need
// (README "dns: zone files").
uint32_t serial(int64_t version, const std::string& content);

// The SOA's MNAME, the primary server: the first of the zone's nameServers
// as written (the NS records are sorted, the primary is not theirs to pick),
// or ns.<zone>.
std::string primary_name_server(const model::DnsZone& zone);

// The zone file text, with the SOA timers of dns.soa.
std::string zone_file(const model::Config& config, const model::DnsZone& zone);

// The Corefile: a server block per zone (file, reload; log with dns.log),
// and with dns.forward a `.` block that forwards every other name.
std::string corefile(const model::Config& config);

} // namespace edgegen::emit::dns
