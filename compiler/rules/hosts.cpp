// The values of Host() that Traefik v3 accepts, and the few it accepts but
// can never match as written.
//
// Traefik lower-cases the value and compares it with the request's host,
// itself lower-cased, stripped of its port (and of the brackets around an
// IPv6 address) and trimmed of spaces; one trailing dot on either side is
// ignored, `*` alone matches every request, and a leftmost `*.` label
// matches exactly one label. So upper case, a trailing dot, '_', IP
// addresses and wildcards all work. A value with a port, brackets, a comma
// (v2's list), a '*' elsewhere, characters that Go's HTTP server refuses in
// a Host header, or a shape DNS cannot have, is accepted too, but never
// matches the host it names: those are reported (E0431).
#include "rules/characters.hpp"
#include "rules/internal.hpp"

#include "util/strings.hpp"

#include <arpa/inet.h>

namespace edgegen::rules {

namespace {

constexpr auto k_npos = std::string::npos;

struct Verdict
{
  size_t at = 0; // index in the value
  std::string why;
  std::string hint;
};

// The bytes of a Host header that Go's HTTP server lets through
// (golang.org/x/net/http/httpguts.ValidHostHeader): RFC 3986's reg-name
// characters, ':' and brackets for ports and IPv6, '%' for escapes and zones.
bool host_header_byte(char c)
{
  return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("!$%&'()*+,-.:;=[]_~").find(c) != k_npos;
}

bool is_ipv6(const std::string& text)
{
  std::string address = text.substr(0, text.find('%')); // a zone: fe80::1%eth0
  unsigned char buffer[16];
  return inet_pton(AF_INET6, address.c_str(), buffer) == 1;
}

std::string host_rule(const std::string& host)
{
  return detail::call_of("Host", {host});
}

// Host(`a`) || Host(`b`) for "a,b" (v2 split its argument on commas).
std::string listed_hosts(const std::string& value)
{
  std::vector<std::string> calls;
  for (const auto& part : util::split(value, ',')) {
    std::string host = part;
    host.erase(0, host.find_first_not_of(' '));
    host.erase(host.find_last_not_of(' ') + 1);
    if (!host.empty()) {
      calls.push_back(host_rule(host));
    }
  }
  return util::join(calls, " || ");
}

// A URL or host/path: the host (without user, port or brackets) and path.
std::string url_rule(const std::string& value)
{
  size_t scheme = value.find("://");
  std::string rest = scheme == k_npos ? value : value.substr(scheme + 3);
  size_t end = rest.find_first_of("/?#");
  std::string host = rest.substr(0, end);
  std::string path = end == k_npos || rest[end] != '/' ? "" : rest.substr(end, rest.find_first_of("?#", end) - end);
  host = host.substr(host.find('@') == k_npos ? 0 : host.rfind('@') + 1);
  if (!host.empty() && host.front() == '[') {
    host = host.substr(1, host.find(']') == k_npos ? k_npos : host.find(']') - 1);
  } else if (host.find(':') != k_npos && !is_ipv6(host)) {
    host = host.substr(0, host.find(':'));
  }
  std::string rule = host_rule(host);
  return path.empty() || path == "/" ? rule : rule + " && " + detail::call_of("PathPrefix", {path});
}

// `*` in a label as HostRegexp() spells it: a whole label is one label,
// part of a label any run of characters in it.
std::string wildcard_rule(const std::string& value)
{
  std::string pattern = "^";
  for (size_t i = 0; i < value.size(); ++i) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(value[i])));
    bool whole_label = (i == 0 || value[i - 1] == '.') && (i + 1 == value.size() || value[i + 1] == '.');
    if (c == '*') {
      pattern += whole_label ? "[^.]+" : "[^.]*";
      continue;
    }
    if (std::string_view("\\.+?()|[]{}^$").find(c) != k_npos) {
      pattern += '\\';
    }
    pattern += c;
  }
  return detail::call_of("HostRegexp", {pattern + "$"});
}

std::string describe_byte(char c)
{
  if (c == ' ') {
    return "a space";
  }
  if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
    return "the control character " + detail::printable(std::string(1, c));
  }
  return std::string("'") + c + "'";
}

Verdict problem_of(const std::string& value)
{
  auto hint = [](const std::string& rule, std::string otherwise, std::string_view lead = {}) {
    return detail::write_hint(rule, Protocol::http, std::move(otherwise), lead);
  };
  const std::string names = "a host name has letters, digits, '-', '_' and dots; HostRegexp() matches patterns";
  if (size_t at = value.find(','); at != k_npos) {
    return {at, "Traefik v3 takes one host per Host(); v2 read a comma-separated list",
            hint(listed_hosts(value), names)};
  }
  if (size_t at = value.find("://"); at != k_npos) {
    return {at, "it is a URL; Host() takes the host name alone", hint(url_rule(value), names)};
  }
  if (size_t at = value.find('/'); at != k_npos) {
    return {at, "it has a path; Host() takes the host name alone", hint(url_rule(value), names)};
  }
  if (size_t at = value.find('@'); at != k_npos) {
    return {at, "it has a user name, which no Host header carries", hint(url_rule(value), names)};
  }
  size_t close = value.find(']');
  if (value.front() == '[' && close != k_npos && is_ipv6(value.substr(1, close - 1))) {
    return {0, "Traefik takes the brackets off an IPv6 address in the request's host",
            hint(host_rule(value.substr(1, close - 1)), names)};
  }
  if (size_t at = value.find(':'); at != k_npos && !is_ipv6(value)) {
    return {at, "it has a port, and Traefik compares the request's host without its port",
            hint(host_rule(value.substr(0, at)), names, "the router's entry points choose the port; ")};
  }
  for (size_t i = 0; i < value.size(); ++i) {
    if (!host_header_byte(value[i])) {
      std::string trimmed = value;
      trimmed.erase(0, trimmed.find_first_not_of(" \t"));
      trimmed.erase(trimmed.find_last_not_of(" \t") + 1);
      return {i, "it has " + describe_byte(value[i]) + ", which no HTTP Host header can carry",
              trimmed != value ? hint(host_rule(trimmed), names) : names};
    }
  }
  if (is_ipv6(value)) {
    return {};
  }
  // Labels, without one trailing dot and a leading `*.`.
  size_t first = util::starts_with(value, "*.") ? 2 : 0;
  size_t last = value.size() > first && value.back() == '.' ? value.size() - 1 : value.size();
  if (size_t at = value.find('*', first); at != k_npos && at < last) {
    return {at, "'*' is a wildcard only as the whole leftmost label (*.example.com); anywhere else it is a character",
            hint(wildcard_rule(value.substr(0, last)), names, "to match a pattern, ")};
  }
  if (last - first > 253) {
    return {0, "it is longer than 253 characters, the most a DNS name has",
            "DNS limits a name to 253 characters and a label to 63"};
  }
  for (size_t start = first; start <= last;) {
    size_t end = std::min(value.find('.', start), last);
    if (end == start) {
      return {start, "it has an empty label (a dot at the start, two in a row, or two at the end)",
              "remove the extra dot"};
    }
    if (end - start > 63) {
      return {start, "label \"" + value.substr(start, 20) + "...\" is longer than 63 characters, the most DNS allows",
              "DNS limits a label to 63 characters"};
    }
    start = end + 1;
  }
  return {};
}

} // namespace

void detail::check_host(const Matcher& m, const Argument& a, std::string_view rule, std::vector<RuleProblem>& out)
{
  const std::string& value = a.value;
  if (value == "*") {
    return;
  }
  if (size_t at = find_placeholder(value, false); at != k_npos) {
    out.push_back({"E0503", a.offset_of(at, rule),
                   std::string(m.name) + "() uses a v2 {name:regexp} placeholder; in v3 it matches the text literally",
                   write_hint(call_of("HostRegexp", {template_to_regexp(value, "[^.]+", false)}), Protocol::http,
                              "HostRegexp() takes a Go regular expression")});
    return;
  }
  Verdict verdict = problem_of(value);
  if (!verdict.why.empty()) {
    out.push_back({"E0431", a.offset_of(verdict.at, rule),
                   "\"" + printable(value) + "\" is not a valid host name: " + verdict.why, verdict.hint});
  }
}

} // namespace edgegen::rules
