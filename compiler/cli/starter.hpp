#pragma once

// The starter desired state `edgegen init` writes: the templates of
// starter/ (compiled in, as util::embedded_files), put together for one
// deployment shape with a few placeholders filled in. No I/O here.

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace edgegen::cli {

// A deployment shape --target offers: the Edge's targets for one way of
// running Traefik (starter/shapes/<name>.yaml).
struct StarterShape
{
  std::string_view name;        // as typed: "traefik", "traefik-redis", ...
  std::string_view description; // one line, for --help
};

// Every shape, in the order --help lists them.
const std::vector<StarterShape>& starter_shapes();
std::vector<std::string> starter_shape_names();

// `text` with each "%%NAME%%" replaced by values.at(NAME). A placeholder
// without a value, or a "%%" that opens none, is a bug in the templates:
// std::logic_error.
std::string substitute_placeholders(std::string_view text, const std::map<std::string, std::string>& values);

struct StarterFile
{
  std::string path; // relative to the repository's root: "edge/edge.yaml"
  std::string bytes;
};

struct StarterRequest
{
  std::string shape;
  std::string environment = "prod"; // the one Environment's name
  std::string version;              // edgegen's, for the action's ref
  // The path of the JSON Schema of a kind ("edge", "environment", ...) for
  // the files' `# yaml-language-server: $schema=` line; empty: no line.
  std::function<std::string(const std::string& kind)> schema_of;
};

// The files of the starter, sorted by path. An unknown shape is a
// std::logic_error (the command line checks it first).
std::vector<StarterFile> starter_files(const StarterRequest& request);

// Where the JSON Schema of `kind` is for an edgegen run from `executable`:
// installed, <prefix>/share/edgegen/schemas/<kind>.schema.json (or
// <kind>.json) beside <prefix>/bin; else the source tree's schemas/<kind>.json
// when the executable is build/edgegen of a source tree. Absolute and without
// "..", or empty when neither exists.
std::string find_schema(const std::string& executable, const std::string& kind);

} // namespace edgegen::cli
