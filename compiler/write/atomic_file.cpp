#include "write/atomic_file.hpp"

#include "write/tree_io.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>

namespace edgegen::write {
namespace {

// Leaves room for ".<pid>.<n>.tmp" within NAME_MAX (255).
constexpr size_t k_max_base_name = 200;

std::atomic<unsigned> g_temp_counter{0};

std::string temp_path_for(const std::string& path)
{
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  name.resize(std::min(name.size(), k_max_base_name));
  static const std::string pid = std::to_string(::getpid()); // one process writes a tree
  return dir + "." + name + "." + pid + "." + std::to_string(g_temp_counter++) + ".tmp";
}

} // namespace

AtomicFile::AtomicFile(std::string path) : m_path(std::move(path))
{
  // O_EXCL with a fresh name on collision: a leftover temporary file from a
  // killed run (or anyone else's file) is never opened, let alone truncated.
  // Mode 0666 lets the umask decide, as for any file a tool creates; mkstemp's
  // 0600 would hide the config from a Traefik running as another user.
  for (int attempt = 0; attempt < 100; ++attempt) {
    m_temp_path = temp_path_for(m_path);
    m_fd = ::open(m_temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (m_fd >= 0) {
      return;
    }
    if (errno != EEXIST) {
      throw_io_error("cannot create", m_temp_path, errno);
    }
  }
  throw_io_error("cannot create", m_temp_path, EEXIST);
}

AtomicFile::~AtomicFile()
{
  if (m_fd >= 0) {
    ::close(m_fd);
  }
  if (!m_committed) {
    ::unlink(m_temp_path.c_str());
  }
}

void AtomicFile::write(std::string_view bytes)
{
  while (!bytes.empty()) {
    ssize_t n = ::write(m_fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      throw_io_error("cannot write", m_temp_path, errno);
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
}

void AtomicFile::close()
{
  int fd = m_fd;
  m_fd = -1;
  if (fd >= 0 && ::close(fd) != 0) {
    throw_io_error("cannot write", m_temp_path, errno);
  }
}

void AtomicFile::commit()
{
  // fsync before rename: otherwise a crash can leave the new name pointing at
  // an empty file on some file systems.
  if (m_fd >= 0 && ::fsync(m_fd) != 0) {
    throw_io_error("cannot write", m_temp_path, errno);
  }
  close();
  if (::rename(m_temp_path.c_str(), m_path.c_str()) != 0) {
    throw_io_error("cannot write", m_path, errno);
  }
  m_committed = true;
}

bool AtomicFile::commit_new()
{
  if (m_fd >= 0 && ::fsync(m_fd) != 0) {
    throw_io_error("cannot write", m_temp_path, errno);
  }
  close();
  if (::link(m_temp_path.c_str(), m_path.c_str()) != 0) {
    if (errno == EEXIST) {
      return false; // the destructor removes the temporary file
    }
    throw_io_error("cannot write", m_path, errno);
  }
  m_committed = true;
  ::unlink(m_temp_path.c_str()); // the file stays under its own name
  return true;
}

} // namespace edgegen::write
