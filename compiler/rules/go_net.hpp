#pragma once

// The pieces of Go's standard library that decide what Traefik's muxer sees
// of a request and how its ClientIP() matcher reads addresses. Each follows
// the Go function it names, down to the inputs Go refuses.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace edgegen::rules {

struct HostPort
{
  std::string host; // without brackets
  std::string port; // may be empty ("host:")
};

// net.SplitHostPort: "host:port" or "[host]:port". Nullopt where Go returns
// an error: no port, more than one colon outside brackets, stray brackets.
std::optional<HostPort> go_split_host_port(std::string_view text);

// http.CanonicalHeaderKey: upper case at the start and after each '-',
// lower case elsewhere ("x-forwarded-proto" -> "X-Forwarded-Proto"). A name
// with a byte that is not a token character (a space, say) is returned as
// it is.
std::string go_canonical_header_key(std::string_view name);

// url.ParseQuery, keeping the pairs in order: split on '&'; a pair with ';'
// is dropped (Go 1.17 and later), as is a pair whose key or value has a bad
// %-escape; '+' is a space; a pair without '=' has the value "".
std::vector<std::pair<std::string, std::string>> go_parse_query(std::string_view raw_query);

// An argument of ClientIP() as Traefik's ip.Checker holds it: an address
// (net.ParseIP, 16 bytes) or a network (net.ParseCIDR: 4 bytes with a 4-byte
// mask for an IPv4 range, else 16 and 16).
struct IpRange
{
  std::vector<uint8_t> ip;
  std::vector<uint8_t> mask; // empty for an address
};

// Nullopt when `text` is neither an IP address nor a CIDR range: Traefik then
// refuses the rule.
std::optional<IpRange> go_parse_ip_range(std::string_view text);

// netip.ParseAddr(...).As16(): IPv4 as IPv4-mapped IPv6; an IPv6 zone
// ("fe80::1%eth0") is accepted and dropped. Nullopt for anything else.
std::optional<std::array<uint8_t, 16>> go_parse_addr(std::string_view text);

// ClientIP(`range`) on a connection from `remote_address`, as Traefik's
// RemoteAddrStrategy and ip.Checker decide it: the port is cut off when
// net.SplitHostPort can (else the text is taken whole), an address that does
// not parse matches nothing, and net.IP semantics compare: 127.0.0.1 equals
// ::ffff:127.0.0.1, and an IPv4 range contains IPv4-mapped addresses.
bool go_ip_range_contains(const IpRange& range, std::string_view remote_address);

} // namespace edgegen::rules
