#include "write/tree_ops.hpp"

#include "serialise/paths.hpp"
#include "util/errors.hpp"
#include "write/tree_io.hpp"

#include <algorithm>
#include <cerrno>
#include <set>

namespace edgegen::write {
namespace {

// <name> of ".<name>.<digits>.<digits>.tmp", AtomicFile's temporary for
// <name>, or "" if `entry` is not one.
std::string temporary_for(const std::string& entry)
{
  if (entry.size() < 8 || entry[0] != '.' || entry.compare(entry.size() - 4, 4, ".tmp") != 0) {
    return "";
  }
  std::string_view rest(entry.data() + 1, entry.size() - 5); // "<name>.<pid>.<n>"
  for (int field = 0; field < 2; ++field) {
    size_t dot = rest.rfind('.');
    if (dot == std::string_view::npos || dot + 1 == rest.size() ||
        rest.find_first_not_of("0123456789", dot + 1) != std::string_view::npos) {
      return "";
    }
    rest = rest.substr(0, dot);
  }
  return std::string(rest);
}

// Adds `dir` (relative) and what it holds to `plan`; `top` is the directory
// to replace, which messages name.
void collect(Disk& disk, const std::string& out_dir, const std::string& top, const std::string& dir,
             const SortedPaths& orphans, InTheWay& plan)
{
  plan.dirs.insert(dir);
  std::vector<DirectoryEntry> entries;
  if (int error = disk.list(join_path(out_dir, dir), entries)) {
    throw_io_error("cannot read directory", join_path(out_dir, top), error);
  }
  for (const DirectoryEntry& entry : entries) {
    // Listing does not follow symbolic links; one in here is not ours.
    std::string rel = dir + "/" + entry.name;
    if (entry.kind == EntryKind::directory) {
      collect(disk, out_dir, top, rel, orphans, plan);
    } else if (entry.kind == EntryKind::file && orphans.contains(rel)) {
      plan.files.insert(rel);
    } else if (std::string name = temporary_for(entry.name);
               entry.kind == EntryKind::file && !name.empty() && orphans.contains(dir + "/" + name)) {
      plan.temporaries.insert(rel); // of a killed render, for a file of its journal
    } else {
      throw util::EnvironmentError("cannot write " + join_path(out_dir, top) + ": it is a directory holding " +
                                   join_path(out_dir, rel) + ", which edgegen did not write");
    }
  }
}

} // namespace

void clear_directory_or_throw(Disk& disk, const std::string& out_dir, const std::string& dir,
                              const SortedPaths& orphans, InTheWay& plan)
{
  collect(disk, out_dir, dir, dir, orphans, plan);
}

bool remove_file(Disk& disk, const std::string& out_dir, std::string_view rel)
{
  Probe found = probe(disk, out_dir, rel);
  if (!found.blocker.empty() || found.kind != EntryKind::file) {
    return false;
  }
  std::string full = join_path(out_dir, rel);
  if (int error = disk.remove_file(full)) {
    if (error == ENOENT) {
      return false;
    }
    throw_io_error("cannot remove", full, error);
  }
  return true;
}

void prune_parents(Disk& disk, const std::string& out_dir, std::string_view rel)
{
  for (size_t slash = rel.rfind('/'); slash != std::string::npos && slash > 0; slash = rel.rfind('/', slash - 1)) {
    std::string dir = join_path(out_dir, rel.substr(0, slash));
    if (int error = disk.remove_directory(dir)) {
      if (error == ENOTEMPTY || error == EEXIST || error == ENOENT || error == ENOTDIR) {
        return;
      }
      throw_io_error("cannot remove directory", dir, error);
    }
  }
}

// `paths` holds the files rendered now and those of earlier renders: a
// killed render may have been writing a file that is an orphan now.
void remove_stale_temporaries(Disk& disk, const std::string& out_dir, const std::vector<std::string_view>& paths)
{
  std::set<std::string_view> dirs{std::string_view()}; // out_dir itself holds the journal
  for (std::string_view path : paths) {
    size_t slash = path.rfind('/');
    dirs.insert(slash == std::string_view::npos ? std::string_view() : path.substr(0, slash));
  }
  for (std::string_view dir : dirs) {
    std::string full = dir.empty() ? out_dir : join_path(out_dir, dir);
    std::vector<DirectoryEntry> entries;
    disk.list(full, entries); // a directory that is gone holds no temporaries
    for (const DirectoryEntry& entry : entries) {
      std::string name = entry.kind == EntryKind::file ? temporary_for(entry.name) : std::string();
      if (name.empty()) {
        continue;
      }
      std::string rel = dir.empty() ? name : std::string(dir) + "/" + name;
      if (std::binary_search(paths.begin(), paths.end(), rel) || rel == serialise::k_pending_path) {
        disk.remove_file(join_path(full, entry.name));
      }
    }
  }
}

void make_directories(Disk& disk, const std::string& dir, std::vector<std::string>& made)
{
  std::vector<std::string> missing;
  for (std::string at = dir; !at.empty();) {
    EntryKind kind;
    if (disk.status(at, false, kind) == 0) {
      break;
    }
    missing.push_back(at);
    size_t up = at.rfind('/');
    at = up == std::string::npos || up == 0 ? std::string() : at.substr(0, up);
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (int error = disk.make_directory(*it)) {
      if (error == EEXIST) {
        continue; // made meanwhile, by another thread or render
      }
      throw_io_error("cannot create directory", *it, error);
    }
    made.push_back(*it);
  }
}

} // namespace edgegen::write
