// RouteTest documents into the cases each environment runs: a case runs
// where both its own `environments` and its document's allow it (default:
// everywhere), with that environment's variables substituted.
#include "model/internal.hpp"

#include <algorithm>

namespace edgegen::model::detail {

namespace {

RouteTestCase::Expected expected(const Node& value)
{
  return {scalar_string(value), value.location()};
}

RouteTestCase convert_case(const std::string& test, size_t index, const Node& spec)
{
  RouteTestCase out;
  out.test = test;
  out.index = index;
  out.name = get_string(spec, "name");
  out.location = spec.location();
  if (const Node* request = spec.find("request"); request && request->is_map()) {
    out.url = get_string(*request, "url");
    out.url_location = location_of(*request, "url");
    out.method = get_string(*request, "method", "GET");
    if (const Node* headers = request->find("headers"); headers && headers->is_map()) {
      for (size_t i = 0; i < headers->keys.size(); ++i) {
        out.headers.push_back(headers->keys[i] + ": " + scalar_string(headers->items[i]));
      }
    }
    out.client_ip = get_string(*request, "clientIP");
    out.client_ip_location = location_of(*request, "clientIP");
    out.entry_point = get_string(*request, "entryPoint");
    out.entry_point_location = location_of(*request, "entryPoint");
  }
  const Node* expect = spec.find("expect");
  if (!expect || !expect->is_map()) {
    return out;
  }
  if (const Node* route = expect->find("route")) {
    out.route = expected(*route);
  }
  if (const Node* service = expect->find("service")) {
    out.service = expected(*service);
  }
  if (const Node* middlewares = expect->find("middlewares"); middlewares && middlewares->is_list()) {
    out.middlewares.emplace();
    out.middlewares_location = middlewares->location();
    for (const auto& item : middlewares->items) {
      out.middlewares->push_back(expected(item));
    }
  }
  if (const Node* status = expect->find("status"); status && status->kind == Node::Kind::integer) {
    out.status = status->integer;
    out.status_location = status->location();
  }
  if (const Node* redirect = expect->find("redirect")) {
    out.redirect = expected(*redirect);
  }
  return out;
}

} // namespace

Node route_tests_of(const Node& spec, const std::string& environment)
{
  Node out = spec;
  for (size_t i = 0; i < out.keys.size(); ++i) {
    if (out.keys[i] == "cases" && out.items[i].is_list()) {
      for (Node& item : out.items[i].items) {
        if (item.is_map() && !selected(item, environment)) {
          item = Node{};
        }
      }
    }
  }
  return out;
}

std::vector<RouteTestCase> convert_route_tests(const load::Document& document, const Node& spec)
{
  std::vector<RouteTestCase> out;
  const Node* cases = spec.find("cases");
  if (!cases || !cases->is_list()) {
    return out;
  }
  for (size_t i = 0; i < cases->items.size(); ++i) {
    const Node& item = cases->items[i];
    if (item.is_map()) {
      out.push_back(convert_case(document.name, i, item));
    }
  }
  return out;
}

} // namespace edgegen::model::detail
