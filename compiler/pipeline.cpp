#include "pipeline.hpp"

#include "check/check.hpp"
#include "emit/emit.hpp"
#include "load/load.hpp"
#include "model/build.hpp"
#include "patch/patch.hpp"
#include "serialise/serialise.hpp"
#include "util/empty.hpp"
#include "util/glob.hpp"
#include "util/parallel.hpp"
#include "validate/validate.hpp"

#include <malloc.h>

#include <unordered_map>

namespace edgegen {

namespace {

// Edge.spec.exclude needs the Edge, which is itself input: load everything,
// then drop the excluded files' documents and diagnostics.
std::vector<load::Document> apply_exclude(const source::SourceTree& tree, std::vector<load::Document> documents,
                                          diag::Diagnostics& load_diagnostics, diag::Diagnostics& diagnostics)
{
  std::vector<std::string> patterns;
  for (const auto& document : documents) {
    const load::Node* spec = document.kind == load::Kind::edge ? document.root.find("spec") : nullptr;
    const load::Node* exclude = spec ? spec->find("exclude") : nullptr;
    for (const auto& item : exclude && exclude->is_list() ? exclude->items : util::empty<load::Node::List>()) {
      if (item.is_string()) {
        patterns.push_back(item.text);
      }
    }
  }
  auto excluded = [&](const std::string& file) {
    for (const auto& pattern : patterns) {
      if (util::glob_match(pattern, file)) {
        return true;
      }
    }
    return false;
  };
  // A diagnostic names its file as the user reaches it, by its interned
  // name; the patterns match the file's path in the source tree.
  std::unordered_map<const std::string*, const std::string*> path_of;
  if (!patterns.empty()) {
    for (const auto& file : tree.files) {
      path_of.emplace(&diag::FileName(file.display_name()).str(), &file.path);
    }
  }
  for (auto& d : std::move(load_diagnostics).sorted()) {
    const std::string& name = d.location.file.str();
    auto found = path_of.find(&name);
    if (!excluded(found == path_of.end() ? name : *found->second)) {
      diagnostics.add(std::move(d));
    }
  }
  std::vector<load::Document> kept;
  kept.reserve(documents.size()); // held beside `documents` until they are moved: not doubled
  for (auto& document : documents) {
    if (!excluded(*document.path)) {
      kept.push_back(std::move(document));
    }
  }
  return kept;
}

} // namespace

Compilation compile(const source::Source& source)
{
  Compilation c;
  c.tree = source.read(c.diagnostics);
  source::pack(c.tree); // let go of at once, below
  diag::Diagnostics load_diagnostics;
  auto documents = apply_exclude(c.tree, load::load(c.tree, load_diagnostics), load_diagnostics, c.diagnostics);
  c.document_count = documents.size();
  auto patched = patch::apply(documents, c.diagnostics);
  const patch::Provenance provenance(patched);
  auto valid = validate::validate(documents, c.diagnostics);
  validate::validate(patched, valid, c.diagnostics);
  validate::release_schemas();
  c.model = model::build(std::move(documents), valid, c.diagnostics, std::move(patched));
  release_input(c.tree);
  ::malloc_trim(0); // gives back what the loader's threads freed
  check::check(c.model, c.diagnostics);
  provenance.annotate(c.diagnostics);
  return c;
}

void release_checked(Compilation& c)
{
  if (!c.diagnostics.has_errors()) {
    c.diagnostics = diag::Diagnostics(); // reported already: warnings only
  }
}

void release_input(source::SourceTree& tree)
{
  util::parallel_for(tree.files.size(), [&](size_t i) {
    source::SourceFile& file = tree.files[i];
    if (file.blob_id.empty()) {
      file.blob_id = serialise::git_blob_id(file.text());
    }
    std::string().swap(file.bytes);
    file.packed = {};
  });
  tree.block.reset(); // its pages go back to the system at once (source::pack)
  tree.bytes_released = true;
}

std::vector<emit::OutputFile> emit_files(const Compilation& c, const std::vector<std::string>& environments)
{
  if (c.diagnostics.has_errors()) {
    return {};
  }
  return emit::emit(c.model, environments);
}

Patching patch_only(const source::Source& source)
{
  Patching p;
  p.tree = source.read(p.diagnostics);
  diag::Diagnostics load_diagnostics;
  p.documents = apply_exclude(p.tree, load::load(p.tree, load_diagnostics), load_diagnostics, p.diagnostics);
  p.patched = patch::apply(p.documents, p.diagnostics);
  return p;
}

void emit_each(const Compilation& c, const std::vector<std::string>& environments, const emit::Sink& sink)
{
  emit::emit_each(c.model, environments, sink);
}

} // namespace edgegen
