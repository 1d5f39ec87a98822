#pragma once

#include "emit/output.hpp"
#include "model/model.hpp"

namespace edgegen::emit::flux {

// Target "flux": flux/<env>.yaml, what a Flux installation applies to follow
// the environment: a GitRepository for Edge.spec.git and one Kustomization
// per layer of <env>/kubernetes/, each depending on the layer before, so
// that issuers are ready before certificates are requested and
// certificates exist before the routes that use them.
// With flux.sourceRef the layers apply from that existing source instead,
// and flux.dependsOn names Kustomizations the first layer waits for.
std::vector<OutputFile> render(const model::Config& config);

// flux/cluster.yaml: the Kustomization `<edge>-cluster` of the cluster
// directory (kubernetes::render_cluster), which every environment's first
// layer depends on; nothing when no environment of `configs` has a
// cluster-scoped object. Apply it once per cluster.
std::vector<OutputFile> render_cluster(const std::vector<const model::Config*>& configs);

} // namespace edgegen::emit::flux
