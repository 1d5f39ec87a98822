// Middlewares whose options change, option by option, with the routes that
// use them: a middleware shared by twenty routes changes all twenty, which
// the routes' own lines do not show.
#include "diag/redact.hpp"
#include "review/plan_parts.hpp"
#include "util/empty.hpp"
#include "util/value.hpp"

#include <algorithm>
#include <iomanip>
#include <locale>
#include <map>
#include <sstream>

namespace edgegen::review::detail {

namespace {

std::string option_text(const util::Value& value)
{
  switch (value.kind()) {
  case util::Value::Kind::null:
    return "null";
  case util::Value::Kind::boolean:
    return value.as_bool() ? "true" : "false";
  case util::Value::Kind::integer:
    return std::to_string(value.as_int());
  case util::Value::Kind::floating: {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out << std::setprecision(15) << value.as_double();
    return out.str();
  }
  case util::Value::Kind::string:
    return value.as_string();
  case util::Value::Kind::list: {
    std::vector<std::string> items;
    for (const auto& item : value.as_list()) {
      items.push_back(option_text(item));
    }
    return "[" + join(items) + "]";
  }
  case util::Value::Kind::map: {
    std::vector<std::string> items;
    for (const auto& [key, item] : value.as_map()) {
      items.push_back(key + ": " + option_text(item));
    }
    return "{" + join(items) + "}";
  }
  }
  return {};
}

// Every option by its dotted path ("rateLimit.average"); a list is one
// option. Secrets, by their key or their look, are <redacted>.
struct Option
{
  std::string value; // as written, to compare
  std::string shown; // what the plan prints
  bool operator==(const Option& other) const { return value == other.value; }
};

void flatten(const util::Value& value, const std::string& path, bool secret, std::map<std::string, Option>& out)
{
  if (value.is_map() && !value.as_map().empty()) {
    for (const auto& [key, item] : value.as_map()) {
      flatten(item, path.empty() ? key : path + "." + key, secret || diag::secret_key(key), out);
    }
    return;
  }
  std::string text = option_text(value);
  secret = secret || diag::secret_value(text);
  for (const auto& item : value.is_list() ? value.as_list() : util::empty<util::Value::List>()) {
    secret = secret || diag::secret_value(option_text(item)); // users: ["name:$apr1$…"]
  }
  std::string shown = secret ? diag::k_redacted : text;
  out[path] = Option{std::move(text), std::move(shown)};
}

struct MiddlewareView
{
  std::string name; // shared: its name; a project's: project/name
  std::string type;
  std::string output_name;
  std::map<std::string, Option> options;
};

std::map<std::string, MiddlewareView> views(const model::Config* config)
{
  std::map<std::string, MiddlewareView> out;
  if (!config) {
    return out;
  }
  auto add = [&](const model::Middleware& middleware) {
    MiddlewareView view;
    view.name = middleware.project.empty() ? middleware.name.str() : middleware.project + "/" + middleware.name;
    view.type = middleware.type;
    view.output_name = middleware.output_name;
    flatten(middleware.config, "", false, view.options);
    out.emplace(view.name, std::move(view));
  };
  for (const auto& middleware : config->middlewares) {
    add(middleware);
  }
  for (const auto& project : config->projects) {
    for (const auto& middleware : project.middlewares) {
      add(middleware);
    }
  }
  return out;
}

// The routes (and the dashboard) that use the middleware `output_name`.
std::vector<std::string> users(const model::Config* config, const std::string& output_name, EnvironmentPlan& out,
                               bool highlight)
{
  std::vector<std::string> names;
  auto uses = [&](const util::CompactVector<model::Ref>& refs) {
    return std::any_of(refs.begin(), refs.end(), [&](const model::Ref& ref) { return ref.resolved == output_name; });
  };
  for (const auto& project : config->projects) {
    for (const auto& route : project.routes) {
      if (uses(route.middlewares())) {
        names.push_back(route_key(project, route));
        if (highlight) {
          out.changed_routers.insert(route.output_name());
        }
      }
    }
  }
  if (config->edge.dashboard.enabled && uses(config->edge.dashboard.middlewares)) {
    names.push_back("the dashboard");
  }
  return names;
}

std::string used_by(const std::vector<std::string>& names)
{
  return names.empty() ? ", used by no route" : ", used by " + join(names);
}

} // namespace

void plan_middlewares(const model::Config* base, const model::Config* head, EnvironmentPlan& out)
{
  std::map<std::string, MiddlewareView> before = views(base);
  std::map<std::string, MiddlewareView> after = views(head);
  for (const auto& [name, view] : after) {
    auto found = before.find(name);
    if (found == before.end()) {
      out.middlewares.push_back(
          {'+', name + " (" + view.type + ")" + used_by(users(head, view.output_name, out, false)), {}});
      continue;
    }
    std::vector<std::string> details;
    const auto& old_options = found->second.options;
    for (const auto& [path, option] : old_options) {
      auto now = view.options.find(path);
      if (now == view.options.end()) {
        details.push_back("- " + path + " " + option.shown);
      } else if (!(now->second == option)) {
        details.push_back("~ " + path + " " + option.shown + " → " + now->second.shown);
      }
    }
    for (const auto& [path, option] : view.options) {
      if (!old_options.count(path)) {
        details.push_back("+ " + path + " " + option.shown);
      }
    }
    std::sort(details.begin(), details.end(),
              [](const std::string& a, const std::string& b) { return a.substr(2) < b.substr(2); });
    if (!details.empty()) {
      out.middlewares.push_back(
          {'~', name + " (" + view.type + ")" + used_by(users(head, view.output_name, out, true)), details});
    }
  }
  for (const auto& [name, view] : before) {
    if (!after.count(name)) {
      out.middlewares.push_back(
          {'-', name + " (" + view.type + ")" + used_by(users(base, view.output_name, out, false)), {}});
    }
  }
  std::stable_sort(out.middlewares.begin(), out.middlewares.end(),
                   [](const PlanItem& a, const PlanItem& b) { return a.text < b.text; });
}

} // namespace edgegen::review::detail
