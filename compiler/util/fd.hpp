#pragma once

#include <sys/types.h>

#include <cstddef>

namespace edgegen::util {

// A file descriptor, closed on scope exit (descriptors read from need no
// error check on close). A negative one holds nothing.
class Fd
{
public:
  explicit Fd(int fd) : m_fd(fd) {}
  ~Fd();
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return m_fd; }

private:
  int m_fd;
};

// read(2) into `buffer` until `size` bytes or the end of the file, again
// where a signal interrupted it: the count, or -1 with errno set.
ssize_t read_full(int fd, char* buffer, size_t size);

} // namespace edgegen::util
