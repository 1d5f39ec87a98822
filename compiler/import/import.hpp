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
  std::deque<load::Node> label_trees; // compose labels as dynamic configuration (stable addresses)
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
