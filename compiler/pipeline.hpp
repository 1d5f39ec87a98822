#pragma once

#include "diag/diagnostics.hpp"
#include "emit/output.hpp"
#include "model/model.hpp"
#include "patch/patch.hpp"
#include "source/source.hpp"

#include <string>
#include <vector>

namespace edgegen {

struct Compilation
{
  source::SourceTree tree; // owns the file names that locations point at
  diag::Diagnostics diagnostics;
  model::Model model;
  std::vector<emit::OutputFile> files; // empty unless emitting and no errors
  size_t document_count = 0;
};

// The whole compiler: source -> load -> validate -> model -> check -> emit.
// Emits only if nothing before reported an error; writing is the caller's
// (cli/) choice, so validate, render, render --check and diff share this.
Compilation compile(const source::Source& source, bool emit_files, const std::vector<std::string>& environments = {});

// The input as each environment patches it, and nothing more: what
// `edgegen explain KIND/NAME` shows. Diagnostics are reading's, loading's and
// patching's only.
struct Patching
{
  source::SourceTree tree;
  diag::Diagnostics diagnostics;
  std::vector<load::Document> documents;
  std::vector<patch::Patched> patched;
};
Patching patch_only(const source::Source& source);

// The emit stage of a compilation without errors, streamed: each file goes
// to `sink` as soon as it is rendered (render writes it and lets it go).
void emit_each(const Compilation& c, const std::vector<std::string>& environments, const emit::Sink& sink);

} // namespace edgegen
