#include "write/atomic_file.hpp"

#include "write/tree_io.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>

namespace edgegen::write {
namespace {

// Leaves room for ".<pid>.<n>.tmp" within NAME_MAX (255).
constexpr size_t k_max_base_name = 200;

std::atomic<unsigned> g_temp_counter{0};

} // namespace

std::string temporary_path(const std::string& path, unsigned number)
{
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  name.resize(std::min(name.size(), k_max_base_name));
  static const std::string pid = std::to_string(::getpid()); // one process writes a tree
  return dir + "." + name + "." + pid + "." + std::to_string(number) + ".tmp";
}

AtomicFile::AtomicFile(Disk& disk, std::string path) : m_disk(disk), m_path(std::move(path))
{
  // O_EXCL with a fresh name on collision: a leftover temporary file from a
  // killed run (or anyone else's file) is never opened, let alone truncated.
  // Mode 0666 lets the umask decide, as for any file a tool creates; mkstemp's
  // 0600 would hide the config from a Traefik running as another user.
  for (int attempt = 0; attempt < 100; ++attempt) {
    m_number = g_temp_counter++;
    int error = 0;
    m_file = m_disk.create_new(temp_path(), error);
    if (m_file) {
      return;
    }
    if (error != EEXIST) {
      throw_io_error("cannot create", temp_path(), error);
    }
  }
  throw_io_error("cannot create", temp_path(), EEXIST);
}

AtomicFile::~AtomicFile()
{
  m_file.reset();
  if (!m_committed) {
    m_disk.remove_file(temp_path());
  }
}

void AtomicFile::write(std::string_view bytes)
{
  m_file->write(bytes);
}

void AtomicFile::close()
{
  std::unique_ptr<DiskFile> file = std::move(m_file);
  if (file) {
    file->close();
  }
}

unsigned AtomicFile::keep()
{
  close();
  m_committed = true; // the caller's now
  return m_number;
}

void AtomicFile::commit()
{
  // fsync before rename: otherwise a crash can leave the new name pointing at
  // an empty file on some file systems.
  if (m_file) {
    m_file->sync();
  }
  close();
  if (int error = m_disk.rename(temp_path(), m_path)) {
    throw_io_error("cannot write", m_path, error);
  }
  m_committed = true;
}

bool AtomicFile::commit_new()
{
  if (m_file) {
    m_file->sync();
  }
  close();
  if (int error = m_disk.link(temp_path(), m_path)) {
    if (error == EEXIST) {
      return false; // the destructor removes the temporary file
    }
    throw_io_error("cannot write", m_path, error);
  }
  m_committed = true;
  m_disk.remove_file(temp_path()); // the file stays under its own name
  return true;
}

} // namespace edgegen::write
