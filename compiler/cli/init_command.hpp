#pragma once

#include "cli/starter.hpp"

#include <ostream>
#include <string>

namespace edgegen::cli {

struct InitOptions
{
  std::string directory = "."; // the repository's root
  std::string shape;           // --target
  std::string environment = "prod";
};

// `edgegen init`: writes the starter desired state for one deployment shape
// (edge/, .pre-commit-config.yaml, .github/workflows/edge.yml; see
// starter.hpp) below the directory, keeping every file that exists. Names
// each file written on `out` and each kept on `err`. The starter is compiled
// in memory first, so it is never written unless it validates and renders
// without a diagnostic. Returns the exit code; environment errors throw
// util::EnvironmentError.
int init_command(const InitOptions& options, std::ostream& out, std::ostream& err);

// The end of `edgegen init --help`: the shapes and what init writes.
std::string init_footer();

} // namespace edgegen::cli
