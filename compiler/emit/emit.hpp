#pragma once

#include "emit/loaded_directory.hpp"
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
  void (*render)(const model::Config& config, const Sink& sink);
  // Targets rendered with this one even when the Edge does not name them
  // (compose mounts the traefik target's static and dynamic files).
  std::vector<std::string> needs = {};
  // The directories of one environment's files that a consumer reads whole.
  std::vector<LoadedDirectory> (*loaded)(const model::Config& config) = nullptr;
};

const std::vector<Target>& targets();

// Stage entry: hands `sink` the files of every target the Edge asks for,
// for each environment in `environments` (all when empty), one file at a
// time. Several targets render at once: `sink` is called from several
// threads, in no particular order.
void emit_each(const model::Model& model, const std::vector<std::string>& environments, const Sink& sink);

// The directories that consumers read whole, of every environment, sorted
// by path: where a file edgegen did not write would reach the edge.
std::vector<LoadedDirectory> loaded_directories(const model::Model& model);

// The same files, all at once and sorted by path (for diff and tests).
std::vector<OutputFile> emit(const model::Model& model, const std::vector<std::string>& environments);

} // namespace edgegen::emit
