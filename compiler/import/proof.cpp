// The proof: what edgegen renders from the imported tree, read back with
// the reader of the input, compared object by object with the input.
#include "import/proof.hpp"

#include "rules/rule.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <functional>
#include <set>

namespace edgegen::import {

namespace {

// The domains Traefik asks certificates for: tls.domains, else each host
// of the rule as a main domain.
util::Value effective_domains(const Router& router)
{
  if (router.tls_domains.is_list() && !router.tls_domains.as_list().empty()) {
    return router.tls_domains;
  }
  util::Value out = util::Value::list();
  for (const auto& host : rules::scope_of(rules::parse_rule(router.rule)).hosts) {
    util::Value domain = util::Value::map();
    domain["main"] = host;
    out.push_back(domain);
  }
  return out;
}

int64_t effective_priority(const Router& router)
{
  return router.priority.value_or(0) > 0 ? *router.priority : static_cast<int64_t>(router.rule.size());
}

std::string mapped(const std::map<std::string, std::string>& names, const std::string& name)
{
  auto it = names.find(name);
  return it == names.end() ? name : it->second;
}

std::string list(const std::vector<std::string>& items)
{
  return "[" + util::join(items, ", ") + "]";
}

struct Printer
{
  std::vector<Difference>& out;
  std::string suffix; // "@file"

  void changed(const std::string& kind, const std::string& name, const std::string& what, const std::string& before,
               const std::string& after)
  {
    out.push_back({"~ " + kind + " " + name + suffix + ": " + what + " " + before + " → " + after, false});
  }
};

// Pairs each input object with the render's of its new name: a rename is
// a difference of its own, an object on one side only too; `compare`
// lists what differs between the two of a pair.
template <typename T, typename Compare>
void pair_objects(const std::string& kind, const std::map<std::string, T>& in, const std::map<std::string, T>& out,
                  const std::map<std::string, std::string>& names, const std::string& suffix, const char* missing,
                  Printer& p, Compare compare)
{
  std::set<std::string> seen;
  for (const auto& [name, object] : in) {
    std::string rendered = mapped(names, name);
    if (rendered != name) {
      p.out.push_back({"~ " + kind + " " + name + suffix + ": name " + name + " → " + rendered, true});
    }
    auto it = out.find(rendered);
    if (it == out.end()) {
      p.out.push_back({"- " + kind + " " + name + suffix + ": " + missing, false});
      continue;
    }
    seen.insert(rendered);
    compare(name, object, it->second);
  }
  for (const auto& [name, object] : out) {
    if (!seen.count(name)) {
      p.out.push_back({"+ " + kind + " " + name + suffix + ": only in the render", false});
    }
  }
}

void compare_routers(const TraefikConfig& in, const TraefikConfig& out, const Plan& plan, const Naming& naming,
                     Printer& p)
{
  pair_objects("router", in.routers, out.routers, plan.router_names, p.suffix, "not in the render", p,
               [&](const std::string& name, const Router& router, const Router& r) {
                 if (canonical_rule(router.rule) != canonical_rule(r.rule)) {
                   p.changed("router", name, "rule", router.rule, r.rule);
                 }
                 std::vector<std::string> eps;
                 for (const auto& ep : effective_entry_points(router, in)) {
                   eps.push_back(dns_label(ep));
                 }
                 if (eps != effective_entry_points(r, out)) {
                   p.changed("router", name, "entryPoints", list(eps), list(effective_entry_points(r, out)));
                 }
                 if (effective_tls(router, in) != effective_tls(r, out)) {
                   p.changed("router", name, "tls", effective_tls(router, in) ? "on" : "off",
                             effective_tls(r, out) ? "on" : "off");
                 }
                 std::string resolver = effective_resolver(router, in);
                 resolver = resolver.empty() ? "" : mapped(naming.issuers, resolver);
                 if (effective_tls(router, in) && resolver != effective_resolver(r, out)) {
                   p.changed("router", name, "certResolver", resolver.empty() ? "(none)" : resolver,
                             effective_resolver(r, out).empty() ? "(none)" : effective_resolver(r, out));
                 }
                 if (effective_tls(router, in) && !(effective_domains(router) == effective_domains(r))) {
                   p.changed("router", name, "tls.domains", write_value(effective_domains(router)),
                             write_value(effective_domains(r)));
                 }
                 if (effective_priority(router) != effective_priority(r)) {
                   p.changed("router", name, "priority", std::to_string(effective_priority(router)),
                             std::to_string(effective_priority(r)));
                 }
                 std::vector<std::string> before, after;
                 // A middleware the docker provider defined is the file provider's in
                 // edgegen's compose output (shared Middlewares are files): the same one.
                 for (const auto& m : router.middlewares) {
                   before.push_back(mapped(plan.middleware_names, local_name(local_name(m, naming.provider), "file")));
                 }
                 for (const auto& m : r.middlewares) {
                   after.push_back(local_name(local_name(m, naming.provider), "file"));
                 }
                 if (before != after) {
                   p.changed("router", name, "middlewares", list(before), list(after));
                 }
                 std::string service = mapped(plan.service_names, local_name(router.service, naming.provider));
                 if (service != local_name(r.service, naming.provider)) {
                   p.changed("router", name, "service", service, r.service);
                 }
               });
}

// What a service's serversTransport says (null for none), whatever its name.
util::Value transport_of(const Service& service, const TraefikConfig& config)
{
  auto it = config.servers_transports.find(service.transport());
  return it == config.servers_transports.end() ? util::Value() : it->second;
}

void compare_services(const TraefikConfig& in, const TraefikConfig& out, const Plan& plan, Printer& p)
{
  pair_objects(
      "service", in.services, out.services, plan.service_names, p.suffix, "not in the render (no router uses it)", p,
      [&](const std::string& name, const Service& service, const Service& r) {
        if (service.urls != r.urls) {
          p.changed("service", name, "servers", list(service.urls), list(r.urls));
        }
        if (!(service.health_check == r.health_check)) {
          p.changed("service", name, "healthCheck", write_value(service.health_check), write_value(r.health_check));
        }
        if (!(transport_of(service, in) == transport_of(r, out))) {
          p.changed("service", name, "serversTransport", write_value(transport_of(service, in)),
                    write_value(transport_of(r, out)));
        }
        if (service.pass_host_header.value_or(true) != r.pass_host_header.value_or(true)) {
          p.changed("service", name, "passHostHeader", service.pass_host_header.value_or(true) ? "true" : "false",
                    r.pass_host_header.value_or(true) ? "true" : "false");
        }
      });
}

void compare_middlewares(const TraefikConfig& in, const TraefikConfig& out, const Plan& plan, const Naming& naming,
                         Printer& p)
{
  pair_objects("middleware", in.middlewares, out.middlewares, plan.middleware_names, p.suffix, "not in the render", p,
               [&](const std::string& name, const Middleware& middleware, const Middleware& r) {
                 util::Value options = middleware.options;
                 if (middleware.type == "chain") {
                   util::Value members = util::Value::list();
                   for (const auto& m : options.as_map()["middlewares"].as_list()) {
                     members.push_back(mapped(plan.middleware_names, local_name(m.as_string(), naming.provider)));
                   }
                   options["middlewares"] = members;
                 }
                 if (middleware.type != r.type || !(options == r.options)) {
                   p.changed("middleware", name, middleware.type, write_value(options),
                             r.type + " " + write_value(r.options));
                 }
               });
}

void compare_resolvers(const TraefikConfig& in, const TraefikConfig& out, const Naming& naming, Printer& p)
{
  pair_objects(
      "certificateResolver", in.resolvers, out.resolvers, naming.issuers, "", "not in the render", p,
      [&](const std::string& name, const Resolver& resolver, const Resolver& r) {
        std::string ep =
            resolver.challenge == "http" ? dns_label(resolver.entry_point.empty() ? "web" : resolver.entry_point) : "";
        std::vector<std::pair<const char*, std::pair<std::string, std::string>>> fields = {
            {"email", {resolver.email, r.email}},
            {"caServer", {resolver.ca_server, r.ca_server}},
            {"storage", {resolver.storage, r.storage}},
            {"challenge", {resolver.challenge, r.challenge}},
            {"entryPoint", {ep, r.entry_point}},
            {"provider", {resolver.provider, r.provider}},
            {"delayBeforeChecks", {resolver.delay, r.delay}},
            {"resolvers", {list(resolver.resolvers), list(r.resolvers)}},
            {"dnsZones", {list(resolver.dns_zones), list(r.dns_zones)}}};
        for (const auto& [field, values] : fields) {
          if (values.first != values.second) {
            p.out.push_back(
                {"~ certificateResolver " + name + ": " + field + " " + values.first + " → " + values.second, false});
          }
        }
      });
}

} // namespace

// A rule as its parse tree, so that spacing, quotes and parentheses that
// change nothing do not count: Host(`a`)&&Path(`/`) == Host("a") && Path(`/`).
std::string canonical_rule(const std::string& text)
{
  rules::Rule rule = rules::parse_rule(text);
  if (!rule.parsed()) {
    return text;
  }
  std::function<std::string(const rules::Node&)> print = [&](const rules::Node& node) -> std::string {
    switch (node.kind) {
    case rules::Node::Kind::matcher: {
      const rules::Matcher& m = rule.matchers[node.first];
      std::vector<std::string> args;
      for (const auto& a : m.arguments) {
        args.push_back("`" + a.value + "`");
      }
      return std::string(m.name) + "(" + util::join(args, ", ") + ")";
    }
    case rules::Node::Kind::all:
      return "(" + print(rule.nodes[node.first]) + " && " + print(rule.nodes[node.second]) + ")";
    case rules::Node::Kind::any:
      return "(" + print(rule.nodes[node.first]) + " || " + print(rule.nodes[node.second]) + ")";
    case rules::Node::Kind::negation:
      return "!" + print(rule.nodes[node.first]);
    }
    return {};
  };
  return print(rule.root());
}

std::vector<Difference> compare(const TraefikConfig& in, const TraefikConfig& out, const Plan& plan,
                                const Naming& naming)
{
  std::vector<Difference> differences;
  Printer printer{differences, "@" + naming.provider};
  compare_routers(in, out, plan, naming, printer);
  compare_services(in, out, plan, printer);
  compare_middlewares(in, out, plan, naming, printer);
  compare_resolvers(in, out, naming, printer);
  return differences;
}

} // namespace edgegen::import

namespace edgegen::import {

std::string write_value(const util::Value& value)
{
  switch (value.kind()) {
  case util::Value::Kind::null:
    return "null";
  case util::Value::Kind::boolean:
    return value.as_bool() ? "true" : "false";
  case util::Value::Kind::integer:
    return std::to_string(value.as_int());
  case util::Value::Kind::floating: {
    std::string text = std::to_string(value.as_double());
    while (text.size() > 1 && text.back() == '0' && text[text.size() - 2] != '.') {
      text.pop_back();
    }
    return text;
  }
  case util::Value::Kind::string:
    return value.as_string().empty() ? "\"\"" : value.as_string();
  case util::Value::Kind::list: {
    std::vector<std::string> items;
    for (const auto& item : value.as_list()) {
      items.push_back(write_value(item));
    }
    return "[" + util::join(items, ", ") + "]";
  }
  case util::Value::Kind::map: {
    std::vector<std::string> items;
    for (const auto& [key, item] : value.as_map()) {
      items.push_back(key + ": " + write_value(item));
    }
    return "{" + util::join(items, ", ") + "}";
  }
  }
  return {};
}

} // namespace edgegen::import
