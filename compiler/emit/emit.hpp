#pragma once

#include "emit/output.hpp"
#include "model/model.hpp"

#include <string>
#include <vector>

namespace edgegen::emit {

// A target: a name users put in Edge.spec.targets and the function that
// renders one environment for it. New targets add one line to targets().
struct Target
{
  const char* name;
  std::vector<OutputFile> (*render)(const model::Config& config);
  // Targets rendered with this one even when the Edge does not name them
  // (compose mounts the traefik target's static and dynamic files).
  std::vector<std::string> needs = {};
};

const std::vector<Target>& targets();

// Stage entry: the files of every target the Edge asks for, for each
// environment in `environments` (all when empty), sorted by path.
std::vector<OutputFile> emit(const model::Model& model, const std::vector<std::string>& environments);

} // namespace edgegen::emit
