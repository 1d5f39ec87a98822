// Two renders into one --out (overlapping CI jobs, an editor hook beside a
// manual run) must not interleave: one would put its files in place under
// the other's edgegen.sum, or remove the other's temporaries as those of a
// killed render. flock(2) serialises them, and the kernel drops the lock of
// a process that dies, so there is no stale lock to clean up by hand.
#include "serialise/paths.hpp"
#include "util/errors.hpp"
#include "write/cancel.hpp"
#include "write/tree_io.hpp"
#include "write/tree_ops.hpp"
#include "write/write.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <thread>

namespace edgegen::write {
namespace {

// Whether `fd` is still the file at `path`: a holder that removed it
// (remove_created) leaves a lock on a file nobody else can open.
bool is_linked(int fd, const std::string& path)
{
  struct stat held;
  struct stat named;
  return ::fstat(fd, &held) == 0 && ::lstat(path.c_str(), &named) == 0 && held.st_dev == named.st_dev &&
         held.st_ino == named.st_ino;
}

// "pid 4242 since 18:11:48" from what the exclusive holder wrote, or "" if
// it has not written it yet.
std::string holder_of(int fd)
{
  char buffer[64] = {};
  ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
  long long pid = 0;
  long long since = 0;
  if (n <= 0 || std::sscanf(buffer, "%lld %lld", &pid, &since) != 2 || pid <= 0) {
    return "";
  }
  std::time_t at = static_cast<std::time_t>(since);
  std::tm local{};
  char clock[16] = "?";
  if (::localtime_r(&at, &local)) {
    std::strftime(clock, sizeof clock, "%H:%M:%S", &local);
  }
  return "pid " + std::to_string(pid) + " since " + clock;
}

// Why the lock could not be had: a writer (who it is), or `render --check`
// runs, which hold it shared.
std::string busy_message(int fd, const std::string& out_dir, std::chrono::milliseconds timeout)
{
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%g", static_cast<double>(timeout.count()) / 1000);
  std::string waited = std::string("; waited ") + seconds + " s (--lock-timeout)";
  if (::flock(fd, LOCK_SH | LOCK_NB) == 0) {
    ::flock(fd, LOCK_UN);
    return "another edgegen is checking " + out_dir + " (render --check)" + waited;
  }
  std::string holder = holder_of(fd);
  return "another edgegen is writing " + out_dir + (holder.empty() ? "" : " (" + holder + ")") + waited;
}

} // namespace

OutputLock::OutputLock(const std::string& out_dir, Mode mode, std::chrono::milliseconds timeout)
    : m_path(join_path(out_dir.empty() ? "." : out_dir, serialise::k_flock_path)), m_mode(mode)
{
  std::string dir = out_dir.empty() ? "." : out_dir;
  if (mode == Mode::exclusive) {
    make_directories(real_disk(), dir, m_created_dirs);
  }
  auto deadline = std::chrono::steady_clock::now() + timeout;
  std::chrono::milliseconds delay{1};
  while (true) {
    int flags = (mode == Mode::exclusive ? O_RDWR : O_RDONLY) | O_CLOEXEC;
    m_fd = ::open(m_path.c_str(), flags | O_CREAT | O_EXCL, 0666);
    m_created_file = m_fd >= 0;
    if (m_fd < 0 && errno == EEXIST) {
      m_fd = ::open(m_path.c_str(), flags);
      if (m_fd < 0 && errno == ENOENT) {
        continue; // removed meanwhile by a render that had created it
      }
    }
    if (m_fd < 0 && errno == ENOENT && mode == Mode::exclusive) {
      // A render that had created out_dir failed and removed it again.
      make_directories(real_disk(), dir, m_created_dirs);
      continue;
    }
    if (m_fd < 0) {
      int error = errno;
      if (mode == Mode::shared && (error == ENOENT || error == EACCES || error == EROFS || error == EPERM)) {
        return; // nothing to lock: see the header
      }
      throw_io_error("cannot create", m_path, error);
    }
    while (::flock(m_fd, (mode == Mode::exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
      int error = errno;
      if (error == EINTR) {
        continue;
      }
      if (error != EWOULDBLOCK) {
        ::close(m_fd);
        m_fd = -1;
        throw_io_error("cannot lock", m_path, error);
      }
      if (int signal = cancel_signal()) { // a writer waiting holds a CancelScope
        ::close(m_fd);
        m_fd = -1;
        throw Cancelled(signal, "stopped by " + signal_name(signal) +
                                    " while waiting for another edgegen to finish with " + out_dir);
      }
      auto now = std::chrono::steady_clock::now();
      if (now >= deadline) {
        std::string message = busy_message(m_fd, out_dir, timeout);
        ::close(m_fd);
        m_fd = -1;
        throw util::EnvironmentError(message);
      }
      // Polled: flock(2) has no timeout. Short at first, as most renders
      // are short; then at most every 50 ms.
      std::this_thread::sleep_for(
          std::min(delay, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now)));
      delay = std::min(delay * 2, std::chrono::milliseconds{50});
    }
    if (is_linked(m_fd, m_path)) {
      break;
    }
    ::close(m_fd); // locked a file its holder removed: lock the one there now
    m_fd = -1;
  }
  if (mode == Mode::exclusive) {
    // Who holds it, for the message of the next render that has to wait.
    // Best effort: a render is not refused because this could not be written.
    std::string record = std::to_string(::getpid()) + " " + std::to_string(std::time(nullptr)) + "\n";
    if (::pwrite(m_fd, record.data(), record.size(), 0) == static_cast<ssize_t>(record.size())) {
      (void)::ftruncate(m_fd, static_cast<off_t>(record.size()));
    }
  }
}

OutputLock::~OutputLock()
{
  if (m_fd < 0) {
    return;
  }
  if (m_mode == Mode::exclusive) {
    (void)::ftruncate(m_fd, 0); // released: nobody is writing
  }
  ::close(m_fd); // releases the lock
}

void OutputLock::remove_created()
{
  if (m_fd < 0 || m_mode != Mode::exclusive || !m_created_file) {
    return;
  }
  ::unlink(m_path.c_str()); // held: a render waiting for it sees it gone and starts over
  m_created_file = false;
  for (auto it = m_created_dirs.rbegin(); it != m_created_dirs.rend(); ++it) {
    ::rmdir(it->c_str());
  }
  m_created_dirs.clear();
}

} // namespace edgegen::write
