#include "util/errors.hpp"
#include "write/atomic_file.hpp"
#include "write/paths.hpp"
#include "write/pending.hpp"
#include "write/tree_io.hpp"
#include "write/write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

namespace edgegen::write {
namespace {

namespace fs = std::filesystem;

// Decided for every file before the first byte is written (DESIGN.md §8:
// never a partial output tree because of a check that could have failed
// earlier).
struct Plan
{
  std::vector<const RenderedFile*> to_write;
  std::vector<std::string> unchanged;
  // Files of an earlier render that stand where a directory or a file must
  // now go (a file "a" becoming a directory "a/", or the reverse), and the
  // directories to remove with them; removed just before writing.
  std::set<std::string> in_the_way;
  std::set<std::string> dirs_in_the_way;
};

std::vector<const RenderedFile*> in_write_order(const std::vector<RenderedFile>& files)
{
  std::vector<const RenderedFile*> ordered;
  std::vector<std::string> paths;
  for (const RenderedFile& file : files) {
    ordered.push_back(&file);
    paths.push_back(file.path);
  }
  check_output_paths(std::move(paths));
  std::sort(ordered.begin(), ordered.end(), [](const RenderedFile* a, const RenderedFile* b) {
    return a->rank != b->rank ? a->rank < b->rank : a->path < b->path;
  });
  return ordered;
}

// The directory `dir` may be replaced by a file only if it holds nothing but
// orphans edgegen wrote, and directories; collects both into `plan`.
void clear_directory_or_throw(const std::string& out_dir, const std::string& dir,
                              const std::set<std::string>& orphans, Plan& plan)
{
  std::string base = join_path(out_dir, dir);
  std::error_code ec;
  plan.dirs_in_the_way.insert(dir);
  for (fs::recursive_directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
    // Iterating does not follow symbolic links; one in here is not ours.
    std::string rel = dir + it->path().generic_string().substr(base.size());
    bool is_link = it->is_symlink(ec);
    if (!is_link && it->is_directory(ec)) {
      plan.dirs_in_the_way.insert(rel);
    } else if (!is_link && it->is_regular_file(ec) && orphans.count(rel)) {
      plan.in_the_way.insert(rel);
    } else {
      throw util::EnvironmentError("cannot write " + base + ": it is a directory holding " + join_path(out_dir, rel)
                                   + ", which edgegen did not write");
    }
  }
  if (ec) {
    throw_io_error("cannot read directory", base, ec.value());
  }
}

Plan make_plan(const std::string& out_dir, const std::vector<const RenderedFile*>& ordered, const SumListing& previous,
               const std::set<std::string>& orphans)
{
  Plan plan;
  for (const RenderedFile* file : ordered) {
    const std::string& path = file->path;
    std::string full = join_path(out_dir, path);
    Probe found = probe(out_dir, path);
    if (!found.blocker.empty()) {
      if (!orphans.count(found.blocker) || probe(out_dir, found.blocker).kind != EntryKind::file) {
        throw util::EnvironmentError("cannot write " + full + ": " + join_path(out_dir, found.blocker)
                                     + " is not a directory");
      }
      plan.in_the_way.insert(found.blocker);
    } else if (found.kind == EntryKind::directory) {
      clear_directory_or_throw(out_dir, path, orphans, plan);
    } else if (found.kind == EntryKind::other) {
      throw util::EnvironmentError("refusing to overwrite " + full + ": it is not a regular file");
    } else if (found.kind == EntryKind::file) {
      // Identical bytes are left alone, not rewritten: the mtime stays, so a
      // watching Traefik (or make, or rsync) sees only what really changed.
      // Checked before ownership so that a run interrupted before it wrote
      // edgegen.sum can be repeated.
      if (has_bytes(full, file->bytes)) {
        plan.unchanged.push_back(path);
        continue;
      }
      bool ours = previous.paths.count(path) || (path == k_sum_path && previous.bad_line == 0);
      if (!ours) {
        throw util::EnvironmentError("refusing to overwrite " + full
                                     + ": edgegen did not write it (it is not listed in edgegen.sum)");
      }
    }
    plan.to_write.push_back(file);
  }
  return plan;
}

// Removes out_dir/rel if it is still a regular file reached through real
// directories; returns whether it did.
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

// Removes the directories above `rel` that are empty now, up to but never
// including out_dir; stops at the first one that is not empty.
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

void make_directories(const std::string& out_dir, const std::string& rel)
{
  size_t slash = rel.rfind('/');
  std::string dir = slash == std::string::npos ? out_dir : join_path(out_dir, rel.substr(0, slash));
  if (dir.empty()) {
    return;
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    throw_io_error("cannot create directory", dir, ec.value());
  }
}

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

// Temporary files of killed renders (".<name>.<pid>.<n>.tmp", AtomicFile's
// pattern) for the files rendered now and those of earlier renders (a killed
// render may have been writing a file that is an orphan now), in the
// directories they go to. Only
// that exact pattern for those names: nothing else is ever touched.
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

// syncfs(2): flushes the file system that holds out_dir, once.
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

} // namespace

WriteReport write_tree(const std::string& out_dir, const std::vector<RenderedFile>& files)
{
  std::vector<const RenderedFile*> ordered = in_write_order(files);

  struct stat st;
  if (!out_dir.empty() && ::stat(out_dir.c_str(), &st) == 0 && !S_ISDIR(st.st_mode)) {
    throw util::EnvironmentError("cannot write to " + out_dir + ": it is not a directory");
  }
  SumListing previous = read_sum(out_dir);
  if (previous.bad_line != 0) {
    throw util::EnvironmentError("refusing to overwrite " + join_path(out_dir, k_sum_path)
                                 + ": it is not an edgegen.sum that edgegen wrote (line "
                                 + std::to_string(previous.bad_line) + ")");
  }
  // Files an interrupted render was putting in place are ours too.
  std::set<std::string> pending = read_pending(out_dir);
  previous.paths.insert(pending.begin(), pending.end());
  std::set<std::string> rendered;
  for (const RenderedFile& file : files) {
    rendered.insert(file.path);
  }
  std::set<std::string> orphans;
  for (const std::string& path : previous.paths) {
    if (!rendered.count(path) && path != k_sum_path) {
      orphans.insert(path);
    }
  }
  Plan plan = make_plan(out_dir, ordered, previous, orphans);

  WriteReport report;
  report.unchanged = std::move(plan.unchanged);
  for (const std::string& rel : plan.in_the_way) {
    if (remove_file(out_dir, rel)) {
      report.removed.push_back(rel);
    }
  }
  // Deepest first: "a/b" sorts after "a", so reverse order empties "a" first.
  for (auto it = plan.dirs_in_the_way.rbegin(); it != plan.dirs_in_the_way.rend(); ++it) {
    std::string dir = join_path(out_dir, *it);
    if (::rmdir(dir.c_str()) != 0 && errno != ENOENT) {
      throw_io_error("cannot remove directory", dir, errno);
    }
  }
  for (const std::string& rel : plan.in_the_way) {
    prune_parents(out_dir, rel);
  }
  // Every changed file goes to its temporary name first; one sync of the
  // file system makes all of them durable (an fsync per file costs more than
  // everything else a large render does); then the renames put them in place
  // in rank order, close together, so a watcher sees the change at once.
  std::vector<std::unique_ptr<AtomicFile>> staged;
  for (const RenderedFile* file : plan.to_write) {
    make_directories(out_dir, file->path);
    staged.push_back(std::make_unique<AtomicFile>(join_path(out_dir, file->path)));
    staged.back()->write(file->bytes);
    staged.back()->close();
  }
  if (!staged.empty()) {
    // Every path this render may put in place or remove: killed after the
    // new edgegen.sum is in place but before the orphans are gone, those
    // orphans are listed by no edgegen.sum, but still by the journal.
    pending.insert(previous.paths.begin(), previous.paths.end());
    pending.insert(rendered.begin(), rendered.end());
    write_pending(out_dir, pending);
    sync_file_system(out_dir);
  }
  for (size_t i = 0; i < staged.size(); ++i) {
    staged[i]->commit();
    report.written.push_back(plan.to_write[i]->path);
  }
  if (!staged.empty()) {
    sync_file_system(out_dir); // the renames, before anything old is removed
  }
  // Orphans go last (DESIGN.md §8): until the new files are in place, the old
  // ones may still be referenced by what a watcher has loaded.
  for (const std::string& rel : orphans) {
    if (plan.in_the_way.count(rel)) {
      continue;
    }
    if (remove_file(out_dir, rel)) {
      report.removed.push_back(rel);
      prune_parents(out_dir, rel);
    }
  }
  // Every path edgegen rendered now or before (edgegen.sum, .edgegen.pending).
  std::set<std::string> ours = previous.paths;
  ours.insert(rendered.begin(), rendered.end());
  remove_stale_temporaries(out_dir, ours);
  remove_pending(out_dir);
  std::sort(report.written.begin(), report.written.end());
  std::sort(report.unchanged.begin(), report.unchanged.end());
  std::sort(report.removed.begin(), report.removed.end());
  return report;
}

} // namespace edgegen::write
