#include "write/paths.hpp"
#include "write/write.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace edgegen::write {
namespace {

std::string serialise(const emit::OutputFile& file)
{
  switch (file.format) {
  case emit::OutputFile::Format::yaml: return to_yaml(file.documents);
  case emit::OutputFile::Format::json:
    if (file.documents.size() != 1) {
      throw std::logic_error("JSON output \"" + file.path + "\" needs exactly one document");
    }
    return to_json(file.documents[0]);
  case emit::OutputFile::Format::text: return file.text;
  }
  throw std::logic_error("unknown output format for \"" + file.path + "\"");
}

util::Value lock_value(const Provenance& provenance)
{
  util::Value lock = util::Value::map();
  lock["edgegen"]["version"] = EDGEGEN_VERSION;
  lock["schema"] = "edgegen.dev/v1alpha1";
  util::Value& source = lock["source"] = util::Value::map();
  const std::pair<const char*, const std::string*> fields[] = {
    {"origin", &provenance.origin}, {"commit", &provenance.commit_id}, {"tree", &provenance.tree_id}};
  for (const auto& [key, field] : fields) {
    if (!field->empty()) {
      source[key] = *field;
    }
  }
  // Sorted here too: the lock must not depend on the order the source
  // listed its files in.
  std::vector<Provenance::Input> inputs = provenance.inputs;
  std::sort(inputs.begin(), inputs.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  util::Value& list = lock["inputs"] = util::Value::list();
  for (const Provenance::Input& input : inputs) {
    util::Value entry = util::Value::map();
    entry["path"] = input.path;
    entry["blob"] = input.blob_id;
    list.push_back(std::move(entry));
  }
  return lock;
}

// `sha256sum -c` format, sorted by path in byte order (std::string's <).
std::string sum_text(std::vector<const RenderedFile*> files)
{
  std::sort(files.begin(), files.end(), [](const auto* a, const auto* b) { return a->path < b->path; });
  std::string text;
  for (const RenderedFile* file : files) {
    text += sha256_hex(file->bytes);
    text += "  ";
    text += file->path;
    text += '\n';
  }
  return text;
}

} // namespace

std::vector<RenderedFile> render_files(const std::vector<emit::OutputFile>& files, const Provenance& provenance)
{
  std::vector<std::string> paths;
  int max_rank = 0;
  for (const emit::OutputFile& file : files) {
    paths.push_back(file.path);
    max_rank = std::max(max_rank, file.rank);
  }
  // The two files below are added after every check passes on the rest, so
  // an emitter claiming their names is a duplicate.
  paths.emplace_back(k_lock_path);
  paths.emplace_back(k_sum_path);
  check_output_paths(paths);
  if (max_rank > std::numeric_limits<int>::max() - 2) {
    throw std::logic_error("output rank too large");
  }

  std::vector<RenderedFile> rendered;
  rendered.reserve(files.size() + 2);
  for (const emit::OutputFile& file : files) {
    rendered.push_back({file.path, serialise(file), file.rank});
  }
  // Written last: the lock and then the sum describe the rest of the tree,
  // so they only change once everything they describe is in place.
  rendered.push_back({std::string(k_lock_path), to_json(lock_value(provenance)), max_rank + 1});
  std::vector<const RenderedFile*> covered;
  for (const RenderedFile& file : rendered) {
    covered.push_back(&file);
  }
  std::string sum = sum_text(std::move(covered));
  rendered.push_back({std::string(k_sum_path), std::move(sum), max_rank + 2});

  std::sort(rendered.begin(), rendered.end(), [](const RenderedFile& a, const RenderedFile& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.path < b.path;
  });
  return rendered;
}

} // namespace edgegen::write
