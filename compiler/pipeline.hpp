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
  size_t document_count = 0;
};

// The compiler up to its output: source -> load -> validate -> model ->
// check. validate, render, render --check, diff and plan share it; what
// becomes of the model is render()'s (render.hpp) or emit_files'. It reads
// the input's bytes into pages of their own (source::pack) and, once the
// model is built, before the checks, gives them back (release_input): the
// checks and the emit stage read the model alone, and a report reads again
// the files it shows lines of (SourceTree::reread).
Compilation compile(const source::Source& source);

// Lets go of what only the checks read, before the emit stage: the
// warnings, once they are reported. For a command that emits after
// compile(). (The model holds no parsed rule: the checks parse each
// environment's rules for themselves, model::RouteRules.)
void release_checked(Compilation& c);

// Lets go of the bytes of the input's files (9.6 MB at 10,000 projects; the
// pages of a packed tree go back to the system at once), each file's Git
// blob id computed first (what edgegen.lock.json records,
// and what names the bytes a report reads again). The files' names stay,
// since locations point at them. compile() calls it.
void release_input(source::SourceTree& tree);

// The emit stage of a compilation, whole and in memory: the files of
// `environments` (every one when empty), or none if it has errors.
std::vector<emit::OutputFile> emit_files(const Compilation& c, const std::vector<std::string>& environments = {});

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
