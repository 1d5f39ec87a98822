#include "serialise/paths.hpp"
#include "write/tree_io.hpp"
#include "write/write.hpp"

#include <algorithm>
#include <set>

namespace edgegen::write {

// Read-only by construction: it only probes, compares and reads, so that
// `render --check` can run against a tree it must not disturb.
Drift compare_tree(Disk& disk, const std::string& out_dir, const std::vector<serialise::RenderedFile>& files,
                   const std::vector<emit::LoadedDirectory>& loaded)
{
  std::vector<std::string_view> paths;
  for (const serialise::RenderedFile& file : files) {
    paths.push_back(file.path);
  }
  serialise::check_output_paths(paths);

  Drift drift;
  std::set<std::string_view> rendered(paths.begin(), paths.end());
  for (const serialise::RenderedFile& file : files) {
    Probe found = probe(disk, out_dir, file.path);
    if (!found.blocker.empty() || found.kind == EntryKind::absent) {
      drift.missing.push_back(file.path);
    } else if (found.kind != EntryKind::file || !disk.has_bytes(join_path(out_dir, file.path), file.bytes)) {
      drift.changed.push_back(file.path);
    }
  }
  // A malformed present edgegen.sum still names what it can; its own drift
  // shows up as "changed edgegen.sum".
  SortedPaths listed = read_sum(disk, out_dir).paths;
  for (std::string_view path : listed) {
    if (rendered.count(path) || path == serialise::k_sum_path) {
      continue;
    }
    Probe found = probe(disk, out_dir, path);
    if (found.blocker.empty() && found.kind == EntryKind::file) {
      drift.extra.emplace_back(path);
    }
  }
  // What the present sum lists is edgegen's, and reported above if stale.
  drift.foreign = foreign_files(
      disk, out_dir, [&](std::string_view path) { return rendered.count(path) > 0 || listed.contains(path); }, loaded);
  std::sort(drift.changed.begin(), drift.changed.end());
  std::sort(drift.missing.begin(), drift.missing.end());
  return drift;
}

} // namespace edgegen::write
