#pragma once

#include "emit/output.hpp"
#include "model/model.hpp"

namespace edgegen::emit::flux {

// Target "flux": flux/<env>.yaml, what a Flux installation applies to follow
// the environment: a GitRepository for Edge.spec.git and one Kustomization
// per layer of <env>/kubernetes/, each depending on the layer before, so
// that issuers are ready before certificates are requested and
// certificates exist before the routes that use them.
std::vector<OutputFile> render(const model::Config& config);

} // namespace edgegen::emit::flux
