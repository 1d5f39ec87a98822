#pragma once

#include "diag/diagnostics.hpp"
#include "load/node.hpp"

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace edgegen::patch {

// A value a patch wrote over another: where the values before it were
// written, the object's own first, then each earlier patch's.
struct Override
{
  diag::Position value; // where the patch wrote the value now in place
  std::vector<diag::Position> before;
};

// A key a patch removed with `null`.
struct Removal
{
  std::string pointer;  // the key's, in the spec: "/middlewares"
  diag::Position patch; // the null
  std::vector<diag::Position> before;
};

// What the patches of one object did, for `edgegen explain KIND/NAME` and
// for diagnostics at a patched value.
struct Trace
{
  std::vector<Override> overrides; // in the order applied
  std::vector<Removal> removals;

  // The positions of the values before the one written at `value`, or
  // nullptr when it replaced nothing.
  const std::vector<diag::Position>* before(const diag::Position& value) const;
};

// One object as one environment sees it: a copy of its document whose spec
// has the environment's patches merged in. Values from a patch keep the
// patch's location, the others their own file's.
struct Patched
{
  std::string environment;
  size_t base = 0;         // index of the document as written
  load::Document document; // the copy
  Trace trace;
};

// The kinds a patch may target: Edge, Issuer, Middleware, Project.
bool patchable(load::Kind kind);

// RFC 7386 JSON merge patch of `target` by `patch`: maps merge key by key,
// null removes a key, anything else replaces. A key added by the patch is
// appended after the target's own. With `trace`, records each value replaced
// or removed (pointers relative to `target`).
void merge_patch(load::Node& target, const load::Node& patch, Trace* trace = nullptr);

// Stage entry: Environment.spec.patches, applied. Returns a copy of each
// patched object per environment that patches it, ordered by environment
// name, then by document; objects no patch targets are not copied. Reports
// patches of kinds that cannot be patched (E0311), that change where an
// object exists (E0312), of objects that do not exist (E0418) or that
// `spec.environments` (as written) leaves out of the environment (E0419).
// Reads the Environments defensively: the schema reports a malformed patch.
std::vector<Patched> apply(const std::vector<load::Document>& documents, diag::Diagnostics& diagnostics);

// Every position inside the patches that `patched` applied (values and map
// keys), with its environment and the values its nearest replaced ancestor
// (or itself) replaced: what a diagnostic at a patched value adds.
class Provenance
{
public:
  struct Entry
  {
    std::string environment;
    std::vector<diag::Position> before;
  };

  explicit Provenance(const std::vector<Patched>& patched);
  const Entry* find(const diag::Position& position) const;
  // Adds the entry of each diagnostic's position to it.
  void annotate(diag::Diagnostics& diagnostics) const;

private:
  std::map<std::tuple<std::string, int, int>, Entry> m_entries;
};

} // namespace edgegen::patch
