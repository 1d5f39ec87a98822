#pragma once

// `edgegen import`: an existing Traefik configuration read back into a
// desired-state tree, and the proof that the tree renders the same
// configuration.
#include "diag/diagnostics.hpp"
#include "import/desired.hpp"
#include "import/group.hpp"
#include "import/proof.hpp"
#include "import/traefik_config.hpp"
#include "source/source.hpp"

#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace edgegen::import {

// One input file: how diagnostics name it, and its bytes.
struct Input
{
  std::string name;
  std::string bytes;
};

struct Imported
{
  std::vector<std::unique_ptr<std::vector<load::Node>>> documents; // what the config's nodes point into
  std::deque<load::Node> label_trees; // compose labels, Redis dumps, as dynamic configuration (stable addresses)
  TraefikConfig config;               // the input, its secrets replaced by references: what the render must give back
  Plan plan;
  Naming naming;
  Listing listing;
  std::vector<source::SourceFile> files; // the desired-state tree
  source::SourceTree inputs;             // for the source lines under diagnostics
};

// `traefik`: `inputs` is the static file, then the dynamic files.
Imported import_traefik(const std::vector<Input>& inputs, diag::Diagnostics& diagnostics);

// `compose`: compose files whose services carry Traefik labels
// (compose_labels.cpp).
Imported import_compose(const std::vector<Input>& inputs, diag::Diagnostics& diagnostics);

// The labels of every compose service with traefik.enable=true, as the
// dynamic configuration they stand for (compose_labels.cpp); a file
// without services is E0427.
void read_compose(const load::Node& root, TraefikConfig& config, std::deque<load::Node>& trees,
                  diag::Diagnostics& diagnostics);

// `redis`: dumps of Traefik's KV keys (redis_dump.cpp), with Traefik's own
// static and dynamic files along (told apart by name and contents).
Imported import_redis(const std::vector<Input>& inputs, diag::Diagnostics& diagnostics);

// The keys of one dump (`documents`: kv.json as read, unused for the text
// of key and value lines) as the dynamic configuration they stand for. The
// first key sets `root_key` when it is empty; a line that is not a Traefik
// key under it is E0432.
void read_redis_dump(const Input& input, const std::vector<load::Node>& documents, TraefikConfig& config,
                     std::deque<load::Node>& trees, std::string& root_key, diag::Diagnostics& diagnostics);

// `kubernetes`: manifests (multi-document YAML) of Traefik's CRDs,
// Ingresses, Services and cert-manager's objects (kubernetes.hpp).
Imported import_kubernetes(const std::vector<Input>& inputs, diag::Diagnostics& diagnostics);

struct Proof
{
  diag::Diagnostics diagnostics; // of compiling the imported tree
  source::SourceTree tree;       // the imported tree, as compiled
  std::vector<Difference> differences;
};

// Compiles the imported tree (the whole pipeline, in memory), renders it
// and compares the render with the input. With errors in `diagnostics`,
// there is nothing to compare.
Proof prove(const Imported& imported);

} // namespace edgegen::import
