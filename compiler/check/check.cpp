#include "check/check.hpp"
#include "check/requests.hpp"

#include "diag/parallel.hpp"

#include <functional>

namespace edgegen::check {

void check(const model::Model& model, diag::Diagnostics& diagnostics)
{
  // The rules only read the model, so they run side by side, each into its
  // own sink; merged in task order, and sorted when reported anyway.
  std::vector<std::function<void(diag::Diagnostics&)>> tasks = {
      [&](diag::Diagnostics& found) { check_duplicates(model, found); },
      [&](diag::Diagnostics& found) { check_ignore_annotations(model, found); },
      [&](diag::Diagnostics& found) { check_unused(model, found); },
      [&](diag::Diagnostics& found) { check_route_tests(model, found); },
      [&](diag::Diagnostics& found) { check_cluster_objects(model, found); },
      [&](diag::Diagnostics& found) { check_traefik_agreement(model, found); },
  };
  // Per environment: variables can make two routes equal in one environment
  // only. Identical findings in several environments are reported once
  // (Diagnostics::sorted removes exact duplicates).
  using Rule = void (*)(const model::Config&, diag::Diagnostics&);
  static constexpr Rule k_rules[] = {
      check_references,
      check_output_names,
      check_route_claims,
      check_rule_syntax,
      check_hosts,
      check_host_owners,
      check_shadowing,
      check_tls,
      check_values,
      check_chains,
      check_targets,
      check_kubernetes,
      check_requested_certificates,
      check_redis_kv,
      check_priority_ties,
      check_backend_tls,
      check_health_checks,
      check_traefik_settings,
  };
  // The rules that route every host share a routing table of the whole
  // environment (~12 MB at 10,000 projects): one task per environment runs
  // them. They are the largest tasks, so they go first, and the other rules
  // fill the other worker meanwhile.
  for (const auto& config : model.environments) {
    tasks.push_back([&config](diag::Diagnostics& found) {
      detail::Routing routing(config);
      check_served_hosts(config, routing, found);
      check_acme_challenges(config, routing, found);
    });
  }
  for (const auto& config : model.environments) {
    for (Rule rule : k_rules) {
      tasks.push_back([&config, rule](diag::Diagnostics& found) { rule(config, found); });
    }
  }
  diag::Diagnostics found;
  diag::parallel_for(
      tasks.size(), found, [&](size_t i, diag::Diagnostics& sink) { tasks[i](sink); }, 1);
  apply_ignore(model, std::move(found), diagnostics);
}

} // namespace edgegen::check
