// Every rule edgegen would emit goes through the Traefik v3 rule parser:
// raw `rule:` values, with problems located inside the rule, and generated
// ones, with problems located at the field they came from.
#include "check/check.hpp"
#include "check/internal.hpp"

namespace edgegen::check {

namespace {

void check_raw_rule(const model::Config& config, const model::Route& route, const rules::Rule& rule,
                    diag::Diagnostics& diagnostics)
{
  // A route the model has no written rule for (a patch changed its list):
  // its problems are placed at the start of its rule.
  static const model::WrittenText k_unwritten;
  const model::WrittenText& written = route.rule_written() ? *route.rule_written() : k_unwritten;
  auto at = [&](size_t offset) {
    return detail::locate_in(route.rule_location(), written, config.environment.vars, offset);
  };
  // An argument that still holds an unresolved ${...} is reported where it
  // is written (E0301, E0302, E0425); what the rule makes of it would repeat that.
  auto unresolved = [&](size_t offset) {
    for (const auto& matcher : rule.matchers) {
      for (const auto& argument : matcher.arguments) {
        if (offset >= argument.offset && offset < argument.offset + argument.length) {
          return detail::unresolved_reference(argument.value, config.environment.vars);
        }
      }
    }
    return false;
  };
  for (const auto& problem : rule.problems) {
    if (unresolved(problem.offset)) {
      continue;
    }
    std::string message = problem.code == "E0501" ? "rule syntax: " + problem.message : problem.message;
    diagnostics.error(problem.code, at(problem.offset), message, problem.hint);
  }
}

// Hosts are checked on their own (E0431, with better messages); what is left
// is the path, e.g. a v2 placeholder or a backtick in it.
void check_generated_rule(const model::Route& route, const rules::Rule& rule, diag::Diagnostics& diagnostics)
{
  for (const auto& problem : rule.problems) {
    const rules::Matcher* matcher = nullptr;
    for (const auto& m : rule.matchers) {
      if (m.offset <= problem.offset) {
        matcher = &m;
      }
    }
    bool from_host = matcher && (matcher->name == "Host" || matcher->name == "HostRegexp");
    if (from_host && !detail::host_problem(route.host()).empty()) {
      continue;
    }
    std::string field = route.path().empty() ? "pathPrefix" : "path";
    diagnostics.error(problem.code, from_host ? route.host_location() : route.path_location(),
                      problem.message + " (in the rule edgegen builds from host and " + field + ")", problem.hint);
  }
}

} // namespace

void check_rule_syntax(const model::Config& config, const model::SharedRouteRules& parsed,
                       diag::Diagnostics& diagnostics)
{
  for (const auto& project : config.projects) {
    for (const auto& route : project.routes) {
      if (route.raw()) {
        check_raw_rule(config, route, *parsed->held(project, route), diagnostics);
      } else if (!route.host().empty() && !parsed->ok(project, route)) {
        check_generated_rule(route, model::parse_route_rule(route), diagnostics); // only problems are reported
      }
    }
  }
}

} // namespace edgegen::check
