#pragma once

#include "write/disk.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace edgegen::write {

// The temporary beside `path` numbered `number`: ".<name>.<pid>.<number>.tmp"
// in the same directory.
std::string temporary_path(const std::string& path, unsigned number);

// A file replaced atomically (as ccache's core/atomicfile.hpp): the bytes go
// to a temporary file in the destination's own directory, and commit()
// renames it over the destination, so a reader sees the old file or the new
// one, never a mix. commit() fsyncs the data first unless close() was called
// before, in which case the caller makes it durable (write_tree syncs the
// file system once for all of its files: one flush instead of thousands). The temporary name is
// ".<name>.<pid>.<n>.tmp": hidden, and never ending in .yml/.yaml/.toml/.json,
// so a watching Traefik does not load a half-written file. Destroyed without
// commit() (an error, an exception), it removes the temporary file.
// Failures throw util::EnvironmentError with the path and strerror.
class AtomicFile
{
public:
  AtomicFile(Disk& disk, std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view bytes);
  // Closes the temporary file without fsync; commit() then only renames.
  void close();
  void commit();
  // As commit(), but never replaces what is at path(): returns false, with
  // nothing changed and the temporary file removed, when something exists
  // there, even if it appeared after the check that made the caller write
  // (a hard link, which fails if the name is taken; rename(2) would replace).
  bool commit_new();

  // Closes the temporary and leaves it to the caller, who puts it in place
  // (renames temporary_path(path(), number) to path()) or removes it: the
  // number it returns. The destructor then does nothing.
  unsigned keep();

  const std::string& path() const { return m_path; }
  std::string temp_path() const { return temporary_path(m_path, m_number); }

private:
  Disk& m_disk;
  std::string m_path;
  unsigned m_number = 0;            // of the temporary: its name is made again when needed
  std::unique_ptr<DiskFile> m_file; // open until close() or commit()
  bool m_committed = false;
};

} // namespace edgegen::write
