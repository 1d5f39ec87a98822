// Routing one request over the routers that can take its host, and saying
// what happened to it.
#include "check/requests.hpp"

#include <algorithm>

namespace edgegen::check::detail {

namespace {

// The one host a router's rule requires ("*.example.com": one label below),
// or nullptr when it may take others: the string as written, which the
// routing table's model or rules hold (normalise it before use).
const std::string* required_host(const rules::Router& router, const model::RoutingTable::Source& source)
{
  if (source.route && !source.route->raw()) {
    return &source.route->host(); // its rule is built from it alone
  }
  if (!router.rule || !router.rule->parsed() || !router.rule->conjunction) {
    return nullptr;
  }
  for (const auto& matcher : router.rule->matchers) {
    if (matcher.name == "Host" && matcher.arguments.size() == 1) {
      const std::string& host = matcher.arguments[0].value;
      if (host != "*" && host.rfind("*.", 0) != 0) {
        return &host;
      }
    }
  }
  return nullptr;
}

} // namespace

HostIndex::HostIndex(const model::RoutingTable& table) : m_table(table)
{
  m_by_host.reserve(table.routers.size()); // nearly every router names its host: grown, it took twice that
  for (size_t i = 0; i < table.routers.size(); ++i) {
    const std::string* written = required_host(table.routers[i], table.routes[table.routers[i].owner]);
    std::string host = written ? rules::normalize_host(*written) : std::string();
    if (host.empty()) {
      m_any_host.push_back(static_cast<uint32_t>(i));
    } else if (host == *written) {
      m_by_host.emplace_back(*written, static_cast<uint32_t>(i)); // most hosts are written normalised
    } else {
      m_by_host.emplace_back(m_normalised.emplace_back(std::move(host)), static_cast<uint32_t>(i));
    }
  }
  // Stable by router index within a host, as the map's vectors were.
  std::sort(m_by_host.begin(), m_by_host.end());
}

model::RoutingTable& Routing::table()
{
  if (!m_table) {
    m_table = std::make_unique<model::RoutingTable>(model::routing_table(m_config, m_rules));
  }
  return *m_table;
}

const HostIndex& Routing::index()
{
  if (!m_index) {
    m_index = std::make_unique<HostIndex>(table());
  }
  return *m_index;
}

std::vector<const rules::Router*> HostIndex::routers(const std::string& host) const
{
  std::vector<const rules::Router*> out;
  auto add = [&](const std::string& key) {
    auto first = std::lower_bound(m_by_host.begin(), m_by_host.end(), key,
                                  [](const auto& entry, std::string_view k) { return entry.first < k; });
    for (auto it = first; it != m_by_host.end() && it->first == key; ++it) {
      out.push_back(&m_table.routers[it->second]);
    }
  };
  add(host);
  if (size_t dot = host.find('.'); dot != std::string::npos) {
    add("*" + host.substr(dot));
  }
  for (uint32_t i : m_any_host) {
    out.push_back(&m_table.routers[i]);
  }
  return out;
}

std::string describe(const rules::Request& request)
{
  std::string out = request.method + " " + request.scheme + "://" + request.host;
  if (request.port != (request.scheme == "https" ? 443 : 80)) {
    out += ":" + std::to_string(request.port);
  }
  out += request.escaped_path.empty() ? request.path : request.escaped_path;
  if (!request.raw_query.empty()) {
    out += "?" + request.raw_query;
  }
  for (const auto& [name, value] : request.headers) {
    out += " with header " + name + ": " + value;
  }
  if (!request.client_ip.empty()) {
    out += " from " + request.client_ip;
  }
  return out;
}

std::string describe(const rules::Outcome& outcome, const model::RoutingTable& table)
{
  switch (outcome.kind) {
  case rules::Outcome::Kind::no_entry_point:
    return "no entry point listens there";
  case rules::Outcome::Kind::not_found:
    return "no router matches it (404)";
  case rules::Outcome::Kind::redirected:
    return "entry point \"" + outcome.entry_point->name + "\" redirects it (" + std::to_string(outcome.status) +
           ") to " + outcome.location;
  case rules::Outcome::Kind::routed:
    break;
  }
  const rules::Router& winner = *outcome.winner;
  std::string out =
      "router \"" + std::string(winner.name) + "\" (priority " + std::to_string(winner.effective_priority()) + ")";
  if (const model::Route* route = table.routes[winner.owner].route) {
    out += " at " + diag::format_location(route->location());
  }
  return out + " takes it";
}

} // namespace edgegen::check::detail
