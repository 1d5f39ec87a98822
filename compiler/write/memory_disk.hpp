#pragma once

#include "write/disk.hpp"

#include <cstdint>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace edgegen::write {

// A Disk held in memory, for the unit tests of the write rules (as ninja's
// VirtualFileSystem): a map of paths to files (bytes), directories and
// symbolic links (entries of kind `other`, which lead nowhere). Errors are
// the errno values POSIX gives for the same call. "", "." and "/" are
// directories that always exist. The lock is only the directory an exclusive
// lock creates: there is no other process to keep out.
//
// Faults: every change (create, write, rename, link, remove, mkdir, rmdir)
// has an index, counted from 0; fail_at(n) makes change n fail as the system
// would (the call returns or throws `error`), and crash_at(n) makes change n
// throw Crash and ignore every change after it, as a process killed there
// leaves the disk (destructors run, but change nothing). Thread-safe.
class MemoryDisk : public Disk
{
public:
  struct Crash : std::runtime_error
  {
    Crash() : std::runtime_error("crashed") {}
  };

  MemoryDisk() = default;
  // The same entries; no faults, no log.
  MemoryDisk(const MemoryDisk& other);
  MemoryDisk& operator=(const MemoryDisk&) = delete;

  // Setting up, outside the counts: parents are made as needed.
  void put(const std::string& path, const std::string& bytes);
  void put_directory(const std::string& path);
  void put_link(const std::string& path);

  // What is below `dir`, relative: files with their bytes, directories as
  // "<path>/" with "", links as "<path>@".
  std::map<std::string, std::string> tree(const std::string& dir) const;
  // "" if `path` is not a file.
  std::string get(const std::string& path) const;

  void fail_at(size_t change, int error);
  void crash_at(size_t change);
  // Changes made so far, and what each was: "mkdir out", "create out/.a.tmp",
  // "write out/.a.tmp", "rename out/.a.tmp out/a", "link a b", "unlink a",
  // "rmdir out".
  size_t changes() const;
  std::vector<std::string> log() const;

  int status(const std::string& path, bool follow, EntryKind& kind) override;
  bool has_bytes(const std::string& path, std::string_view expected) override;
  std::string read_file(const std::string& path) override;
  int list(const std::string& path, std::vector<DirectoryEntry>& entries) override;
  int make_directory(const std::string& path) override;
  int remove_directory(const std::string& path) override;
  int remove_file(const std::string& path) override;
  int rename(const std::string& from, const std::string& to) override;
  int link(const std::string& from, const std::string& to) override;
  std::unique_ptr<DiskFile> create_new(const std::string& path, int& error) override;
  std::unique_ptr<DiskFile> open_append(const std::string& path) override;
  void sync_file_system(const std::string& dir) override;
  std::unique_ptr<DiskLock> lock(const std::string& out_dir, bool exclusive,
                                 std::chrono::milliseconds timeout) override;

private:
  class File;
  struct Node
  {
    EntryKind kind = EntryKind::file;
    std::string bytes;
  };
  enum class Fault { none, fail, ignore };
  // Counts a change, logs it; under m_mutex.
  Fault change(const std::string& what, int& error);
  // 0 if the parent of `path` is a directory, else ENOENT or ENOTDIR.
  int parent_error(const std::string& path) const;
  const Node* find(const std::string& path) const;
  std::string read_or_throw(const std::string& path) const;
  void append(const std::string& path, std::string_view bytes);

  mutable std::mutex m_mutex;
  std::map<std::string, Node> m_nodes;
  size_t m_changes = 0;
  size_t m_fail_at = SIZE_MAX;
  int m_fail_error = 0;
  size_t m_crash_at = SIZE_MAX;
  bool m_crashed = false;
  std::vector<std::string> m_log;
};

} // namespace edgegen::write
