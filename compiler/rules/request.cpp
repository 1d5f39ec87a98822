// A request from a URL, header lines, a method and a remote address, as Go's
// HTTP server parses it (url.ParseRequestURI, textproto) and as Traefik's
// entry point and muxer then present it to the matchers: the canonical host
// of the request decorator and the routing path of mux.go.
#include "rules/request.hpp"

#include "rules/go_net.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace edgegen::rules {

namespace {

bool is_token(std::string_view s)
{
  if (s.empty()) {
    return false;
  }
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) == 0 && std::strchr("!#$%&'*+-.^_`|~", u) == nullptr) {
      return false;
    }
  }
  return true;
}

bool is_hex(char c)
{
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

char upper(char c)
{
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

char decoded(char high, char low)
{
  auto value = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : upper(c) - 'A' + 10; };
  return static_cast<char>(value(high) * 16 + value(low));
}

std::string quoted(std::string_view s)
{
  return "\"" + util::escape_invalid_utf8(s) + "\"";
}

// url.shouldEscape(c, encodePath): what Go percent-encodes in a path.
bool path_escapes(unsigned char c)
{
  return std::isalnum(c) == 0 && std::strchr("-_.~$&+,/:;=@", c) == nullptr;
}

// url.validEncoded(s, encodePath): whether Go can keep the path as sent.
bool valid_encoded(std::string_view s)
{
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u == 0 || (std::strchr("!$&'()*+,;=:@[]%", u) == nullptr && path_escapes(u))) {
      return false;
    }
  }
  return true;
}

// RFC 3986 reserved characters and '%', which Traefik leaves encoded in the
// routing path (mux.go reservedCharacters); `hex` is upper case.
bool reserved(std::string_view hex)
{
  static const char* const k_reserved[] = {"3A", "2F", "3F", "23", "5B", "5D", "40", "21", "24", "26",
                                           "27", "28", "29", "2A", "2B", "2C", "3B", "3D", "25"};
  for (const char* r : k_reserved) {
    if (hex == r) {
      return true;
    }
  }
  return false;
}

// The routing path of the path as sent (see make_request) in `out`, or why
// Go's server refuses the path. Go's URL.EscapedPath keeps the path as sent
// when every byte may stand in a path, else it re-encodes the decoded path,
// where an encoded reserved character can no longer be told from a plain
// one: `/{a}%2Fb` routes as `/{a}/b`. The entry point's normalizePath
// upper-cases every %XX before the muxer compares it with the reserved ones.
std::optional<std::string> routing_path(std::string_view raw, std::string& out)
{
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '%' && (i + 2 >= raw.size() || !is_hex(raw[i + 1]) || !is_hex(raw[i + 2]))) {
      return "invalid URL escape " + quoted(raw.substr(i, 3));
    }
  }
  if (raw.find('%') == std::string_view::npos && valid_encoded(raw)) {
    out.assign(raw.empty() ? std::string_view("/") : raw); // nothing to re-encode nor to decode
    return std::nullopt;
  }
  std::string escaped;
  if (valid_encoded(raw)) {
    escaped = raw;
  } else {
    for (size_t i = 0; i < raw.size(); ++i) {
      char c = raw[i];
      if (c == '%') {
        c = decoded(raw[i + 1], raw[i + 2]);
        i += 2;
      }
      if (path_escapes(static_cast<unsigned char>(c))) {
        static const char k_hex[] = "0123456789ABCDEF";
        auto u = static_cast<unsigned char>(c);
        escaped += {'%', k_hex[u >> 4], k_hex[u & 15]};
      } else {
        escaped += c;
      }
    }
  }
  out.clear();
  for (size_t i = 0; i < escaped.size(); ++i) {
    if (escaped[i] != '%') {
      out += escaped[i];
      continue;
    }
    std::string hex = {upper(escaped[i + 1]), upper(escaped[i + 2])};
    out += reserved(hex) ? "%" + hex : std::string(1, decoded(hex[0], hex[1]));
    i += 2;
  }
  if (out.empty()) {
    out = "/";
  }
  return std::nullopt;
}

// url.parseHost: the URL's host as Go keeps it (brackets and port included)
// or why Go refuses it. Only non-ASCII bytes may be %-encoded in a host.
std::optional<std::string> check_url_host(std::string_view host, std::string_view& port)
{
  auto valid_port = [](std::string_view p) {
    return p.empty() || (p[0] == ':' && p.find_first_not_of("0123456789", 1) == std::string_view::npos);
  };
  size_t name_end = host.size();
  if (!host.empty() && host[0] == '[') {
    size_t close = host.rfind(']');
    if (close == std::string_view::npos) {
      return "missing ']' in host " + quoted(host);
    }
    name_end = close + 1;
  } else if (size_t colon = host.rfind(':'); colon != std::string_view::npos) {
    if (host.substr(0, colon).find(':') != std::string_view::npos) {
      return "host " + quoted(host) + " has more than one ':'; an IPv6 address goes in brackets";
    }
    name_end = colon;
  }
  if (!valid_port(host.substr(name_end))) {
    return "invalid port " + quoted(host.substr(name_end)) + " after host";
  }
  port = host.substr(std::min(name_end + 1, host.size()));
  // An IPv6 zone (`[fe80::1%25eth0]`) may encode anything.
  size_t zone = !host.empty() && host[0] == '[' ? host.substr(0, name_end).find("%25") : std::string_view::npos;
  for (size_t i = 0; i < name_end; ++i) {
    auto c = static_cast<unsigned char>(host[i]);
    bool in_zone = zone != std::string_view::npos && i >= zone && host[i] != ']';
    if (c == '%') {
      bool ok = i + 2 < host.size() && is_hex(host[i + 1]) && is_hex(host[i + 2]);
      if (!ok || (!in_zone && host.substr(i, 3) != "%25" && std::strchr("01234567", host[i + 1]) != nullptr)) {
        return "invalid URL escape " + quoted(host.substr(i, 3)) + " in host";
      }
    } else if (!in_zone && c < 0x80 && std::isalnum(c) == 0 && std::strchr("-_.~!$&'()*+,;=:[]<>\"", c) == nullptr) {
      return "invalid character " + quoted(host.substr(i, 1)) + " in host " + quoted(host);
    }
  }
  return std::nullopt;
}

// The host of the request decorator: Traefik's parseHost on Go's req.Host
// (port and brackets off where net.SplitHostPort can take them off), then
// types.CanonicalDomain (blanks trimmed, lower case). Go lower-cases
// Unicode; only ASCII is lowered here.
std::string canonical_host(std::string_view host)
{
  std::string out(host);
  if (host.find(':') != std::string_view::npos) {
    if (auto parts = go_split_host_port(host)) {
      out = parts->host;
    } else if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
      out = host.substr(1, host.size() - 2);
    }
  }
  size_t first = out.find_first_not_of(" \t\r\n\v\f");
  size_t last = out.find_last_not_of(" \t\r\n\v\f");
  return first == std::string::npos ? "" : util::to_lower(std::string_view(out).substr(first, last - first + 1));
}

std::optional<std::string> add_headers(const std::vector<std::string>& lines, std::string& host_line, Request& out)
{
  int hosts = 0;
  for (const auto& line : lines) {
    size_t colon = line.find(':');
    std::string_view name = std::string_view(line).substr(0, colon);
    if (colon == std::string::npos || !is_token(name)) {
      return "header line " + quoted(line) + " is not Name: value, with a name of letters, digits and !#$%&'*+-.^_`|~";
    }
    std::string_view value = std::string_view(line).substr(colon + 1);
    size_t first = value.find_first_not_of(" \t");
    value = first == std::string_view::npos ? std::string_view()
                                            : value.substr(first, value.find_last_not_of(" \t") - first + 1);
    for (char c : value) {
      if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) {
        return "header line " + quoted(line) + " has a control character in its value";
      }
    }
    std::string key = go_canonical_header_key(name);
    if (key == "Host") {
      ++hosts;
      host_line = value;
    }
    out.headers.emplace_back(std::move(key), std::string(value));
  }
  if (hosts > 1) {
    return "more than one Host header line (Go's server answers 400 Bad Request)";
  }
  return std::nullopt;
}

} // namespace

std::optional<std::string> make_request(std::string_view url, std::string_view method,
                                        const std::vector<std::string>& header_lines, std::string_view client_ip,
                                        Request& out)
{
  out = Request{};
  if (!is_token(method)) {
    return "method " + quoted(method) + " is not an HTTP token such as GET";
  }
  out.method = method;
  out.client_ip = client_ip;
  // A client never sends the fragment.
  url = url.substr(0, url.find('#'));
  for (char c : url) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return "URL " + quoted(url) + " has a control character";
    }
    if (c == ' ') {
      return "URL " + quoted(url) + " has a space, which cannot be sent in a request line; write %20";
    }
  }
  size_t separator = url.find("://");
  out.scheme = util::to_lower(url.substr(0, separator));
  if (separator == std::string_view::npos || (out.scheme != "http" && out.scheme != "https")) {
    return "URL " + quoted(url) + " is not absolute: write http://host/path or https://host/path";
  }
  // Go cuts the query off before it looks for the end of the authority.
  std::string_view rest = url.substr(separator + 3);
  size_t question = rest.find('?');
  if (question != std::string_view::npos) {
    out.raw_query = rest.substr(question + 1);
    rest = rest.substr(0, question);
  }
  size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  std::string_view raw_path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    for (char c : authority.substr(0, at)) {
      if (std::isalnum(static_cast<unsigned char>(c)) == 0 && std::strchr("-._:~!$&'()*+,;=%@", c) == nullptr) {
        return "invalid user information in URL " + quoted(url);
      }
    }
  }
  std::string_view url_host = at == std::string_view::npos ? authority : authority.substr(at + 1);
  std::string_view port;
  if (auto error = check_url_host(url_host, port)) {
    return error;
  }
  out.port = out.scheme == "https" ? 443 : 80;
  if (!port.empty()) {
    long number = 0;
    for (char digit : port) {
      number = std::min(number * 10 + (digit - '0'), 100000L);
    }
    if (number > 65535) {
      return "port " + std::string(port) + " is out of range";
    }
    out.port = static_cast<int>(number);
  }
  if (auto error = routing_path(raw_path, out.path)) {
    return error;
  }
  out.escaped_path = raw_path.empty() ? "/" : std::string(raw_path);
  std::string host_line;
  if (auto error = add_headers(header_lines, host_line, out)) {
    return error;
  }
  // RFC 9112 3.2.2, as Go's server applies it: the request-target's host
  // wins, the Host line counts only when the target has none.
  out.host = canonical_host(url_host.empty() ? std::string_view(host_line) : url_host);
  return std::nullopt;
}

} // namespace edgegen::rules
