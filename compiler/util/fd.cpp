#include "util/fd.hpp"

#include <unistd.h>

#include <cerrno>

namespace edgegen::util {

Fd::~Fd()
{
  if (m_fd >= 0) {
    ::close(m_fd);
  }
}

ssize_t read_full(int fd, char* buffer, size_t size)
{
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::read(fd, buffer + done, size - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return -1;
    }
    if (n == 0) {
      break;
    }
    done += static_cast<size_t>(n);
  }
  return static_cast<ssize_t>(done);
}

} // namespace edgegen::util
