#include "check/check.hpp"

namespace edgegen::check {

void check(const model::Model& model, diag::Diagnostics& diagnostics)
{
  diag::Diagnostics found;
  check_duplicates(model, found);
  check_ignore_annotations(model, found);
  check_unused(model, found);
  // Per environment: variables can make two routes equal in one environment
  // only. Identical findings in several environments are reported once
  // (Diagnostics::sorted removes exact duplicates).
  for (const auto& config : model.environments) {
    check_references(config, found);
    check_output_names(config, found);
    check_route_claims(config, found);
    check_rule_syntax(config, found);
    check_hosts(config, found);
    check_host_owners(config, found);
    check_shadowing(config, found);
    check_tls(config, found);
    check_values(config, found);
    check_chains(config, found);
    check_targets(config, found);
    check_kubernetes(config, found);
  }
  apply_ignore(model, found, diagnostics);
}

} // namespace edgegen::check
