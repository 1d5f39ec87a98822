#pragma once

#include "emit/output.hpp"
#include "model/model.hpp"

namespace edgegen::emit::argocd {

// Target "argocd": argocd/<env>.yaml, one Application that syncs every layer
// of <env>/kubernetes/ (one source each, so each builds alone), automated
// with prune and self-heal. A sync wave per layer, set through the
// source's commonAnnotations, gives the order Flux's dependsOn gives:
// issuers, certificates, routes.
// Its project is argocd.project; targetRevision the Environment's git.revision,
// else Edge.spec.git.branch.
std::vector<OutputFile> render(const model::Config& config);

// argocd/cluster.yaml: the Application `<edge>-cluster` of the cluster
// directory (kubernetes::render_cluster), at the Edge's branch, sync wave -1
// so that an app of apps syncs it before the environments; nothing when no
// environment of `configs` has a cluster-scoped object.
std::vector<OutputFile> render_cluster(const std::vector<const model::Config*>& configs);

} // namespace edgegen::emit::argocd
