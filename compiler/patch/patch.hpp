#pragma once

#include "diag/diagnostics.hpp"
#include "load/node.hpp"

#include <string>
#include <vector>

namespace edgegen::patch {

// One object as one environment sees it: a copy of its document whose spec
// has the environment's patches merged in. Values from a patch keep the
// patch's location, the others their own file's.
struct Patched
{
  std::string environment;
  size_t base = 0;         // index of the document as written
  load::Document document; // the copy
};

// The kinds a patch may target: Edge, Issuer, Middleware, Project.
bool patchable(load::Kind kind);

// RFC 7386 JSON merge patch of `target` by `patch`: maps merge key by key,
// null removes a key, anything else replaces. A key added by the patch is
// appended after the target's own.
void merge_patch(load::Node& target, const load::Node& patch);

// Stage entry: Environment.spec.patches, applied. Returns a copy of each
// patched object per environment that patches it, ordered by environment
// name, then by document; objects no patch targets are not copied. Reports
// patches of kinds that cannot be patched (E0311), that change where an
// object exists (E0312), of objects that do not exist (E0418) or that
// `spec.environments` (as written) leaves out of the environment (E0419).
// Reads the Environments defensively: the schema reports a malformed patch.
std::vector<Patched> apply(const std::vector<load::Document>& documents, diag::Diagnostics& diagnostics);

} // namespace edgegen::patch
