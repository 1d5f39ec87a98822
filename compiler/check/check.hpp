#pragma once

#include "diag/diagnostics.hpp"
#include "model/model.hpp"

namespace edgegen::check {

// Stage entry: every semantic rule over the whole model (all environments).
// Adds diagnostics only; never changes the model.
void check(const model::Model& model, diag::Diagnostics& diagnostics);

// The rules, one file each; check() runs them all.
void check_references(const model::Config& config, diag::Diagnostics& diagnostics);
void check_duplicates(const model::Model& model, diag::Diagnostics& diagnostics);
void check_output_names(const model::Config& config, diag::Diagnostics& diagnostics);
void check_route_claims(const model::Config& config, diag::Diagnostics& diagnostics);
void check_kubernetes(const model::Config& config, diag::Diagnostics& diagnostics);

} // namespace edgegen::check
