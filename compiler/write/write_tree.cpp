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
#include <mutex>
#include <set>
#include <stdexcept>

namespace edgegen::write {
namespace {

namespace fs = std::filesystem;

// What must go before the files that replace it: files of an earlier render
// that stand where a directory must now go (a file "a" becoming a directory
// "a/"), and directories where a file must go (the reverse), with the
// directories to remove with them.
struct InTheWay
{
  std::set<std::string> files;
  std::set<std::string> dirs;
};

// The directory `dir` may be replaced by a file only if it holds nothing but
// orphans edgegen wrote, and directories; collects both into `plan`.
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

struct Staged
{
  int rank;
  std::string path;
  std::unique_ptr<AtomicFile> file;
};

} // namespace

struct TreeWriter::State
{
  // Set by the constructor, read-only in add().
  std::string out_dir;
  SumListing previous; // with the paths of the journal of an interrupted render
  std::set<std::string> pending;
  // Directories found real (probes) or made (staging); cleared when
  // finish() removes what is in the way.
  KnownDirectories known;
  std::mutex mutex; // guards everything below while add() runs
  std::set<std::string> rendered;
  std::vector<Staged> staged;
  // Files that can only be staged once what is in their way is gone, which
  // finish() removes after every check passed. Rare: a file became a
  // directory or the reverse.
  std::vector<RenderedFile> deferred;
  std::map<std::string, std::string> refusals; // path -> why it cannot be written
  InTheWay in_the_way;
  std::vector<std::string> created_dirs; // in creation order, removed again on failure
  WriteReport report;
  bool finished = false;

  // mkdir -p of the directory of `rel`, remembering what it created.
  void make_directories(const std::string& rel)
  {
    size_t slash = rel.rfind('/');
    std::string_view parent = slash == std::string::npos ? std::string_view() : std::string_view(rel).substr(0, slash);
    std::string dir = parent.empty() ? out_dir : join_path(out_dir, parent);
    if (dir.empty() || known.contains(parent)) {
      return;
    }
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
      if (::mkdir(it->c_str(), 0777) != 0 && errno != EEXIST) {
        throw_io_error("cannot create directory", *it, errno);
      }
      created_dirs.push_back(*it);
    }
    known.insert(parent); // "" stands for out_dir itself
  }

  bool journal_started = false;
  std::unique_ptr<PendingAppender> journal; // open while files are staged

  void stage(const RenderedFile& file)
  {
    {
      std::lock_guard<std::mutex> lock(mutex);
      // The journal names the file before its temporary exists: killed from
      // here on, the next render knows the temporary for edgegen's own.
      if (!journal_started) {
        make_directories(std::string(k_pending_path));
        write_pending(out_dir, previous.paths); // with the paths of an earlier journal
        journal = std::make_unique<PendingAppender>(out_dir);
        journal_started = true;
      }
      journal->append(file.path);
      make_directories(file.path);
    }
    auto atomic = std::make_unique<AtomicFile>(join_path(out_dir, file.path));
    atomic->write(file.bytes);
    atomic->close();
    std::lock_guard<std::mutex> lock(mutex);
    staged.push_back({file.rank, file.path, std::move(atomic)});
  }
};

TreeWriter::TreeWriter(std::string out_dir) : m_state(std::make_unique<State>())
{
  State& s = *m_state;
  s.out_dir = std::move(out_dir);
  struct stat st;
  if (!s.out_dir.empty() && ::stat(s.out_dir.c_str(), &st) == 0 && !S_ISDIR(st.st_mode)) {
    throw util::EnvironmentError("cannot write to " + s.out_dir + ": it is not a directory");
  }
  s.previous = read_sum(s.out_dir);
  if (s.previous.bad_line != 0) {
    throw util::EnvironmentError("refusing to overwrite " + join_path(s.out_dir, k_sum_path) +
                                 ": it is not an edgegen.sum that edgegen wrote (line " +
                                 std::to_string(s.previous.bad_line) + ")");
  }
  // Files an interrupted render was putting in place are ours too.
  s.pending = read_pending(s.out_dir);
  s.previous.paths.insert(s.pending.begin(), s.pending.end());
}

TreeWriter::~TreeWriter()
{
  if (!m_state || m_state->finished) {
    return;
  }
  // An error before finish(): the temporaries go (AtomicFile's destructor),
  // the journal is as it was, then the directories made for them go,
  // deepest first.
  m_state->staged.clear();
  m_state->journal.reset();
  try {
    if (m_state->journal_started) {
      m_state->pending.empty() ? remove_pending(m_state->out_dir) : write_pending(m_state->out_dir, m_state->pending);
    }
  } catch (const std::exception&) {
    // Best effort: the journal only ever lists more of edgegen's own paths.
  }
  for (auto it = m_state->created_dirs.rbegin(); it != m_state->created_dirs.rend(); ++it) {
    ::rmdir(it->c_str());
  }
}

void TreeWriter::add(RenderedFile file)
{
  State& s = *m_state;
  if (!is_valid_output_path(file.path)) {
    throw std::logic_error("invalid output path \"" + file.path + "\"");
  }
  std::string path = file.path;
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    s.rendered.insert(path);
  }
  // Files come from several threads in no fixed order: a refusal is kept,
  // and finish() reports the one of the first path, the same every run.
  try {
    add_checked(std::move(file));
  } catch (const util::EnvironmentError& e) {
    std::lock_guard<std::mutex> lock(s.mutex);
    s.refusals.emplace(path, e.what());
  }
}

void TreeWriter::add_checked(RenderedFile file)
{
  State& s = *m_state;
  // A path rendered now cannot also be a directory of one (the renderer checks),
  // so whatever of an earlier render is in the way is an orphan.
  const std::set<std::string>& earlier = s.previous.paths;
  std::string full = join_path(s.out_dir, file.path);
  Probe found = probe(s.out_dir, file.path, s.known);
  if (!found.blocker.empty()) {
    if (!earlier.count(found.blocker) || probe(s.out_dir, found.blocker).kind != EntryKind::file) {
      throw util::EnvironmentError("cannot write " + full + ": " + join_path(s.out_dir, found.blocker) +
                                   " is not a directory");
    }
    std::lock_guard<std::mutex> lock(s.mutex);
    s.in_the_way.files.insert(found.blocker);
    s.deferred.push_back(std::move(file));
    return;
  }
  if (found.kind == EntryKind::directory) {
    std::lock_guard<std::mutex> lock(s.mutex);
    clear_directory_or_throw(s.out_dir, file.path, earlier, s.in_the_way);
    s.deferred.push_back(std::move(file));
    return;
  }
  if (found.kind == EntryKind::other) {
    throw util::EnvironmentError("refusing to overwrite " + full + ": it is not a regular file");
  }
  if (found.kind == EntryKind::file) {
    // Identical bytes are left alone, not rewritten: the mtime stays, so a
    // watching Traefik (or make, or rsync) sees only what really changed.
    // Checked before ownership so that a run interrupted before it wrote
    // edgegen.sum can be repeated.
    if (has_bytes(full, file.bytes)) {
      std::lock_guard<std::mutex> lock(s.mutex);
      s.report.unchanged.push_back(file.path);
      return;
    }
    bool ours = earlier.count(file.path) || (file.path == k_sum_path && s.previous.bad_line == 0);
    if (!ours) {
      throw util::EnvironmentError("refusing to overwrite " + full +
                                   ": edgegen did not write it (it is not listed in edgegen.sum)");
    }
  }
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    if (!s.refusals.empty()) {
      return; // finish() fails anyway: check the rest, stage nothing more
    }
  }
  s.stage(file);
}

WriteReport TreeWriter::finish()
{
  State& s = *m_state;
  if (!s.refusals.empty()) {
    throw util::EnvironmentError(s.refusals.begin()->second);
  }
  const std::string& out_dir = s.out_dir;
  WriteReport& report = s.report;
  std::set<std::string> orphans;
  for (const std::string& path : s.previous.paths) {
    if (!s.rendered.count(path) && path != k_sum_path) {
      orphans.insert(path);
    }
  }
  for (const std::string& rel : s.in_the_way.files) {
    if (remove_file(out_dir, rel)) {
      report.removed.push_back(rel);
    }
  }
  // Deepest first: "a/b" sorts after "a", so reverse order empties "a" first.
  for (auto it = s.in_the_way.dirs.rbegin(); it != s.in_the_way.dirs.rend(); ++it) {
    std::string dir = join_path(out_dir, *it);
    if (::rmdir(dir.c_str()) != 0 && errno != ENOENT) {
      throw_io_error("cannot remove directory", dir, errno);
    }
  }
  for (const std::string& rel : s.in_the_way.files) {
    prune_parents(out_dir, rel);
  }
  s.known.clear(); // some may be gone now
  for (const RenderedFile& file : s.deferred) {
    s.stage(file);
  }
  s.journal.reset(); // write_pending replaces the file below
  std::sort(s.staged.begin(), s.staged.end(),
            [](const Staged& a, const Staged& b) { return a.rank != b.rank ? a.rank < b.rank : a.path < b.path; });
  // Every changed file went to its temporary name first; one sync of the
  // file system makes all of them durable (an fsync per file costs more than
  // everything else a large render does); then the renames put them in place
  // in rank order, close together, so a watcher sees the change at once.
  if (!s.staged.empty()) {
    // Every path this render may put in place or remove: killed after the
    // new edgegen.sum is in place but before the orphans are gone, those
    // orphans are listed by no edgegen.sum, but still by the journal.
    s.pending.insert(s.previous.paths.begin(), s.previous.paths.end());
    s.pending.insert(s.rendered.begin(), s.rendered.end());
    write_pending(out_dir, s.pending);
    sync_file_system(out_dir);
  }
  s.finished = true; // from here on, what is staged is put in place
  for (Staged& staged : s.staged) {
    staged.file->commit();
    report.written.push_back(staged.path);
  }
  if (!s.staged.empty()) {
    sync_file_system(out_dir); // the renames, before anything old is removed
  }
  // Orphans go last: until the new files are in place, the old
  // ones may still be referenced by what a watcher has loaded.
  for (const std::string& rel : orphans) {
    if (s.in_the_way.files.count(rel)) {
      continue;
    }
    if (remove_file(out_dir, rel)) {
      report.removed.push_back(rel);
      prune_parents(out_dir, rel);
    }
  }
  // Every path edgegen rendered now or before (edgegen.sum, .edgegen.pending).
  std::set<std::string> ours = s.previous.paths;
  ours.insert(s.rendered.begin(), s.rendered.end());
  remove_stale_temporaries(out_dir, ours);
  remove_pending(out_dir);
  std::sort(report.written.begin(), report.written.end());
  std::sort(report.unchanged.begin(), report.unchanged.end());
  std::sort(report.removed.begin(), report.removed.end());
  return std::move(report);
}

WriteReport write_tree(const std::string& out_dir, const std::vector<RenderedFile>& files)
{
  std::vector<std::string> paths;
  for (const RenderedFile& file : files) {
    paths.push_back(file.path);
  }
  check_output_paths(std::move(paths));
  TreeWriter writer(out_dir);
  for (const RenderedFile& file : files) {
    writer.add(file);
  }
  return writer.finish();
}

} // namespace edgegen::write
