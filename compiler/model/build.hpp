#pragma once

#include "diag/diagnostics.hpp"
#include "load/node.hpp"
#include "model/model.hpp"
#include "patch/patch.hpp"

#include <vector>

namespace edgegen::model {

// Projects per source: bounds the memory and time one input can cause (E0307).
constexpr size_t k_max_projects = 100000;

// Stage entry: the typed model, one Config per environment, with defaults
// applied, presets merged, ${vars} substituted and references resolved
// (unresolved ones are left for check/ to report). Documents that failed
// validation (`valid[i]` false) are skipped, but their names still count as
// declared, so a typo in one object does not cascade into "unknown" errors
// everywhere it is used. Takes the documents, and frees each Project's tree
// as soon as every environment has converted it: for a large edge the trees
// are as big as the model, and need not sit beside all of it. `patched` holds
// the valid copies of the objects some environment patches (patch/): that
// environment reads its copy instead of the document as written.
Model build(std::vector<load::Document> documents, const std::vector<bool>& valid, diag::Diagnostics& diagnostics,
            std::vector<patch::Patched> patched = {});

} // namespace edgegen::model
