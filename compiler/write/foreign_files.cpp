// Files edgegen did not write where a consumer reads every file: a hand-added
// prod/traefik/dynamic/manual.yml is loaded by Traefik with the rendered
// files, so the edge is no longer what the desired state says.
#include "write/tree_io.hpp"
#include "write/write.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>

namespace edgegen::write {

namespace {

class Directory
{
public:
  explicit Directory(const std::string& path) : m_dir(::opendir(path.c_str()))
  {
    if (!m_dir) {
      throw_io_error("cannot list", path, errno);
    }
  }
  ~Directory() { ::closedir(m_dir); }
  Directory(const Directory&) = delete;
  Directory& operator=(const Directory&) = delete;
  DIR* get() const { return m_dir; }

private:
  DIR* m_dir;
};

// Adds the foreign entries of directory `rel` (a real directory below
// out_dir) and, when the consumer recurses, of its subdirectories.
void scan(const std::string& out_dir, const std::string& rel, const std::set<std::string>& known,
          const emit::LoadedDirectory& loaded, std::vector<ForeignFile>& out)
{
  std::vector<std::string> subdirectories;
  {
    Directory dir(join_path(out_dir, rel));
    errno = 0;
    while (const dirent* entry = ::readdir(dir.get())) {
      std::string name = entry->d_name;
      if (name == "." || name == "..") {
        continue;
      }
      std::string path = rel + "/" + name;
      struct stat st;
      if (::lstat(join_path(out_dir, path).c_str(), &st) != 0) {
        if (errno != ENOENT) { // removed meanwhile
          throw_io_error("cannot inspect", join_path(out_dir, path), errno);
        }
      } else if (S_ISDIR(st.st_mode)) {
        subdirectories.push_back(std::move(path));
      } else if (loaded.reads(name) && !known.count(path)) {
        out.push_back({std::move(path), loaded});
      }
      errno = 0;
    }
    if (errno != 0) {
      throw_io_error("cannot list", join_path(out_dir, rel), errno);
    }
  }
  if (loaded.recursive) {
    for (const auto& subdirectory : subdirectories) {
      scan(out_dir, subdirectory, known, loaded, out);
    }
  }
}

} // namespace

std::vector<ForeignFile> foreign_files(const std::string& out_dir, const std::set<std::string>& known,
                                       const std::vector<emit::LoadedDirectory>& loaded)
{
  std::vector<ForeignFile> out;
  for (const auto& directory : loaded) {
    Probe found = probe(out_dir, directory.path);
    if (found.blocker.empty() && found.kind == EntryKind::directory) {
      scan(out_dir, directory.path, known, directory, out);
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
