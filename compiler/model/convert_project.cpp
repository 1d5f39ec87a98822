// Project: services, routes and project middlewares -> typed structs.
#include "model/internal.hpp"

#include <algorithm>

namespace edgegen::model::detail {

namespace {

BackendTls convert_backend_tls(const Node& spec)
{
  BackendTls out;
  out.location = spec.location();
  out.server_name = get_string(spec, "serverName");
  out.ca = get_string(spec, "ca");
  out.ca_location = location_of(spec, "ca");
  out.ca_secret = get_string(spec, "caSecret");
  out.insecure_skip_verify = get_bool(spec, "insecureSkipVerify", false);
  out.insecure_location = location_of(spec, "insecureSkipVerify");
  return out;
}

Service convert_service(const std::string& project, const std::string& name, const Node& spec)
{
  Service out;
  out.name = name;
  out.output_name = project + "-" + name;
  out.location = spec.location();
  if (const Node* port = spec.find("port"); port && port->kind == Node::Kind::integer) {
    out.port = port->integer;
  }
  out.host = get_string(spec, "host", out.output_name);
  out.scheme = get_string(spec, "scheme", out.scheme);
  out.urls = get_strings(spec, "urls");
  if (const Node* urls = spec.find("urls"); urls && urls->is_list()) {
    for (const auto& url : urls->items) {
      out.url_locations.push_back(url.location());
    }
  }
  if (const Node* health = spec.find("healthCheck")) {
    out.health_check = to_value(*health);
    out.health_check_location = key_location_of(spec, "healthCheck");
  }
  if (const Node* pass = spec.find("passHostHeader"); pass && pass->kind == Node::Kind::boolean) {
    out.pass_host_header = pass->boolean;
  }
  out.image = get_string(spec, "image");
  if (const Node* tls = spec.find("tls"); tls && tls->is_map()) {
    out.tls = std::make_shared<const BackendTls>(convert_backend_tls(*tls));
  }
  // An IP literal or a dotted name is a machine elsewhere, not a container
  // that the compose network's DNS knows by its service name.
  bool address = out.host.find_first_of(".:") != std::string::npos;
  out.container = !out.image.empty() || (out.urls.empty() && !address);
  return out;
}

// `written` is the route before variables were substituted, in `document`.
Route convert_route(const std::string& project, const Node& spec, const Node* written, const load::Document& document)
{
  Route out;
  RouteCommon& common = out.edit();
  common.location = spec.location();
  common.service = get_ref(spec, "service");
  common.name = get_string(spec, "name", common.service.name);
  common.output_name = project + "-" + common.name;
  out.set_host(get_string(spec, "host"));
  common.host_location = location_of(spec, "host");
  common.path = get_string(spec, "path");
  common.exact_path = !common.path.empty();
  if (!common.exact_path) {
    common.path = get_string(spec, "pathPrefix");
  }
  common.path_location = location_of(spec, spec.find("path") ? "path" : "pathPrefix");
  std::string raw_rule = get_string(spec, "rule");
  common.raw = !raw_rule.empty();
  common.rule_location = location_of(spec, "rule");
  if (const Node* rule = written ? written->find("rule") : nullptr; rule && rule->is_string()) {
    common.rule_written = std::make_shared<const WrittenText>(
        WrittenText{rule->text, rule->style, rule->one_line, written_lines(document.bytes_of(*rule), *rule)});
  }
  common.middlewares = get_refs(spec, "middlewares");
  if (const Node* priority = spec.find("priority"); priority && priority->kind == Node::Kind::integer) {
    common.priority = priority->integer;
  }
  common.entry_points = get_refs(spec, "entryPoints");
  common.tls = get_bool(spec, "tls", true);
  common.issuer = get_ref(spec, "issuer");
  RouteMatch match = route_match(out, raw_rule);
  out.set_match(std::move(match), std::move(raw_rule));
  return out;
}

} // namespace

Project convert_project(const load::Document& document, const Node& spec, const Node& written_spec)
{
  Project out;
  out.name = document.name;
  out.location = document.root.location();
  read_metadata(document, out.labels, out.annotations);
  // Sized exactly: a large edge holds tens of thousands of these, per environment.
  auto by_name = [](const auto& a, const auto& b) { return a.name < b.name; };
  if (const Node* services = spec.find("services"); services && services->is_map()) {
    std::vector<Service> list;
    list.reserve(services->keys.size());
    for (size_t i = 0; i < services->keys.size(); ++i) {
      list.push_back(convert_service(out.name, services->keys[i], services->items[i]));
      list.back().location = services->key_location(i);
    }
    std::sort(list.begin(), list.end(), by_name);
    out.services = std::move(list);
  }
  const Node* written = written_spec.find("routes");
  if (const Node* routes = spec.find("routes"); routes && routes->is_list()) {
    out.routes.reserve(routes->items.size());
    for (size_t i = 0; i < routes->items.size(); ++i) {
      bool same = written && written->is_list() && i < written->items.size();
      out.routes.push_back(convert_route(out.name, routes->items[i], same ? &written->items[i] : nullptr, document));
    }
  }
  if (const Node* middlewares = spec.find("middlewares"); middlewares && middlewares->is_map()) {
    std::vector<Middleware> list;
    list.reserve(middlewares->keys.size());
    for (size_t i = 0; i < middlewares->keys.size(); ++i) {
      Middleware middleware = convert_middleware(middlewares->keys[i], middlewares->items[i]);
      middleware.project = out.name;
      middleware.output_name = out.name + "-" + middleware.name;
      middleware.location = middlewares->key_location(i);
      list.push_back(std::move(middleware));
    }
    std::sort(list.begin(), list.end(), by_name);
    out.middlewares = std::move(list);
  }
  return out;
}

} // namespace edgegen::model::detail
