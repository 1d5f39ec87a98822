#include "serialise/paths.hpp"
#include "write/tree_io.hpp"
#include "write/write.hpp"

#include "util/strings.hpp"

namespace edgegen::write {

// Reads only the form render_files writes (canonical JSON, one key per
// line): a lock in any other form was not written by edgegen, and
// `render --check` then reports it as changed, which is what it is.
std::optional<serialise::Provenance> read_lock_source(Disk& disk, const std::string& out_dir)
{
  Probe found = probe(disk, out_dir, serialise::k_lock_path);
  if (!found.blocker.empty() || found.kind != EntryKind::file) {
    return std::nullopt;
  }
  std::string text = disk.read_file(join_path(out_dir, serialise::k_lock_path));
  const std::string_view open = "\n  \"source\": {\n";
  size_t start = text.find(open);
  size_t end = text.find("\n  }", start);
  if (start == std::string::npos || end == std::string::npos) {
    return std::nullopt;
  }
  serialise::Provenance provenance;
  provenance.origin.clear();
  for (std::string line :
       util::split(std::string_view(text).substr(start + open.size(), end - start - open.size()), '\n')) {
    if (util::ends_with(line, ",")) {
      line.pop_back();
    }
    size_t colon = line.find("\": \"");
    if (!util::starts_with(line, "    \"") || colon == std::string::npos || !util::ends_with(line, "\"") ||
        line.find('\\') != std::string::npos) {
      return std::nullopt;
    }
    std::string key = line.substr(5, colon - 5);
    std::string value = line.substr(colon + 4, line.size() - colon - 5);
    std::string* field = key == "origin"   ? &provenance.origin
                         : key == "commit" ? &provenance.commit_id
                         : key == "tree"   ? &provenance.tree_id
                                           : nullptr;
    if (!field) {
      return std::nullopt;
    }
    *field = value;
  }
  if (provenance.origin.empty()) {
    return std::nullopt;
  }
  return provenance;
}

} // namespace edgegen::write
