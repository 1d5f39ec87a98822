#include "serialise/paths.hpp"
#include "util/errors.hpp"
#include "write/atomic_file.hpp"
#include "write/cancel.hpp"
#include "write/pending.hpp"
#include "write/tree_io.hpp"
#include "write/tree_ops.hpp"
#include "write/write.hpp"

#include <algorithm>
#include <cerrno>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace edgegen::write {
namespace {

// Throws Cancelled once SIGINT or SIGTERM came: before every file is in
// place (`complete` false) the writer's destructor leaves out_dir as it was.
void stop_if_cancelled(const std::string& out_dir, bool complete)
{
  if (int signal = cancel_signal()) {
    std::string out = out_dir.empty() ? "." : out_dir;
    throw Cancelled(
        signal,
        complete ? "stopped by " + signal_name(signal) + " after every file was in place: " + out + " is the new render"
                 : "stopped by " + signal_name(signal) + ": " + out + " is as it was, its temporary files removed");
  }
}

// The most bytes of changed files the first pass keeps (see State::held):
// below what a render of a few hundred projects changes from scratch.
constexpr size_t k_held_limit = 4 << 20;

// A changed file written to its temporary (write/atomic_file.hpp), closed,
// until finish() renames it into place. Both names are made again from the
// path and the temporary's number when needed: a large render stages tens
// of thousands of files, and the path is held once, in State::rendered.
struct Staged
{
  int rank;
  std::string_view path; // TreeWriter::State::rendered's
  unsigned number;       // of the temporary
};

// Whether `dir` is absent or holds nothing but edgegen's lock file.
bool holds_only_the_lock(Disk& disk, const std::string& dir)
{
  std::vector<DirectoryEntry> entries;
  if (int error = disk.list(dir.empty() ? "." : dir, entries)) {
    return error == ENOENT;
  }
  return std::all_of(entries.begin(), entries.end(),
                     [](const DirectoryEntry& entry) { return entry.name == serialise::k_flock_path; });
}

} // namespace

struct TreeWriter::State
{
  // SIGINT and SIGTERM only noted until the destructor has tidied; first,
  // so that it ends last.
  CancelScope cancel_scope;
  // Set by the constructor, read-only while files come.
  Disk& disk;
  std::string out_dir;
  explicit State(Disk& d) : disk(d) {}
  // Held from before the previous edgegen.sum and the journal are read until
  // the end: the journal's recovery can never take a live render's
  // temporaries for a killed one's. Released after everything below.
  std::unique_ptr<DiskLock> output_lock;
  // With the paths of the journal of an interrupted render. Shared: the
  // rendered paths it lists are views of its copies (PathSet::view_known).
  std::shared_ptr<SumListing> previous = std::make_shared<SumListing>();
  SortedPaths pending;
  // The output directory holds nothing but edgegen's lock: no file can be in
  // the way of another, so each file is staged as it comes, in one pass.
  bool fresh = false;
  // Directories found real (probes) or made (staging); cleared when
  // finish() removes what is in the way.
  KnownDirectories known;
  std::mutex mutex; // guards everything below while files come
  // Every path rendered: the one copy of each that `changed`, `staged` and
  // the report refer to (a large edge writes tens of thousands of files).
  std::shared_ptr<PathSet> rendered = std::make_shared<PathSet>();
  // What the first pass found new or changed, with its size, for the second
  // pass to stage; `deferred`: it can only be staged once what is in its way
  // is gone.
  struct Change
  {
    size_t size;
    bool deferred;
  };
  std::map<std::string_view, Change> changed;
  // The changed files themselves, while they fit in k_held_limit bytes: a
  // render that changes that little stages them from here, without
  // rendering a second time (most renders change a few files).
  std::vector<serialise::RenderedFile> held;
  size_t held_bytes = 0;
  bool holding = true;
  std::vector<Staged> staged;
  // The bytes of the deferred files, which finish() stages after it removed
  // what is in their way. Rare: a file became a directory or the reverse.
  std::vector<serialise::RenderedFile> deferred;
  std::map<std::string, std::string> refusals; // path -> why it cannot be written
  InTheWay in_the_way;
  std::vector<std::string> created_dirs; // in creation order, removed again on failure
  WriteReport report;
  bool finished = false;

  // mkdir -p of the directory of `rel`, remembering what it created.
  void make_directories_of(const std::string& rel)
  {
    size_t slash = rel.rfind('/');
    std::string_view parent = slash == std::string::npos ? std::string_view() : std::string_view(rel).substr(0, slash);
    std::string dir = parent.empty() ? out_dir : join_path(out_dir, parent);
    if (dir.empty() || known.contains(parent)) {
      return;
    }
    make_directories(disk, dir, created_dirs);
    known.insert(parent); // "" stands for out_dir itself
  }

  // Keeps a changed file for the second pass while they fit; under `mutex`.
  void hold(serialise::RenderedFile file)
  {
    if (holding && held_bytes + file.bytes.size() <= k_held_limit) {
      held_bytes += file.bytes.size();
      held.push_back(std::move(file));
    } else if (holding) {
      holding = false;
      std::vector<serialise::RenderedFile>().swap(held);
    }
  }

  bool journal_started = false;
  std::unique_ptr<PendingAppender> journal; // open while files are staged

  // `path`: the file's path, as `rendered` holds it.
  void stage(const serialise::RenderedFile& file, std::string_view path)
  {
    {
      std::lock_guard<std::mutex> lock(mutex);
      // The journal names the file before its temporary exists: killed from
      // here on, the next render knows the temporary for edgegen's own.
      if (!journal_started) {
        make_directories_of(std::string(serialise::k_pending_path));
        write_pending(disk, out_dir, previous->paths); // with the paths of an earlier journal
        journal = std::make_unique<PendingAppender>(disk, out_dir);
        journal_started = true;
      }
      journal->append(file.path);
      make_directories_of(file.path);
    }
    AtomicFile temporary(disk, join_path(out_dir, file.path));
    temporary.write(file.bytes);
    unsigned number = temporary.keep();
    std::lock_guard<std::mutex> lock(mutex);
    staged.push_back({file.rank, path, number});
  }

  // Removes the temporaries of staged[from...], which are not in place.
  void remove_temporaries(size_t from)
  {
    for (size_t i = from; i < staged.size(); ++i) {
      disk.remove_file(temporary_path(join_path(out_dir, staged[i].path), staged[i].number));
    }
    staged.clear();
  }
};

TreeWriter::TreeWriter(Disk& disk, std::string out_dir, std::chrono::milliseconds lock_timeout)
    : m_state(std::make_unique<State>(disk))
{
  State& s = *m_state;
  s.out_dir = std::move(out_dir);
  EntryKind kind;
  if (!s.out_dir.empty() && disk.status(s.out_dir, true, kind) == 0 && kind != EntryKind::directory) {
    throw util::EnvironmentError("cannot write to " + s.out_dir + ": it is not a directory");
  }
  s.output_lock = disk.lock(s.out_dir, true, lock_timeout);
  try {
    *s.previous = read_sum(disk, s.out_dir);
    if (s.previous->bad_line != 0) {
      throw util::EnvironmentError("refusing to overwrite " + join_path(s.out_dir, serialise::k_sum_path) +
                                   ": it is not an edgegen.sum that edgegen wrote (line " +
                                   std::to_string(s.previous->bad_line) + ")");
    }
    // Files an interrupted render was putting in place are ours too.
    s.pending = read_pending(disk, s.out_dir);
    for (std::string_view path : s.pending) {
      s.previous->paths.add(path);
    }
    s.previous->paths.seal();
    s.rendered->view_known(std::shared_ptr<const SortedPaths>(s.previous, &s.previous->paths));
    // Most renders render what the last one did, and most of it unchanged.
    s.rendered->reserve(s.previous->paths.size());
    s.report.unchanged.reserve(s.previous->paths.size());
    s.fresh = !s.previous->present && s.pending.empty() && holds_only_the_lock(disk, s.out_dir);
  } catch (...) {
    s.output_lock->remove_created(); // the destructor does not run
    throw;
  }
}

TreeWriter::~TreeWriter()
{
  if (!m_state || m_state->finished) {
    return;
  }
  // An error before finish(): the temporaries go, the journal is as it
  // was, then the directories made for them go, deepest first.
  m_state->remove_temporaries(0);
  m_state->journal.reset();
  try {
    if (m_state->journal_started) {
      m_state->pending.empty() ? remove_pending(m_state->disk, m_state->out_dir)
                               : write_pending(m_state->disk, m_state->out_dir, m_state->pending);
    }
  } catch (const std::exception&) {
    // Best effort: the journal only ever lists more of edgegen's own paths.
  }
  for (auto it = m_state->created_dirs.rbegin(); it != m_state->created_dirs.rend(); ++it) {
    m_state->disk.remove_directory(*it);
  }
  m_state->output_lock->remove_created();
}

void TreeWriter::check(serialise::RenderedFile file)
{
  State& s = *m_state;
  if (!serialise::is_valid_output_path(file.path)) {
    throw std::logic_error("invalid output path \"" + file.path + "\"");
  }
  std::string_view path; // the one copy, which `changed` and `staged` refer to
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    path = s.rendered->insert(file.path); // `changed` is for the second pass, which a fresh render has not
  }
  if (s.fresh) {
    // Nothing to compare with nor to refuse: staged at once (a directory
    // made for it, or a path rendered twice, is found as the writer ends).
    stop_if_cancelled(s.out_dir, false);
    s.stage(file, path);
    return;
  }
  // Files come from several threads in no fixed order: a refusal is kept,
  // and write() reports the one of the first path, the same every run.
  try {
    check_one(std::move(file), path);
  } catch (const util::EnvironmentError& e) {
    std::lock_guard<std::mutex> lock(s.mutex);
    s.refusals.emplace(path, e.what());
  }
}

void TreeWriter::check_one(serialise::RenderedFile file, std::string_view path)
{
  State& s = *m_state;
  stop_if_cancelled(s.out_dir, false);
  // A path rendered now cannot also be a directory of one (the renderer checks),
  // so whatever of an earlier render is in the way is an orphan.
  const SortedPaths& earlier = s.previous->paths;
  std::string full = join_path(s.out_dir, file.path);
  Probe found = probe(s.disk, s.out_dir, file.path, s.known);
  if (!found.blocker.empty()) {
    if (!earlier.contains(found.blocker) || probe(s.disk, s.out_dir, found.blocker).kind != EntryKind::file) {
      throw util::EnvironmentError("cannot write " + full + ": " + join_path(s.out_dir, found.blocker) +
                                   " is not a directory");
    }
    std::lock_guard<std::mutex> lock(s.mutex);
    s.in_the_way.files.insert(found.blocker);
    s.changed[path] = {file.bytes.size(), true};
    s.hold(std::move(file));
    return;
  }
  if (found.kind == EntryKind::directory) {
    std::lock_guard<std::mutex> lock(s.mutex);
    clear_directory_or_throw(s.disk, s.out_dir, file.path, earlier, s.in_the_way);
    s.changed[path] = {file.bytes.size(), true};
    s.hold(std::move(file));
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
    if (s.disk.has_bytes(full, file.bytes)) {
      std::lock_guard<std::mutex> lock(s.mutex);
      s.report.unchanged.push_back(path);
      return;
    }
    bool ours = earlier.contains(file.path) || (file.path == serialise::k_sum_path && s.previous->bad_line == 0);
    if (!ours) {
      throw util::EnvironmentError("refusing to overwrite " + full +
                                   ": edgegen did not write it (it is not listed in edgegen.sum)");
    }
  }
  std::lock_guard<std::mutex> lock(s.mutex);
  s.changed[path] = {file.bytes.size(), false};
  s.hold(std::move(file));
}

void TreeWriter::stage(serialise::RenderedFile file)
{
  State& s = *m_state;
  stop_if_cancelled(s.out_dir, false);
  auto change = s.changed.find(file.path); // read-only in this pass
  if (change == s.changed.end()) {
    if (!s.rendered->count(file.path)) {
      throw std::logic_error("output path \"" + file.path + "\" was not rendered the first time");
    }
    return; // unchanged
  }
  if (change->second.size != file.bytes.size()) {
    throw std::logic_error("output path \"" + file.path + "\" was rendered differently the second time");
  }
  if (change->second.deferred) {
    std::lock_guard<std::mutex> lock(s.mutex);
    s.deferred.push_back(std::move(file));
    return;
  }
  s.stage(file, change->first);
}

WriteReport TreeWriter::write(const std::function<void(const FileSink&)>& produce)
{
  State& s = *m_state;
  produce([this](serialise::RenderedFile file) { check(std::move(file)); });
  s.rendered->seal();
  if (!s.refusals.empty()) {
    throw util::EnvironmentError(s.refusals.begin()->second);
  }
  if (s.fresh) {
    return finish(); // staged as they came
  }
  s.staged.reserve(s.changed.size());
  if (s.holding) {
    for (serialise::RenderedFile& file : s.held) {
      stage(std::move(file));
    }
    std::vector<serialise::RenderedFile>().swap(s.held);
  } else {
    produce([this](serialise::RenderedFile file) { stage(std::move(file)); });
  }
  if (s.staged.size() + s.deferred.size() != s.changed.size()) {
    throw std::logic_error("the second rendering produced fewer files than the first");
  }
  return finish();
}

WriteReport TreeWriter::finish()
{
  State& s = *m_state;
  Disk& disk = s.disk;
  const std::string& out_dir = s.out_dir;
  stop_if_cancelled(out_dir, false);
  WriteReport& report = s.report;
  // Sorted, as the previous paths are.
  std::vector<std::string_view> orphans;
  for (std::string_view path : s.previous->paths) {
    if (!s.rendered->count(path) && path != serialise::k_sum_path) {
      orphans.push_back(path);
    }
  }
  // Every path edgegen rendered now or before (edgegen.sum, .edgegen.pending
  // and an earlier journal's among them), sorted, each once.
  std::vector<std::string_view> ours;
  ours.reserve(s.previous->paths.size() + s.rendered->size());
  std::set_union(s.previous->paths.begin(), s.previous->paths.end(), s.rendered->begin(), s.rendered->end(),
                 std::back_inserter(ours));
  for (const std::string& rel : s.in_the_way.temporaries) {
    remove_file(disk, out_dir, rel);
  }
  for (const std::string& rel : s.in_the_way.files) {
    if (remove_file(disk, out_dir, rel)) {
      report.removed.push_back(rel);
    }
  }
  // Deepest first: "a/b" sorts after "a", so reverse order empties "a" first.
  for (auto it = s.in_the_way.dirs.rbegin(); it != s.in_the_way.dirs.rend(); ++it) {
    std::string dir = join_path(out_dir, *it);
    if (int error = disk.remove_directory(dir); error != 0 && error != ENOENT) {
      throw_io_error("cannot remove directory", dir, error);
    }
  }
  for (const std::string& rel : s.in_the_way.files) {
    prune_parents(disk, out_dir, rel);
  }
  s.known.clear(); // some may be gone now
  for (const serialise::RenderedFile& file : s.deferred) {
    s.stage(file, s.changed.find(file.path)->first);
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
    // Stopped before the renames, the destructor puts back the journal as
    // it was (s.pending).
    write_pending(disk, out_dir, ours);
    disk.sync_file_system(out_dir);
  }
  if (s.in_the_way.files.empty() && s.in_the_way.dirs.empty()) {
    stop_if_cancelled(out_dir, false); // the sync of a large render takes a while
  }
  s.finished = true; // from here on, what is staged is put in place
  report.written.reserve(s.staged.size());
  for (size_t i = 0; i < s.staged.size(); ++i) {
    const Staged& staged = s.staged[i];
    std::string target = join_path(out_dir, staged.path);
    if (int error = disk.rename(temporary_path(target, staged.number), target)) {
      s.remove_temporaries(i); // the destructor does not: finished is set
      throw_io_error("cannot write", target, error);
    }
    report.written.push_back(staged.path);
  }
  if (!s.staged.empty()) {
    disk.sync_file_system(out_dir); // the renames, before anything old is removed
  }
  // Orphans go last: until the new files are in place, the old
  // ones may still be referenced by what a watcher has loaded.
  for (std::string_view rel : orphans) {
    if (s.in_the_way.files.count(rel)) {
      continue;
    }
    if (remove_file(disk, out_dir, rel)) {
      report.removed.emplace_back(rel);
      prune_parents(disk, out_dir, rel);
    }
  }
  remove_stale_temporaries(disk, out_dir, ours);
  // A render killed while staging may have made the directory of a file it
  // never put in place: listed by its journal, that file is an orphan now,
  // and its directory, empty once the temporaries are gone, goes with it.
  for (std::string_view rel : orphans) {
    prune_parents(disk, out_dir, rel);
  }
  remove_pending(disk, out_dir);
  std::sort(report.written.begin(), report.written.end());
  std::sort(report.unchanged.begin(), report.unchanged.end());
  report.rendered = s.rendered;
  std::sort(report.removed.begin(), report.removed.end());
  stop_if_cancelled(out_dir, true);
  return std::move(report);
}

WriteReport write_tree(Disk& disk, const std::string& out_dir, const std::vector<serialise::RenderedFile>& files)
{
  std::vector<std::string_view> paths;
  for (const serialise::RenderedFile& file : files) {
    paths.push_back(file.path);
  }
  serialise::check_output_paths(std::move(paths));
  TreeWriter writer(disk, out_dir);
  return writer.write([&](const FileSink& sink) {
    for (const serialise::RenderedFile& file : files) {
      sink(file);
    }
  });
}

} // namespace edgegen::write
