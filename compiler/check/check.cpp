#include "check/check.hpp"
#include "check/requests.hpp"

#include "diag/parallel.hpp"

#include <algorithm>
#include <functional>
#include <iterator>
#include <memory>

namespace edgegen::check {

void check(const model::Model& model, diag::Diagnostics& diagnostics)
{
  // The rules only read the model, so they run side by side, each into its
  // own sink; merged in task order, and sorted when reported anyway.
  using Task = std::function<void(diag::Diagnostics&)>;
  std::vector<Task> whole_model = {
      [&](diag::Diagnostics& found) { check_duplicates(model, found); },
      [&](diag::Diagnostics& found) { check_ignore_annotations(model, found); },
      [&](diag::Diagnostics& found) { check_unused(model, found); },
      [&](diag::Diagnostics& found) { check_cluster_objects(model, found); },
      [&](diag::Diagnostics& found) { check_traefik_agreement(model, found); },
  };
  // Per environment: variables can make two routes equal in one environment
  // only. Identical findings in several environments are reported once
  // (Diagnostics::sorted removes exact duplicates).
  using Rule = void (*)(const model::Config&, diag::Diagnostics&);
  static constexpr Rule k_rules[] = {
      check_references,    check_output_names,
      check_route_claims,  check_hosts,
      check_host_owners,   check_values,
      check_chains,        check_targets,
      check_kubernetes,    check_requested_certificates,
      check_redis_kv,      check_backend_tls,
      check_health_checks, check_traefik_settings,
  };
  // The rules that read the matchers of the routes' rules.
  using RuleOfRules = void (*)(const model::Config&, const model::SharedRouteRules&, diag::Diagnostics&);
  static constexpr RuleOfRules k_rules_of_rules[] = {
      check_rule_syntax,
      check_shadowing,
      check_tls,
      check_priority_ties,
  };
  diag::Diagnostics found;
  // A warning its document silences is dropped as it is reported, not held
  // to the end (thousands of them in a large edge that silences one).
  found.silence(ignored_warnings(model));
  // A task is let go as soon as it has run, and with it what it holds (the
  // environment's parsed rules), before the sinks are merged. Each builds
  // tables over the whole environment: no more than two run at once.
  auto run = [&](std::vector<Task> tasks) {
    diag::parallel_for(
        tasks.size(), found,
        [&](size_t i, diag::Diagnostics& sink) {
          Task task = std::move(tasks[i]);
          task(sink);
        },
        1, util::k_most_large_tasks);
  };
  // What the environments checked so far reported, sorted; and all of it,
  // in the order it was found (what `earlier` holds first).
  std::shared_ptr<std::vector<diag::Diagnostic>> earlier;
  auto gather = [&] {
    diag::Diagnostics all;
    found.leave_out(nullptr);
    if (earlier) {
      for (auto& d : *earlier) {
        all.add(std::move(d));
      }
      earlier.reset();
    }
    all.append(std::move(found));
    return all;
  };
  // One environment at a time: its routes' rules are parsed for its rules
  // and let go before the next environment's are (two environments of
  // 10,000 projects held ~17 MB of parsed rules at once). The route tests
  // route every environment's cases at once: with RouteTest cases, every
  // environment's parsed rules are kept for them. They do not run while a
  // project, middleware, environment or the Edge is missing for an error:
  // its routers would change the answers.
  bool route_tests = !model::missing_referrers(model) &&
                     std::any_of(model.environments.begin(), model.environments.end(),
                                 [](const model::Config& config) { return !config.route_tests.empty(); });
  std::vector<model::SharedRouteRules> kept;
  for (const auto& config : model.environments) {
    auto parsed = std::make_shared<const model::RouteRules>(config);
    if (route_tests) {
      kept.push_back(parsed);
    }
    // The rules that route every host share a routing table of the
    // environment and its host index (~8 MB at 10,000 projects): one task
    // runs them. It is the largest task, so it goes first, and the other
    // rules fill the other worker meanwhile; the whole model's rules run
    // with the first environment's.
    std::vector<Task> tasks = {[&config, parsed](diag::Diagnostics& sink) {
      detail::Routing routing(config, parsed);
      check_served_hosts(config, routing, sink);
      check_acme_challenges(config, routing, sink);
    }};
    for (RuleOfRules rule : k_rules_of_rules) {
      tasks.push_back([&config, parsed, rule](diag::Diagnostics& sink) { rule(config, parsed, sink); });
    }
    for (Rule rule : k_rules) {
      tasks.push_back([&config, rule](diag::Diagnostics& sink) { rule(config, sink); });
    }
    tasks.insert(tasks.end(), std::make_move_iterator(whole_model.begin()), std::make_move_iterator(whole_model.end()));
    whole_model.clear();
    parsed.reset();
    run(std::move(tasks));
    // What the next environments find again (a shared service's W0621, say:
    // 7,501 at 10,000 projects) is left out as it is reported, not held
    // twice until sorted() drops it.
    if (&config != &model.environments.back()) {
      earlier = std::make_shared<std::vector<diag::Diagnostic>>(gather().sorted());
      found.leave_out(earlier);
    }
  }
  run(std::move(whole_model)); // an input without environments
  if (route_tests) {
    run({[&](diag::Diagnostics& sink) { check_route_tests(model, kept, sink); }});
  }
  for (auto& d : gather().sorted()) {
    diagnostics.add(std::move(d));
  }
}

} // namespace edgegen::check
