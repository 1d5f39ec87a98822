// The hosts and paths of a rule, read off its tree. A matcher counts as
// positive under an even number of '!' and as negative under an odd one,
// which is how Traefik itself pushes '!' down to the matchers.
#include "rules/go_net.hpp"
#include "rules/rule.hpp"

#include "util/strings.hpp"

#include <algorithm>

namespace edgegen::rules {

namespace {

void add_unique(util::CompactVector<std::string>& list, std::string value)
{
  if (std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(std::move(value));
  }
}

void walk(const Rule& rule, uint32_t index, bool negated, Scope& out)
{
  const Node& node = rule.nodes[index];
  switch (node.kind) {
  case Node::Kind::all:
  case Node::Kind::any:
    walk(rule, node.first, negated, out);
    walk(rule, node.second, negated, out);
    return;
  case Node::Kind::negation:
    walk(rule, node.first, !negated, out);
    return;
  case Node::Kind::matcher:
    break;
  }
  const Matcher& matcher = rule.matchers[node.first];
  if (!matcher.known || matcher.arguments.size() != 1 || matcher.arguments[0].value.empty()) {
    return;
  }
  const std::string& value = matcher.arguments[0].value;
  if (matcher.name == "Host" && value != "*") {
    add_unique(negated ? out.excluded_hosts : out.hosts, normalize_host(value));
  } else if (!negated && (matcher.name == "Path" || matcher.name == "PathPrefix")) {
    PathCondition path{value, matcher.name == "Path"};
    bool known = std::any_of(out.paths.begin(), out.paths.end(),
                             [&](const PathCondition& p) { return p.value == path.value && p.exact == path.exact; });
    if (!known) {
      out.paths.push_back(std::move(path));
    }
  }
}

} // namespace

bool is_ip_address(std::string_view host)
{
  return host.find('%') == std::string_view::npos && go_parse_addr(host).has_value();
}

std::string normalize_host(std::string_view host)
{
  std::string out = util::to_lower(host);
  if (out.size() > 1 && out.back() == '.') {
    out.pop_back();
  }
  return out;
}

Scope scope_of(const Rule& rule)
{
  Scope out;
  if (rule.parsed()) {
    walk(rule, static_cast<uint32_t>(rule.nodes.size() - 1), false, out);
  }
  return out;
}

} // namespace edgegen::rules
