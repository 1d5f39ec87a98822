#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// The output directory as the write rules see it (as ninja's
// DiskInterface): the few POSIX operations they use, behind an interface, so
// that the rules run on the real file system (real_disk(), posix_disk.cpp,
// the only code of write/ that makes system calls on the tree) or on a
// MemoryDisk in the unit tests. Paths are as the callers join them
// ("<out_dir>/<rel>"). Operations that callers handle case by case return 0
// or an errno value; the others throw util::EnvironmentError naming the path
// and the system's reason, as the callers did before.
namespace edgegen::write {

enum class EntryKind { absent, file, directory, other };

struct DirectoryEntry
{
  std::string name;
  EntryKind kind; // lstat(2) of the entry: a symbolic link is `other`
};

// A file open for writing. Failures throw "cannot write <path>: <reason>".
class DiskFile
{
public:
  virtual ~DiskFile() = default;
  virtual void write(std::string_view bytes) = 0; // all of it, appended
  virtual void sync() = 0;                        // fsync(2)
  virtual void close() = 0;                       // once; the destructor closes otherwise
};

// A lock on an output directory (OutputLock on the real disk).
class DiskLock
{
public:
  virtual ~DiskLock() = default;
  // For a render that fails: removes what taking the lock created.
  virtual void remove_created() = 0;
};

class Disk
{
public:
  virtual ~Disk() = default;
  // lstat(2), or stat(2) when `follow`; `kind` is absent when it fails.
  virtual int status(const std::string& path, bool follow, EntryKind& kind) = 0;
  // Whether the regular file at `path` holds exactly `expected`. Throws
  // "cannot open", "cannot inspect", "cannot read".
  virtual bool has_bytes(const std::string& path, std::string_view expected) = 0;
  // Throws "cannot open", "cannot read".
  virtual std::string read_file(const std::string& path) = 0;
  // The entries of a directory, sorted by name, without "." and ".."; an
  // entry removed meanwhile is left out, one that cannot be inspected throws
  // "cannot inspect". Returns 0 or the errno of opening or reading it.
  virtual int list(const std::string& path, std::vector<DirectoryEntry>& entries) = 0;
  virtual int make_directory(const std::string& path) = 0;   // mkdir(2), mode 0777
  virtual int remove_directory(const std::string& path) = 0; // rmdir(2)
  virtual int remove_file(const std::string& path) = 0;      // unlink(2)
  virtual int rename(const std::string& from, const std::string& to) = 0;
  virtual int link(const std::string& from, const std::string& to) = 0;
  // open(2) with O_CREAT | O_EXCL, mode 0666: nullptr with `error` set when
  // it fails (EEXIST when something is there).
  virtual std::unique_ptr<DiskFile> create_new(const std::string& path, int& error) = 0;
  // An existing file opened to append; throws "cannot open".
  virtual std::unique_ptr<DiskFile> open_append(const std::string& path) = 0;
  // syncfs(2) on the file system holding `dir`; throws "cannot open", "cannot sync".
  virtual void sync_file_system(const std::string& dir) = 0;
  // OutputLock, exclusive (a render; creates out_dir) or shared.
  virtual std::unique_ptr<DiskLock> lock(const std::string& out_dir, bool exclusive,
                                         std::chrono::milliseconds timeout) = 0;
};

// The process's file system.
Disk& real_disk();

} // namespace edgegen::write
