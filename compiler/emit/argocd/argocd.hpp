#pragma once

#include "emit/output.hpp"
#include "model/model.hpp"

namespace edgegen::emit::argocd {

// Target "argocd": argocd/<env>.yaml, one Application that syncs every layer
// of <env>/kubernetes/ (one source each, so each builds alone), automated
// with prune and self-heal. A sync wave per layer, set through the
// source's commonAnnotations, gives the order Flux's dependsOn gives:
// issuers, certificates, routes.
std::vector<OutputFile> render(const model::Config& config);

} // namespace edgegen::emit::argocd
