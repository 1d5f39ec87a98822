#include "serialise/paths.hpp"
#include "serialise/serialise.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace edgegen::serialise {
namespace {

std::string yaml_comment(const std::string& comment)
{
  std::string out;
  size_t start = 0;
  while (start < comment.size()) {
    size_t end = comment.find('\n', start);
    std::string line = comment.substr(start, end == std::string::npos ? std::string::npos : end - start);
    out += line.empty() ? "#\n" : "# " + line + "\n";
    start = end == std::string::npos ? comment.size() : end + 1;
  }
  return out;
}

std::string serialise(const emit::OutputFile& file)
{
  switch (file.format) {
  case emit::OutputFile::Format::yaml:
    return yaml_comment(file.comment) + to_yaml(file.documents);
  case emit::OutputFile::Format::json:
    if (file.documents.size() != 1) {
      throw std::logic_error("JSON output \"" + file.path + "\" needs exactly one document");
    }
    return to_json(file.documents[0]);
  case emit::OutputFile::Format::text:
    return file.text;
  }
  throw std::logic_error("unknown output format for \"" + file.path + "\"");
}

// edgegen.lock.json, in the bytes to_json gives the lock as one value (keys
// sorted: edgegen, inputs, schema, source), but written one input at a
// time: a large edge has tens of thousands, and a tree of them all would
// be held beside the text.
std::string lock_json(const Provenance& provenance)
{
  util::Value edgegen = util::Value::map();
  edgegen["version"] = EDGEGEN_VERSION;
  util::Value source = util::Value::map();
  const std::pair<const char*, const std::string*> fields[] = {
      {"origin", &provenance.origin}, {"commit", &provenance.commit_id}, {"tree", &provenance.tree_id}};
  for (const auto& [key, field] : fields) {
    if (!field->empty()) {
      source[key] = *field;
    }
  }
  // Sorted here too: the lock must not depend on the order the source
  // listed its files in. By pointer, not a copy of each input.
  std::vector<const Provenance::Input*> inputs;
  inputs.reserve(provenance.inputs.size());
  size_t size = 256;
  for (const Provenance::Input& input : provenance.inputs) {
    inputs.push_back(&input);
    size += input.path.size() + input.blob_id.size() + 48;
  }
  std::sort(inputs.begin(), inputs.end(), [](const auto* a, const auto* b) { return a->path < b->path; });

  std::string out;
  out.reserve(size); // made once, not doubled as it grows
  out += "{\n  \"edgegen\": ";
  out += to_json_nested(edgegen, 2);
  out += ",\n  \"inputs\": ";
  append_json_list(out, inputs.size(), 2, [&](size_t i) {
    util::Value entry = util::Value::map();
    entry["path"] = inputs[i]->path;
    entry["blob"] = inputs[i]->blob_id;
    return entry;
  });
  out += ",\n  \"schema\": ";
  out += to_json_nested(util::Value("edgegen.dev/v1alpha1"), 2);
  out += ",\n  \"source\": ";
  out += to_json_nested(source, 2);
  out += "\n}\n";
  return out;
}

} // namespace

RenderedFile Renderer::render(const emit::OutputFile& file)
{
  RenderedFile rendered{file.path, serialise(file), file.rank};
  Sha256 digest = sha256(rendered.bytes);
  std::lock_guard<std::mutex> lock(m_mutex);
  m_entries.push_back({m_paths.keep(file.path), digest});
  m_max_rank = std::max(m_max_rank, file.rank);
  return rendered;
}

void Renderer::finish(const Provenance& provenance, const std::function<void(RenderedFile)>& sink)
{
  std::vector<std::string_view> paths;
  paths.reserve(m_entries.size() + 2);
  for (const Entry& entry : m_entries) {
    paths.push_back(entry.path);
  }
  // The two files below are added after every check passes on the rest, so
  // an emitter claiming their names is a duplicate.
  paths.push_back(k_lock_path);
  paths.push_back(k_sum_path);
  check_output_paths(std::move(paths));
  if (m_max_rank > std::numeric_limits<int>::max() - 2) {
    throw std::logic_error("output rank too large");
  }
  // Written last: the lock and then the sum describe the rest of the tree,
  // so they only change once everything they describe is in place.
  RenderedFile lock{std::string(k_lock_path), lock_json(provenance), m_max_rank + 1};
  m_entries.push_back({k_lock_path, sha256(lock.bytes)});
  sink(std::move(lock));
  // `sha256sum -c` format, sorted by path in byte order (std::string's <).
  std::sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) { return a.path < b.path; });
  std::string sum;
  size_t size = 0;
  for (const Entry& entry : m_entries) {
    size += 2 * entry.sha256.size() + 2 + entry.path.size() + 1;
  }
  sum.reserve(size); // tens of thousands of lines: never copied as it grows
  for (const Entry& entry : m_entries) {
    append_hex(sum, entry.sha256);
    sum += "  ";
    sum += entry.path;
    sum += '\n';
  }
  sink(RenderedFile{std::string(k_sum_path), std::move(sum), m_max_rank + 2});
}

std::vector<RenderedFile> render_files(const std::vector<emit::OutputFile>& files, const Provenance& provenance)
{
  Renderer renderer;
  std::vector<RenderedFile> rendered;
  rendered.reserve(files.size() + 2);
  for (const emit::OutputFile& file : files) {
    rendered.push_back(renderer.render(file));
  }
  renderer.finish(provenance, [&](RenderedFile file) { rendered.push_back(std::move(file)); });
  std::sort(rendered.begin(), rendered.end(), [](const RenderedFile& a, const RenderedFile& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.path < b.path;
  });
  return rendered;
}

} // namespace edgegen::serialise
