// A concrete request a rule matches: each alternative of the rule (the
// branches of its ||, with the matchers under && combined) gives the values
// of its matchers to one request, and rules::matches says whether it is one.
#include "check/requests.hpp"

#include <cctype>

namespace edgegen::check::detail {

namespace {

// The conditions one request is made of; matchers under '!' are left to the
// confirmation.
struct Conditions
{
  std::string host, path = "/", method = "GET", query, client_ip;
  std::vector<std::string> headers;
  bool possible = true; // a regexp could not be sampled
};

constexpr size_t k_max_alternatives = 16;

void apply(const rules::Matcher& matcher, Conditions& out)
{
  const auto& args = matcher.arguments;
  auto value = [&](size_t i) { return i < args.size() ? args[i].value : std::string(); };
  auto sample = [&](size_t i) {
    auto text = regexp_sample(value(i));
    out.possible = out.possible && text.has_value();
    return text.value_or("");
  };
  std::string_view name = matcher.name;
  if (name == "Host") {
    std::string host = rules::normalize_host(value(0));
    out.host = host == "*" ? "a.example" : host.rfind("*.", 0) == 0 ? "a" + host.substr(1) : host;
  } else if (name == "HostRegexp") {
    out.host = sample(0);
  } else if (name == "Path" || name == "PathPrefix") {
    out.path = value(0);
  } else if (name == "PathRegexp") {
    out.path = sample(0);
  } else if (name == "Method") {
    out.method = value(0);
  } else if (name == "Header") {
    out.headers.push_back(value(0) + ": " + value(1));
  } else if (name == "HeaderRegexp") {
    out.headers.push_back(value(0) + ": " + sample(1));
  } else if (name == "Query" || name == "QueryRegexp") {
    out.query += (out.query.empty() ? "" : "&") + value(0) + "=" + (name == "Query" ? value(1) : sample(1));
  } else if (name == "ClientIP") {
    out.client_ip = value(0).substr(0, value(0).find('/'));
  }
}

// The alternatives of node `index`: one Conditions per branch of its ||.
std::vector<Conditions> alternatives(const rules::Rule& rule, uint32_t index, const Conditions& base)
{
  const rules::Node& node = rule.nodes[index];
  switch (node.kind) {
  case rules::Node::Kind::matcher: {
    Conditions out = base;
    apply(rule.matchers[node.first], out);
    return {out};
  }
  case rules::Node::Kind::negation:
    return {base};
  case rules::Node::Kind::any: {
    auto out = alternatives(rule, node.first, base);
    for (auto& other : alternatives(rule, node.second, base)) {
      if (out.size() < k_max_alternatives) {
        out.push_back(std::move(other));
      }
    }
    return out;
  }
  case rules::Node::Kind::all:
    break;
  }
  std::vector<Conditions> out;
  for (const auto& left : alternatives(rule, node.first, base)) {
    for (auto& both : alternatives(rule, node.second, left)) {
      if (out.size() < k_max_alternatives) {
        out.push_back(std::move(both));
      }
    }
  }
  return out;
}

// A path as a URL carries it: bytes outside the unreserved set and the
// path's delimiters percent-encoded.
std::string escape_path(const std::string& path)
{
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) ||
        std::string_view("-._~/!$&'()*+,;=:@").find(static_cast<char>(c)) != std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// The request `conditions` describe, if they make one.
std::optional<rules::Request> request_of(const Conditions& conditions, const std::string& scheme, int port)
{
  if (!conditions.possible || conditions.host.empty() || conditions.path.empty() || conditions.path[0] != '/') {
    return std::nullopt;
  }
  std::string authority =
      conditions.host.find(':') != std::string::npos ? "[" + conditions.host + "]" : conditions.host;
  std::string url = scheme + "://" + authority + ":" + std::to_string(port) + escape_path(conditions.path);
  if (!conditions.query.empty()) {
    url += "?" + conditions.query;
  }
  rules::Request request;
  if (rules::make_request(url, conditions.method, conditions.headers, conditions.client_ip, request)) {
    return std::nullopt; // make_request returns an error
  }
  return request;
}

std::vector<Conditions> alternatives(const rules::Rule& rule, const Conditions& base)
{
  return alternatives(rule, static_cast<uint32_t>(rule.nodes.size() - 1), base);
}

} // namespace

std::optional<rules::Request> witness_request(const rules::Rule& rule, const std::string& scheme, int port,
                                              const std::string& host)
{
  if (!rule.ok() || !rule.parsed()) {
    return std::nullopt;
  }
  for (auto& conditions : alternatives(rule, {})) {
    if (!host.empty()) {
      conditions.host = host;
    }
    auto request = request_of(conditions, scheme, port);
    if (request && rules::matches(rule, *request)) {
      return request;
    }
  }
  return std::nullopt;
}

std::optional<rules::Request> witness_request(const rules::HostPath& rule, const std::string& scheme, int port,
                                              const std::string& host)
{
  if (!rule.ok || !rule.host || host.empty()) {
    return std::nullopt;
  }
  // What alternatives() makes of Host(…) && Path(…): the host given, the
  // path condition's value, else "/".
  Conditions conditions;
  conditions.host = host;
  if (rule.path) {
    conditions.path = *rule.path;
  }
  auto request = request_of(conditions, scheme, port);
  return request && rules::matches(rule, *request) ? request : std::nullopt;
}

std::optional<rules::Request> common_request(const rules::Rule& a, const rules::Rule& b, const std::string& scheme,
                                             int port)
{
  if (!a.ok() || !a.parsed() || !b.ok() || !b.parsed()) {
    return std::nullopt;
  }
  // The second rule's values replace the first's (a path, a host), so the
  // narrower one must come last: both orders are tried.
  for (auto [first, second] : {std::pair{&a, &b}, std::pair{&b, &a}}) {
    for (const auto& base : alternatives(*first, {})) {
      for (const auto& conditions : alternatives(*second, base)) {
        auto request = request_of(conditions, scheme, port);
        if (request && rules::matches(a, *request) && rules::matches(b, *request)) {
          return request;
        }
      }
    }
  }
  return std::nullopt;
}

} // namespace edgegen::check::detail
