#pragma once

#include "util/value.hpp"

#include <functional>
#include <string>
#include <vector>

namespace edgegen::emit {

// One file of the rendered tree, as a target produces it.
struct OutputFile
{
  enum class Format { yaml, json, text };

  std::string path; // relative to --out, '/'-separated, e.g. "prod/traefik/traefik.yml"
  Format format = Format::yaml;
  std::vector<util::Value> documents; // yaml: one or more documents; json: exactly one
  std::string text;                   // text: the bytes as they are
  // yaml: a note for the reader, written as '#' lines before the first
  // document (one line per '\n'-separated line).
  std::string comment;
  // Write order: files that others reference get a lower rank and are written
  // first, so a watching Traefik never sees a reference to something missing.
  int rank = 0;
};

// Where a target hands each file as soon as it is rendered, so that the
// output of a large edge never sits in memory at once.
using Sink = std::function<void(OutputFile&&)>;

} // namespace edgegen::emit
