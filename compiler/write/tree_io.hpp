#pragma once

#include "write/disk.hpp"
#include "write/sorted_paths.hpp"

#include <cstddef>
#include <iterator>
#include <set>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

// Internal to write/: read-only looks at the output directory, shared by
// write_tree and compare_tree. Every failure is a util::EnvironmentError
// naming the path and the system's reason.
namespace edgegen::write {

// "<out_dir>/<rel>" without a doubled '/'; used for I/O and for messages.
std::string join_path(const std::string& out_dir, std::string_view rel);

[[noreturn]] void throw_io_error(std::string_view action, const std::string& path, int error_number);

struct Probe
{
  EntryKind kind = EntryKind::absent;
  // The first ancestor of the path below out_dir that exists but is not a
  // real directory (a file or a symbolic link), relative; empty if none.
  // Symbolic links are never followed below out_dir, so that nothing is
  // read, written or deleted outside it.
  std::string blocker;
};

// What is at out_dir/rel (without following a symbolic link at the end
// either: a link is EntryKind::other).
Probe probe(Disk& disk, const std::string& out_dir, std::string_view rel);

// Directories below out_dir found to be real directories by one run, so
// that probing thousands of files in them does not inspect each directory
// again. Valid while nothing removes a directory. Thread-safe.
class KnownDirectories
{
public:
  bool contains(std::string_view rel) const;
  void insert(std::string_view rel);
  void clear();

private:
  mutable std::shared_mutex m_mutex; // read far more often than written
  std::set<std::string, std::less<>> m_directories;
};

// probe(), skipping the directories in `known` and adding those it finds.
Probe probe(Disk& disk, const std::string& out_dir, std::string_view rel, KnownDirectories& known);

// What is at `path`, not following a final symbolic link; absent if
// nothing is. Other failures throw "cannot inspect".
EntryKind kind_of(Disk& disk, const std::string& path);

// The paths that the edgegen.sum in out_dir lists.
struct SumListing
{
  bool present = false;
  // 0 if every line is "<sha256 hex>  <path>" (or " *<path>"), else the
  // first line that is not: an edgegen.sum that edgegen did not write.
  size_t bad_line = 0;
  // Valid relative paths only; absolute paths and ".." are never listed here,
  // so they are never deleted nor taken as edgegen's own.
  SortedPaths paths;
};
SumListing read_sum(Disk& disk, const std::string& out_dir);

} // namespace edgegen::write
