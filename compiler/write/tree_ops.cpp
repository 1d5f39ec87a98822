#include "write/tree_ops.hpp"

#include "util/errors.hpp"
#include "write/paths.hpp"
#include "write/tree_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <map>

namespace edgegen::write {
namespace {

namespace fs = std::filesystem;

// ".<name>.<digits>.<digits>.tmp" for one of `names`.
bool is_stale_temporary(const std::string& entry, const std::set<std::string>& names)
{
  if (entry.size() < 8 || entry[0] != '.' || entry.compare(entry.size() - 4, 4, ".tmp") != 0) {
    return false;
  }
  std::string_view rest(entry.data() + 1, entry.size() - 5); // "<name>.<pid>.<n>"
  for (int field = 0; field < 2; ++field) {
    size_t dot = rest.rfind('.');
    if (dot == std::string_view::npos || dot + 1 == rest.size() ||
        rest.find_first_not_of("0123456789", dot + 1) != std::string_view::npos) {
      return false;
    }
    rest = rest.substr(0, dot);
  }
  return names.count(std::string(rest)) > 0;
}

} // namespace

void clear_directory_or_throw(const std::string& out_dir, const std::string& dir, const std::set<std::string>& orphans,
                              InTheWay& plan)
{
  std::string base = join_path(out_dir, dir);
  std::error_code ec;
  plan.dirs.insert(dir);
  for (fs::recursive_directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
    // Iterating does not follow symbolic links; one in here is not ours.
    std::string rel = dir + it->path().generic_string().substr(base.size());
    bool is_link = it->is_symlink(ec);
    if (!is_link && it->is_directory(ec)) {
      plan.dirs.insert(rel);
    } else if (!is_link && it->is_regular_file(ec) && orphans.count(rel)) {
      plan.files.insert(rel);
    } else {
      throw util::EnvironmentError("cannot write " + base + ": it is a directory holding " + join_path(out_dir, rel) +
                                   ", which edgegen did not write");
    }
  }
  if (ec) {
    throw_io_error("cannot read directory", base, ec.value());
  }
}

bool remove_file(const std::string& out_dir, const std::string& rel)
{
  Probe found = probe(out_dir, rel);
  if (!found.blocker.empty() || found.kind != EntryKind::file) {
    return false;
  }
  std::string full = join_path(out_dir, rel);
  if (::unlink(full.c_str()) != 0) {
    if (errno == ENOENT) {
      return false;
    }
    throw_io_error("cannot remove", full, errno);
  }
  return true;
}

void prune_parents(const std::string& out_dir, const std::string& rel)
{
  for (size_t slash = rel.rfind('/'); slash != std::string::npos && slash > 0; slash = rel.rfind('/', slash - 1)) {
    std::string dir = join_path(out_dir, rel.substr(0, slash));
    if (::rmdir(dir.c_str()) != 0) {
      if (errno == ENOTEMPTY || errno == EEXIST || errno == ENOENT || errno == ENOTDIR) {
        return;
      }
      throw_io_error("cannot remove directory", dir, errno);
    }
  }
}

// `paths` holds the files rendered now and those of earlier renders: a
// killed render may have been writing a file that is an orphan now.
void remove_stale_temporaries(const std::string& out_dir, const std::set<std::string>& paths)
{
  std::map<std::string, std::set<std::string>> names_by_dir;
  for (const std::string& path : paths) {
    size_t slash = path.rfind('/');
    std::string dir = slash == std::string::npos ? "" : path.substr(0, slash);
    names_by_dir[dir].insert(slash == std::string::npos ? path : path.substr(slash + 1));
  }
  names_by_dir[""].insert(std::string(k_pending_path));
  for (const auto& [dir, names] : names_by_dir) {
    std::string full = dir.empty() ? out_dir : join_path(out_dir, dir);
    std::error_code ec;
    for (fs::directory_iterator it(full, ec), end; !ec && it != end; it.increment(ec)) {
      std::string entry = it->path().filename().string();
      if (!is_stale_temporary(entry, names) || !it->is_regular_file(ec) || it->is_symlink(ec)) {
        continue;
      }
      ::unlink(it->path().c_str());
    }
  }
}

void sync_file_system(const std::string& out_dir)
{
  int fd = ::open(out_dir.empty() ? "." : out_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    throw_io_error("cannot open", out_dir, errno);
  }
  int rc = ::syncfs(fd);
  int error = errno;
  ::close(fd);
  if (rc != 0) {
    throw_io_error("cannot sync", out_dir, error);
  }
}

void make_directories(const std::string& dir, std::vector<std::string>& made)
{
  std::vector<std::string> missing;
  for (std::string at = dir; !at.empty();) {
    struct stat st;
    if (::lstat(at.c_str(), &st) == 0) {
      break;
    }
    missing.push_back(at);
    size_t up = at.rfind('/');
    at = up == std::string::npos || up == 0 ? std::string() : at.substr(0, up);
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0777) != 0) {
      if (errno == EEXIST) {
        continue; // made meanwhile, by another thread or render
      }
      throw_io_error("cannot create directory", *it, errno);
    }
    made.push_back(*it);
  }
}

} // namespace edgegen::write
