#include "check/check.hpp"

namespace edgegen::check {

void check(const model::Model& model, diag::Diagnostics& diagnostics)
{
  check_duplicates(model, diagnostics);
  // Per environment: variables can make two routes equal in one environment
  // only. Identical findings in several environments are reported once
  // (Diagnostics::sorted removes exact duplicates).
  for (const auto& config : model.environments) {
    check_references(config, diagnostics);
    check_output_names(config, diagnostics);
    check_route_claims(config, diagnostics);
    check_kubernetes(config, diagnostics);
  }
}

} // namespace edgegen::check
