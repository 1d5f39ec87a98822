// Objects that exist in some environments only: `environments: [prod]` on
// an Issuer, a Middleware or a Project document (in its spec), on a route
// and on a project's middleware. Read before variables are substituted, so
// what an environment leaves out needs no variables there.
#include "model/internal.hpp"

#include "util/strings.hpp"

#include <algorithm>

namespace edgegen::model::detail {

bool selected(const Node& map, const std::string& environment)
{
  const Node* list = map.find("environments");
  if (!list || !list->is_list()) {
    return true;
  }
  return std::any_of(list->items.begin(), list->items.end(),
                     [&](const Node& item) { return scalar_string(item) == environment; });
}

const Node& selected_spec(const Node& spec, const std::string& environment, Node& storage,
                          std::map<std::string, Location>& absent)
{
  const Node* routes = spec.find("routes");
  const Node* middlewares = spec.find("middlewares");
  auto left_out = [&](const Node& item) { return item.is_map() && !selected(item, environment); };
  bool some_route = routes && routes->is_list() && std::any_of(routes->items.begin(), routes->items.end(), left_out);
  bool some_middleware = middlewares && middlewares->is_map() &&
                         std::any_of(middlewares->items.begin(), middlewares->items.end(), left_out);
  if (!some_route && !some_middleware) {
    return spec;
  }
  storage = spec;
  for (size_t i = 0; i < storage.keys.size(); ++i) {
    Node& value = storage.items[i];
    if (storage.keys[i] == "routes" && value.is_list()) {
      value.items.erase(std::remove_if(value.items.begin(), value.items.end(), left_out), value.items.end());
    } else if (storage.keys[i] == "middlewares" && value.is_map()) {
      Node kept = value;
      kept.items.clear();
      kept.keys.clear();
      for (size_t j = 0; j < value.keys.size(); ++j) {
        if (left_out(value.items[j])) {
          absent[value.keys[j]] = value.items[j].find("environments")->location();
        } else {
          kept.keys.push_back(value.keys[j]);
          kept.items.push_back(value.items[j]);
        }
      }
      value = std::move(kept);
    }
  }
  return storage;
}

namespace {

void check_names(const Node* list, const std::vector<std::string>& known, diag::Diagnostics& diagnostics)
{
  if (!list || !list->is_list()) {
    return;
  }
  for (const auto& item : list->items) {
    std::string name = scalar_string(item);
    if (std::find(known.begin(), known.end(), name) != known.end()) {
      continue;
    }
    std::string close = util::closest_match(name, known);
    diagnostics.error("E0416", item.location(), "unknown environment \"" + name + "\"",
                      (close.empty() ? std::string() : "did you mean \"" + close + "\"? ") +
                          "environments: " + util::join(known, ", "));
  }
}

} // namespace

void check_environment_selectors(const load::Document& document, const std::vector<std::string>& known,
                                 diag::Diagnostics& diagnostics)
{
  const Node* spec = document.root.find("spec");
  if (!spec || !spec->is_map()) {
    return;
  }
  check_names(spec->find("environments"), known, diagnostics);
  for (const char* key : {"routes", "cases", "middlewares"}) {
    if (const Node* items = spec->find(key); items && (items->is_list() || items->is_map())) {
      for (const auto& item : items->items) {
        if (item.is_map()) {
          check_names(item.find("environments"), known, diagnostics);
        }
      }
    }
  }
}

} // namespace edgegen::model::detail
