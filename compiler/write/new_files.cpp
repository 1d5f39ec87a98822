#include "write/new_files.hpp"

#include "write/atomic_file.hpp"
#include "write/tree_io.hpp"
#include "write/tree_ops.hpp"

#include <cerrno>
#include <memory>

namespace edgegen::write {
NewFilesReport create_new_files(Disk& disk, const std::string& dir_given, const std::vector<NewFile>& files)
{
  const std::string dir = dir_given.empty() ? "." : dir_given;
  std::vector<std::string> made; // directories this call created, removed again on failure
  std::vector<std::unique_ptr<AtomicFile>> staged(files.size());
  std::vector<bool> written(files.size(), false);
  try {
    for (size_t i = 0; i < files.size(); ++i) {
      std::string path = join_path(dir, files[i].path);
      EntryKind kind;
      int error = disk.status(path, false, kind);
      if (error == 0) {
        continue; // something is there: kept
      }
      if (error != ENOENT) {
        throw_io_error("cannot read", path, error);
      }
      make_directories(disk, path.substr(0, path.rfind('/')), made);
      staged[i] = std::make_unique<AtomicFile>(disk, path);
      staged[i]->write(files[i].bytes);
    }
    for (size_t i = 0; i < files.size(); ++i) {
      written[i] = staged[i] && staged[i]->commit_new();
    }
  } catch (...) {
    staged.clear(); // removes the temporary files
    for (auto it = made.rbegin(); it != made.rend(); ++it) {
      disk.remove_directory(*it); // empty unless a file was committed into it
    }
    throw;
  }
  NewFilesReport report;
  for (size_t i = 0; i < files.size(); ++i) {
    (written[i] ? report.written : report.kept).push_back(files[i].path);
  }
  return report;
}

} // namespace edgegen::write
