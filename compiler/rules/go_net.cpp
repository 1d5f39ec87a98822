// Go's net.SplitHostPort, http.CanonicalHeaderKey, url.ParseQuery and the
// net.IP arithmetic behind Traefik's ClientIP(), written from their Go
// definitions so that edge cases fall the same way.
#include "rules/go_net.hpp"

#include <arpa/inet.h>

#include <cctype>
#include <cstring>

namespace edgegen::rules {

namespace {

// RFC 7230 token characters: what Go accepts in a header name.
bool is_token_byte(unsigned char c)
{
  return std::isalnum(c) != 0 || std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

int hex_value(char c)
{
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

// url.QueryUnescape; nullopt on a '%' without two hex digits after it.
std::optional<std::string> query_unescape(std::string_view s)
{
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      if (i + 2 >= s.size() || hex_value(s[i + 1]) < 0 || hex_value(s[i + 2]) < 0) {
        return std::nullopt;
      }
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

// net.ParseIP when `zone` is false, netip.ParseAddr when it is true.
std::optional<std::array<uint8_t, 16>> parse_ip(std::string_view text, bool zone)
{
  // inet_pton takes hex digits, dots and colons only (a zone aside): a host
  // name is turned down here, before the copy that inet_pton needs.
  std::string_view address = text.substr(0, text.find('%'));
  if (address.empty() || address.find_first_not_of("0123456789abcdefABCDEF.:") != std::string_view::npos) {
    return std::nullopt;
  }
  std::string s(text);
  std::array<uint8_t, 16> out{};
  if (s.find(':') == std::string::npos) {
    in_addr v4{};
    if (s.find('%') != std::string::npos || inet_pton(AF_INET, s.c_str(), &v4) != 1) {
      return std::nullopt;
    }
    out[10] = out[11] = 0xff;
    std::memcpy(out.data() + 12, &v4, 4);
    return out;
  }
  if (size_t percent = s.find('%'); percent != std::string::npos) {
    if (!zone || percent + 1 == s.size()) {
      return std::nullopt; // Go: "zone must be a non-empty string"
    }
    s.resize(percent);
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, s.c_str(), &v6) != 1) {
    return std::nullopt;
  }
  std::memcpy(out.data(), &v6, 16);
  return out;
}

// net.IP.To4: the last four bytes of an IPv4-mapped address, else empty.
std::vector<uint8_t> to4(const std::vector<uint8_t>& ip)
{
  if (ip.size() == 4) {
    return ip;
  }
  static const uint8_t k_mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (ip.size() == 16 && std::memcmp(ip.data(), k_mapped, 12) == 0) {
    return {ip.begin() + 12, ip.end()};
  }
  return {};
}

// net.IPNet.Contains, networkNumberAndMask included: a network written in
// IPv4-mapped form compares IPv4 addresses with the last four mask bytes.
bool network_contains(const IpRange& net, const std::vector<uint8_t>& address)
{
  std::vector<uint8_t> number = to4(net.ip);
  if (number.empty()) {
    number = net.ip;
  }
  std::vector<uint8_t> mask = net.mask;
  if (mask.size() == 4 && number.size() != 4) {
    return false;
  }
  if (mask.size() == 16 && number.size() == 4) {
    mask.erase(mask.begin(), mask.begin() + 12);
  }
  std::vector<uint8_t> ip = to4(address);
  if (ip.empty()) {
    ip = address;
  }
  if (ip.size() != number.size()) {
    return false;
  }
  for (size_t i = 0; i < ip.size(); ++i) {
    if ((ip[i] & mask[i]) != (number[i] & mask[i])) {
      return false;
    }
  }
  return true;
}

} // namespace

std::optional<HostPort> go_split_host_port(std::string_view s)
{
  size_t colon = s.rfind(':');
  if (colon == std::string_view::npos) {
    return std::nullopt; // missing port
  }
  size_t j = 0, k = 0; // no '[' before j, no ']' before k
  std::string_view host;
  if (s[0] == '[') {
    size_t end = s.find(']');
    if (end == std::string_view::npos || end + 1 != colon) {
      return std::nullopt; // missing ']', missing port, or too many colons
    }
    host = s.substr(1, end - 1);
    j = 1;
    k = end + 1;
  } else {
    host = s.substr(0, colon);
    if (host.find(':') != std::string_view::npos) {
      return std::nullopt; // too many colons
    }
  }
  if (s.find('[', j) != std::string_view::npos || s.find(']', k) != std::string_view::npos) {
    return std::nullopt; // unexpected '[' or ']'
  }
  return HostPort{std::string(host), std::string(s.substr(colon + 1))};
}

std::string go_canonical_header_key(std::string_view name)
{
  std::string out(name);
  for (char c : name) {
    if (!is_token_byte(static_cast<unsigned char>(c))) {
      return out;
    }
  }
  bool upper = true;
  for (char& c : out) {
    if (upper && c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    } else if (!upper && c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
    upper = c == '-';
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> go_parse_query(std::string_view query)
{
  std::vector<std::pair<std::string, std::string>> out;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty() || pair.find(';') != std::string_view::npos) {
      continue;
    }
    size_t eq = pair.find('=');
    auto key = query_unescape(pair.substr(0, eq));
    auto value = query_unescape(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
    if (key && value) {
      out.emplace_back(std::move(*key), std::move(*value));
    }
  }
  return out;
}

std::optional<std::array<uint8_t, 16>> go_parse_addr(std::string_view text)
{
  return parse_ip(text, true);
}

std::optional<IpRange> go_parse_ip_range(std::string_view text)
{
  if (auto ip = parse_ip(text, false)) {
    return IpRange{{ip->begin(), ip->end()}, {}};
  }
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) {
    return std::nullopt;
  }
  std::string_view address = text.substr(0, slash);
  std::string_view length = text.substr(slash + 1);
  auto ip = parse_ip(address, false);
  // Go's dtoi: decimal digits, all of them, below 0xFFFFFF.
  long bits = 0;
  if (!ip || length.empty() || length.size() > 8 || length.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  for (char c : length) {
    bits = bits * 10 + (c - '0');
  }
  bool v4 = address.find(':') == std::string_view::npos;
  size_t size = v4 ? 4 : 16;
  if (bits > static_cast<long>(size * 8)) {
    return std::nullopt;
  }
  IpRange range;
  range.ip.assign(ip->begin() + (16 - size), ip->end());
  range.mask.assign(size, 0);
  for (size_t i = 0; i < size; ++i) {
    long left = bits - static_cast<long>(i * 8);
    range.mask[i] = left >= 8 ? 0xff : left <= 0 ? 0 : static_cast<uint8_t>(0xff << (8 - left));
    range.ip[i] &= range.mask[i];
  }
  return range;
}

bool go_ip_range_contains(const IpRange& range, std::string_view remote_address)
{
  auto host_port = go_split_host_port(remote_address);
  std::string_view host = host_port ? std::string_view(host_port->host) : remote_address;
  auto address = host.empty() ? std::nullopt : go_parse_addr(host);
  if (!address) {
    return false;
  }
  std::vector<uint8_t> bytes(address->begin(), address->end());
  if (range.mask.empty()) {
    return bytes == range.ip; // net.IP.Equal of two 16-byte forms
  }
  return network_contains(range, bytes);
}

} // namespace edgegen::rules
