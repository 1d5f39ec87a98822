// One owner for the chain after compile(): which environments, emit each
// file, serialise it, and hand it to the tree writer, the drift check or a
// map in memory.
#include "render.hpp"

#include "emit/emit.hpp"
#include "util/errors.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>

namespace edgegen {

namespace {

write::Disk& disk_of(const RenderRequest& request)
{
  return request.disk ? *request.disk : write::real_disk();
}

void check_environments(const Compilation& c, const std::vector<std::string>& wanted)
{
  std::vector<std::string> known;
  for (const auto& config : c.model.environments) {
    known.push_back(config.environment.name);
  }
  for (const auto& name : wanted) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      throw util::EnvironmentError("unknown environment \"" + name + "\" (environments: " + util::join(known, ", ") +
                                   ")");
    }
  }
}

// Every file of the render, one at a time: emitted, serialised, handed to
// `sink`, and let go; then edgegen.lock.json and edgegen.sum. `sink` is
// called from several threads (see emit::emit_each). With some
// environments only, the others' files in `out` (paths "<env>/...") are
// carried over as they are.
void render_each(const Compilation& c, const RenderRequest& request, const serialise::Provenance& provenance,
                 const std::function<void(serialise::RenderedFile)>& sink)
{
  serialise::Renderer renderer;
  emit_each(c, request.environments, [&](emit::OutputFile&& file) { sink(renderer.render(file)); });
  if (!request.environments.empty() && request.mode != RenderRequest::Mode::memory) {
    std::vector<std::string> others;
    for (const auto& config : c.model.environments) {
      const std::string& name = config.environment.name;
      if (std::find(request.environments.begin(), request.environments.end(), name) == request.environments.end()) {
        others.push_back(name + "/");
      }
    }
    for (auto& file : write::carry_over(disk_of(request), request.out, [&](const std::string& path) {
           return std::any_of(others.begin(), others.end(),
                              [&](const std::string& prefix) { return util::starts_with(path, prefix); });
         })) {
      sink(renderer.render(file));
    }
  }
  renderer.finish(provenance, sink);
}

// Every file of the render, in the order the threads finished them.
std::vector<serialise::RenderedFile> collect(const Compilation& c, const RenderRequest& request,
                                             const serialise::Provenance& provenance)
{
  std::vector<serialise::RenderedFile> files;
  std::mutex mutex;
  render_each(c, request, provenance, [&](serialise::RenderedFile file) {
    std::lock_guard<std::mutex> lock(mutex);
    files.push_back(std::move(file));
  });
  return files;
}

RenderResult check(const Compilation& c, const RenderRequest& request, serialise::Provenance provenance)
{
  // Shared: checks run side by side, but never while a render rewrites the tree.
  std::unique_ptr<write::DiskLock> output_lock = disk_of(request).lock(request.out, false, request.lock_timeout);
  if (auto present = write::read_lock_source(disk_of(request), request.out)) {
    provenance.origin = present->origin;
    provenance.commit_id = present->commit_id;
    provenance.tree_id = present->tree_id;
  }
  std::vector<serialise::RenderedFile> files = collect(c, request, provenance);
  RenderResult result;
  result.drift = write::compare_tree(disk_of(request), request.out, files, emit::loaded_directories(c.model));
  result.file_count = files.size();
  return result;
}

RenderResult write_tree(const Compilation& c, const RenderRequest& request, const serialise::Provenance& provenance)
{
  RenderResult result;
  write::TreeWriter writer(disk_of(request), request.out, request.lock_timeout);
  result.written = writer.write([&](const write::FileSink& sink) { render_each(c, request, provenance, sink); });
  // Files edgegen did not write stay, and are named where the edge loads them.
  const write::PathSet& ours = *result.written.rendered;
  result.foreign = write::foreign_files(
      disk_of(request), request.out, [&](std::string_view path) { return ours.count(path) > 0; },
      emit::loaded_directories(c.model));
  return result;
}

RenderResult in_memory(const Compilation& c, const RenderRequest& request)
{
  RenderResult result;
  for (auto& file : collect(c, request, serialise::Provenance{})) {
    if (file.path != "edgegen.lock.json" && file.path != "edgegen.sum") {
      result.files.emplace(std::move(file.path), std::move(file.bytes));
    }
  }
  result.file_count = result.files.size();
  return result;
}

} // namespace

// A file of RouteTest documents only is left out: tests never change what
// is rendered, so editing one must not make the tree stale.
serialise::Provenance provenance_of(const Compilation& c)
{
  const source::SourceTree& tree = c.tree;
  std::map<std::string, bool> tests_only; // display name -> every document is a RouteTest
  for (const auto& declaration : c.model.declarations) {
    auto [it, added] = tests_only.emplace(declaration.location.file.str(), true);
    it->second = it->second && declaration.kind == "RouteTest";
  }
  serialise::Provenance provenance;
  provenance.origin = tree.origin;
  provenance.commit_id = tree.commit_id;
  provenance.tree_id = tree.tree_id;
  for (const auto& file : tree.files) {
    auto it = tests_only.find(file.display_name());
    if (it == tests_only.end() || !it->second) {
      provenance.inputs.push_back(
          {file.path, file.blob_id.empty() ? serialise::git_blob_id(file.text()) : file.blob_id});
    }
  }
  return provenance;
}

RenderResult render(const Compilation& c, const RenderRequest& request)
{
  check_environments(c, request.environments);
  switch (request.mode) {
  case RenderRequest::Mode::check:
    return check(c, request, provenance_of(c));
  case RenderRequest::Mode::memory:
    return in_memory(c, request);
  case RenderRequest::Mode::write:
    break;
  }
  return write_tree(c, request, provenance_of(c));
}

} // namespace edgegen
