#pragma once

#include "emit/loaded_directory.hpp"
#include "emit/output.hpp"
#include "serialise/serialise.hpp"
#include "write/disk.hpp"
#include "write/sorted_paths.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace edgegen::write {

// How long a render waits for another edgegen to finish with the same
// output directory (`--lock-timeout`).
inline constexpr std::chrono::milliseconds k_default_lock_timeout{5000};

// The lock on an output directory: flock(2) on <out_dir>/.edgegen.flock,
// which the kernel releases when its holder exits, however it exits (a
// killed render never blocks the next one). A render holds it exclusively
// (TreeWriter) from before it reads the previous edgegen.sum and journal
// until its last file is in place; `render --check` holds it shared, so that
// it compares a whole tree, never one being rewritten. The exclusive holder
// writes its pid and the time into the file and empties it on release. The
// file stays (removing it would let two renders lock two files); no
// edgegen.sum lists it, so it is never an orphan nor a foreign file.
// Waits up to `timeout`, then throws util::EnvironmentError
// "another edgegen is writing <out_dir> (pid N since HH:MM:SS)..."; a wait
// inside a CancelScope ends with Cancelled at SIGINT or SIGTERM.
class OutputLock : public DiskLock
{
public:
  enum class Mode { shared, exclusive };
  // Exclusive: creates out_dir (and its parents) if missing. Shared: locks
  // nothing when out_dir is absent (a check creates nothing), or the lock
  // file is and cannot be created (a read-only tree that no edgegen of this
  // version rendered).
  OutputLock(const std::string& out_dir, Mode mode, std::chrono::milliseconds timeout);
  ~OutputLock() override;
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  // For a render that fails: removes the lock file if the constructor
  // created it (still holding it) and the directories it made, so that
  // out_dir is as it was. Exclusive only.
  void remove_created() override;

private:
  std::string m_path; // the lock file
  int m_fd = -1;
  Mode m_mode;
  bool m_created_file = false;
  std::vector<std::string> m_created_dirs; // in creation order
};

// Every path a render rendered (a large edge writes tens of thousands of
// files), in a SortedPaths: the set's own copies. Paths come in any order,
// and may come twice, until seal(); looking a path up or walking the set
// needs that.
class PathSet
{
public:
  // The set's copy of `path`; or, when the list given to view_known()
  // holds it, that list's copy.
  std::string_view insert(std::string_view path)
  {
    std::string_view kept = m_known ? m_known->find(path) : std::string_view();
    if (kept.data()) {
      m_paths.add_kept(kept);
      return kept;
    }
    return m_paths.add(path);
  }
  // Paths that `known` (sealed) lists are inserted as views of its copies,
  // not copied again; the set holds `known` as long as it lives. A warm
  // render renders mostly the paths the previous edgegen.sum lists.
  void view_known(std::shared_ptr<const SortedPaths> known) { m_known = std::move(known); }
  void reserve(size_t paths) { m_paths.reserve(paths); }
  void seal() { m_paths.seal(); }
  // Throw std::logic_error if paths were inserted since the last seal().
  size_t count(std::string_view path) const { return m_paths.contains(path) ? 1 : 0; }
  size_t size() const { return sealed().size(); }
  std::vector<std::string_view>::const_iterator begin() const { return sealed().begin(); }
  std::vector<std::string_view>::const_iterator end() const { return sealed().end(); }

private:
  const SortedPaths& sealed() const;

  std::shared_ptr<const SortedPaths> m_known;
  SortedPaths m_paths;
};

struct WriteReport
{
  // What `written` and `unchanged` view, together all of it; shared, so a
  // copy of the report views the same paths.
  std::shared_ptr<const PathSet> rendered;
  std::vector<std::string_view> written;   // new or changed
  std::vector<std::string_view> unchanged; // identical bytes, not rewritten (mtime kept)
  std::vector<std::string> removed;        // orphans listed by the previous edgegen.sum
};

// The functions below take the Disk to work on: real_disk() in production,
// a MemoryDisk in unit tests.

// Stage entry: brings `out_dir` to exactly `files`. Each changed file goes
// to a temporary name in its directory that no watcher loads (".*.tmp"),
// then is renamed into place, in rank order; identical files are not
// touched; files the previous edgegen.sum listed and `files` does not are
// removed last, with directories left empty by that. A file that exists at
// a path to write but that edgegen did not write (not in the previous
// edgegen.sum) is never overwritten: throws util::EnvironmentError.
// Every check (foreign files, an edgegen.sum edgegen did not write, symbolic
// links or files where a directory must go) runs before the first write.
// Symbolic links below out_dir are never followed, and entries of a previous
// edgegen.sum that are absolute or contain ".." are ignored, so nothing
// outside out_dir is written or deleted. A file of an earlier render that is
// in the way of a new directory (or the reverse) is removed before writing.
// I/O failures throw util::EnvironmentError naming the path and strerror.
WriteReport write_tree(Disk& disk, const std::string& out_dir, const std::vector<serialise::RenderedFile>& files);

// Where a render hands its files, one at a time, from any number of threads.
using FileSink = std::function<void(serialise::RenderedFile)>;

// write_tree one file at a time, so that a large render never holds its
// whole output. write(produce) calls `produce`, which hands every file of
// the render to the sink it is given, once to compare each file with what
// is on disk and check that it may be written, writing nothing: a file that
// must not be overwritten refuses the render before any temporary file,
// directory or journal is made (for the first such path, whatever order the
// files came in). The changed files are kept if they are few (4 MiB), else
// `produce` is called again and stages them as they come; then they go in
// place in rank order and the orphans go. `produce` must hand the same files
// both times (rendering is deterministic). A TreeWriter destroyed before its
// last file is in place (an error, or Cancelled by SIGINT or SIGTERM, with
// a CancelScope held throughout) removes what it staged, its journal and
// the directories it created, so out_dir is as it was, but for a file of an
// earlier render that was in the way of a new directory: that one is gone. Paths are the
// caller's to check as a whole (Renderer::finish, write_tree): only one that
// could leave out_dir is refused.
class TreeWriter
{
public:
  // Takes the exclusive lock first (disk.lock), waiting up to lock_timeout.
  TreeWriter(Disk& disk, std::string out_dir, std::chrono::milliseconds lock_timeout = k_default_lock_timeout);
  ~TreeWriter();
  TreeWriter(const TreeWriter&) = delete;
  TreeWriter& operator=(const TreeWriter&) = delete;

  // Once per TreeWriter.
  WriteReport write(const std::function<void(const FileSink&)>& produce);

private:
  void check(serialise::RenderedFile file);
  void check_one(serialise::RenderedFile file, std::string_view path);
  void stage(serialise::RenderedFile file);
  WriteReport finish();
  struct State;
  std::unique_ptr<State> m_state;
};

// For a partial render (--env): the files that the present edgegen.sum
// lists and `keep` selects, with their bytes as they are on disk, so that
// rendering one environment leaves the others' files and their checksums in
// place instead of removing them as orphans.
std::vector<emit::OutputFile> carry_over(Disk& disk, const std::string& out_dir,
                                         const std::function<bool(const std::string&)>& keep);

// A file that edgegen did not write, in a directory whose consumer reads it
// with the rendered files (emit::LoadedDirectory).
struct ForeignFile
{
  std::string path; // relative to out_dir
  emit::LoadedDirectory directory;
};

// The files below each of `loaded` in out_dir (in its subdirectories too when
// it is recursive) that its consumer reads and `known` does not take for
// edgegen's own (given a path relative to out_dir), sorted by path. Reads
// directory listings only; symbolic links are reported as entries (the
// consumer may read through them), never followed.
std::vector<ForeignFile> foreign_files(Disk& disk, const std::string& out_dir,
                                       const std::function<bool(std::string_view)>& known,
                                       const std::vector<emit::LoadedDirectory>& loaded);

// "<out>/prod/traefik/dynamic/manual.yml: not written by edgegen, and
// Traefik's file provider loads every .yml, .yaml and .toml file in
// <out>/prod/traefik/dynamic and its subdirectories".
std::string describe(const std::string& out_dir, const ForeignFile& file);

struct Drift
{
  std::vector<std::string> changed; // present with other bytes
  std::vector<std::string> missing; // to be written, absent
  std::vector<std::string> extra;   // listed by the present edgegen.sum, no longer rendered
  std::vector<ForeignFile> foreign; // neither rendered nor listed, where a consumer reads it
  bool empty() const { return changed.empty() && missing.empty() && extra.empty() && foreign.empty(); }
};

// `render --check`: what write_tree would change, without writing anything,
// and the foreign files in `loaded` that the edge would read with the tree.
// Other files edgegen did not write are not drift.
Drift compare_tree(Disk& disk, const std::string& out_dir, const std::vector<serialise::RenderedFile>& files,
                   const std::vector<emit::LoadedDirectory>& loaded = {});

// Where the edgegen.lock.json in out_dir says its tree was rendered from:
// origin, commit and tree of a Provenance (inputs empty); nullopt if there
// is no lock or edgegen did not write it. `render --check` adopts it, so
// that a tree rendered from the work tree passes a check from the commit or
// the index holding the same inputs: the drift gate compares content.
std::optional<serialise::Provenance> read_lock_source(Disk& disk, const std::string& out_dir);

} // namespace edgegen::write
