// Whether a rule matches a request: each matcher as Traefik v3 builds it in
// pkg/muxer/http/matcher.go, combined as the tree says.
#include "rules/go_net.hpp"
#include "rules/go_regexp.hpp"
#include "rules/request.hpp"

#include "util/strings.hpp"

#include <algorithm>

namespace edgegen::rules {

namespace {

bool is_ascii(std::string_view s)
{
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// strings.EqualFold on ASCII. Called for every Host matcher a request
// meets: it compares in place.
bool equal_fold(std::string_view a, std::string_view b)
{
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return util::ascii_lower(x) == util::ascii_lower(y);
         });
}

// muxer.DomainMatchHostExpression: `*.example.com` stands for the request
// host with its first label replaced by `*`, so it takes a.example.com but
// neither example.com nor a.b.example.com.
bool domain_matches(std::string_view domain, std::string_view expression)
{
  if (!expression.empty() && expression[0] == '*') {
    // The host with `*` for its first label, compared past that `*`.
    size_t dot = domain.find('.');
    return equal_fold(dot == std::string_view::npos ? std::string_view() : domain.substr(dot), expression.substr(1));
  }
  return equal_fold(domain, expression);
}

// The Host matcher, case aside. One trailing dot is forgiven on either
// side, not on both at once.
bool host_matches(std::string_view expression, std::string_view host)
{
  if (host.empty()) {
    return false;
  }
  if (domain_matches(host, expression)) {
    return true;
  }
  if (!expression.empty() && expression.back() == '.' &&
      domain_matches(host, expression.substr(0, expression.size() - 1))) {
    return true;
  }
  return host.back() == '.' && domain_matches(host.substr(0, host.size() - 1), expression);
}

// Host(`value`). Host(`*`) takes every request, even one without a host.
bool host_matcher_matches(std::string_view value, std::string_view host)
{
  return value == "*" || host_matches(value, host);
}

// Go's server keeps the Host line out of the header map (it becomes
// req.Host), so Header(`Host`, ...) sees nothing.
template <typename Test> bool any_header(const Request& request, const std::string& name, Test test)
{
  std::string key = go_canonical_header_key(name);
  if (key == "Host") {
    return false;
  }
  return std::any_of(request.headers.begin(), request.headers.end(), [&](const auto& header) {
    return go_canonical_header_key(header.first) == key && test(header.second);
  });
}

template <typename Test> bool any_query_value(const Request& request, const std::string& key, Test test)
{
  auto pairs = go_parse_query(request.raw_query);
  return std::any_of(pairs.begin(), pairs.end(),
                     [&](const auto& pair) { return pair.first == key && test(pair.second); });
}

// Whether Traefik builds the matcher at all: the arity of httpFuncs, no
// empty argument (rules.CheckRule), then each matcher's own checks.
bool buildable(const Matcher& m)
{
  if (!m.known) {
    return false;
  }
  std::string_view name = m.name;
  size_t least = name == "Header" || name == "HeaderRegexp" ? 2 : 1;
  size_t most = name == "Query" || name == "QueryRegexp" ? 2 : least;
  size_t count = m.arguments.size();
  if (count < least || count > most) {
    return false;
  }
  for (const auto& argument : m.arguments) {
    if (argument.value.empty()) {
      return false;
    }
  }
  const std::string& value = m.arguments[0].value;
  if (name == "Host") {
    return value == "*" || is_ascii(value);
  }
  if (name == "HostRegexp") {
    return is_ascii(value) && go_regexp_compiles(value);
  }
  if (name == "Path" || name == "PathPrefix") {
    return value[0] == '/';
  }
  if (name == "PathRegexp") {
    return go_regexp_compiles(value);
  }
  if (name == "HeaderRegexp" || (name == "QueryRegexp" && count == 2)) {
    return go_regexp_compiles(m.arguments[1].value);
  }
  if (name == "ClientIP") {
    return go_parse_ip_range(value).has_value();
  }
  return name == "Method" || name == "Header" || name == "Query" || name == "QueryRegexp";
}

bool matcher_matches(const Matcher& m, const Request& request)
{
  std::string_view name = m.name;
  const std::string& value = m.arguments[0].value;
  if (name == "Host") {
    return host_matcher_matches(value, request.host);
  }
  if (name == "HostRegexp") {
    // Traefik also tries the CNAME-flattened host, which is empty unless
    // the host resolver is configured.
    return go_regexp_search(value, request.host) || go_regexp_search(value, "");
  }
  if (name == "Path") {
    return request.path == value;
  }
  if (name == "PathPrefix") {
    return util::starts_with(request.path, value);
  }
  if (name == "PathRegexp") {
    return go_regexp_search(value, request.path);
  }
  if (name == "Method") {
    std::string method = value;
    std::transform(method.begin(), method.end(), method.begin(),
                   [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
    return method == request.method;
  }
  if (name == "Header") {
    return any_header(request, value, [&](const std::string& v) { return v == m.arguments[1].value; });
  }
  if (name == "HeaderRegexp") {
    return any_header(request, value, [&](const std::string& v) { return go_regexp_search(m.arguments[1].value, v); });
  }
  if (name == "QueryRegexp" && m.arguments.size() == 2) {
    return any_query_value(request, value,
                           [&](const std::string& v) { return go_regexp_search(m.arguments[1].value, v); });
  }
  if (name == "Query" || name == "QueryRegexp") {
    // With one argument the key must be there with an empty value: `?mobile`, not `?mobile=true`.
    std::string wanted = m.arguments.size() == 2 ? m.arguments[1].value : "";
    return any_query_value(request, value, [&](const std::string& v) { return v == wanted; });
  }
  if (name == "ClientIP") {
    return go_ip_range_contains(*go_parse_ip_range(value), request.client_ip);
  }
  return false;
}

// HostRegexp(`^[a-z0-9-]+<domain, escaped>$`), the regexp edgegen builds
// for `*<domain>`: one label of those bytes, then the domain as written
// (the regexp is case-sensitive; a request's host is in lower case).
bool label_then_domain(std::string_view host, std::string_view domain)
{
  size_t dot = host.find('.');
  if (dot == 0 || dot == std::string_view::npos || host.substr(dot) != domain) {
    return false;
  }
  return std::all_of(host.begin(), host.begin() + static_cast<std::ptrdiff_t>(dot),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

} // namespace

bool builds(const Rule& rule)
{
  return rule.parsed() && std::all_of(rule.matchers.begin(), rule.matchers.end(), buildable);
}

bool matches(const HostPath& rule, const Request& request)
{
  if (!rule.host || !rule.builds) {
    return false;
  }
  std::string_view host = *rule.host;
  bool host_matches_request = util::starts_with(host, "*.") ? label_then_domain(request.host, host.substr(1))
                                                            : host_matcher_matches(host, request.host);
  if (!host_matches_request || !rule.path) {
    return host_matches_request;
  }
  return rule.exact ? request.path == *rule.path : util::starts_with(request.path, *rule.path);
}

bool matches(const Rule& rule, const Request& request)
{
  if (!builds(rule)) {
    return false;
  }
  // Post-order walk with an explicit stack and short-circuit: a long chain
  // of && is a tree as deep as it is long.
  struct Frame
  {
    uint32_t node;
    int stage; // operands evaluated so far
  };
  std::vector<Frame> stack{{static_cast<uint32_t>(rule.nodes.size() - 1), 0}};
  bool value = false;
  while (!stack.empty()) {
    Frame frame = stack.back();
    const Node& node = rule.nodes[frame.node];
    if (node.kind == Node::Kind::matcher) {
      value = matcher_matches(rule.matchers[node.first], request);
      stack.pop_back();
    } else if (frame.stage == 0) {
      stack.back().stage = 1;
      stack.push_back({node.first, 0});
    } else if (node.kind == Node::Kind::negation) {
      value = !value;
      stack.pop_back();
    } else if (frame.stage == 1 && value == (node.kind == Node::Kind::all)) {
      // && with a true left side, || with a false one: the right side decides.
      stack.back().stage = 2;
      stack.push_back({node.second, 0});
    } else {
      stack.pop_back();
    }
  }
  return value;
}

} // namespace edgegen::rules
