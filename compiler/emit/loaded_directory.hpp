#pragma once

#include <string>
#include <string_view>

namespace edgegen::emit {

// A directory of the rendered tree that its consumer reads whole: every file
// in it that the consumer reads reaches the edge, whether edgegen wrote it or
// not, so a file put there by hand changes the edge behind the desired
// state's back. `render --check` reports such files; a directory whose
// consumer reads only the files an index names (a kustomization.yaml, a
// Corefile) is not one of these.
struct LoadedDirectory
{
  std::string path;                               // relative to --out: "prod/traefik/dynamic"
  std::string consumer;                           // "Traefik's file provider"
  std::string files;                              // which files it reads: "every .yml, .yaml and .toml file"
  bool recursive = false;                         // and those in every directory below
  bool (*reads)(std::string_view name) = nullptr; // whether it reads a file of this name
};

} // namespace edgegen::emit
