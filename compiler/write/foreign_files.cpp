// Files edgegen did not write where a consumer reads every file: a hand-added
// prod/traefik/dynamic/manual.yml is loaded by Traefik with the rendered
// files, so the edge is no longer what the desired state says.
#include "write/tree_io.hpp"
#include "write/write.hpp"

#include <algorithm>

namespace edgegen::write {

namespace {

// Adds the foreign entries of directory `rel` (a real directory below
// out_dir) and, when the consumer recurses, of its subdirectories.
void scan(Disk& disk, const std::string& out_dir, const std::string& rel,
          const std::function<bool(std::string_view)>& known, const emit::LoadedDirectory& loaded,
          std::vector<ForeignFile>& out)
{
  std::vector<DirectoryEntry> entries;
  if (int error = disk.list(join_path(out_dir, rel), entries)) {
    throw_io_error("cannot list", join_path(out_dir, rel), error);
  }
  std::vector<std::string> subdirectories;
  for (const DirectoryEntry& entry : entries) {
    std::string path = rel + "/" + entry.name;
    if (entry.kind == EntryKind::directory) {
      subdirectories.push_back(std::move(path));
    } else if (loaded.reads(entry.name) && !known(path)) {
      out.push_back({std::move(path), loaded});
    }
  }
  if (loaded.recursive) {
    for (const auto& subdirectory : subdirectories) {
      scan(disk, out_dir, subdirectory, known, loaded, out);
    }
  }
}

} // namespace

std::vector<ForeignFile> foreign_files(Disk& disk, const std::string& out_dir,
                                       const std::function<bool(std::string_view)>& known,
                                       const std::vector<emit::LoadedDirectory>& loaded)
{
  std::vector<ForeignFile> out;
  for (const auto& directory : loaded) {
    Probe found = probe(disk, out_dir, directory.path);
    if (found.blocker.empty() && found.kind == EntryKind::directory) {
      scan(disk, out_dir, directory.path, known, directory, out);
    }
  }
  std::sort(out.begin(), out.end(), [](const ForeignFile& a, const ForeignFile& b) { return a.path < b.path; });
  return out;
}

std::string describe(const std::string& out_dir, const ForeignFile& file)
{
  const emit::LoadedDirectory& directory = file.directory;
  return join_path(out_dir, file.path) + ": not written by edgegen, and " + directory.consumer + " loads " +
         directory.files + " in " + join_path(out_dir, directory.path) +
         (directory.recursive ? " and its subdirectories" : "");
}

} // namespace edgegen::write
