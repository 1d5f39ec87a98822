#include "write/tree_io.hpp"

#include "util/errors.hpp"
#include "write/paths.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>

namespace edgegen::write {
namespace {

// Closes on scope exit; read-only descriptors need no error check on close.
class ReadFd
{
public:
  explicit ReadFd(const std::string& path) : m_fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC))
  {
    if (m_fd < 0) {
      throw_io_error("cannot open", path, errno);
    }
  }
  ~ReadFd() { ::close(m_fd); }
  ReadFd(const ReadFd&) = delete;
  ReadFd& operator=(const ReadFd&) = delete;
  int get() const { return m_fd; }

private:
  int m_fd;
};

// read(2) until `size` bytes or end of file; returns the count.
size_t read_some(int fd, char* buffer, size_t size, const std::string& path)
{
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::read(fd, buffer + done, size - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      throw_io_error("cannot read", path, errno);
    }
    if (n == 0) {
      break;
    }
    done += static_cast<size_t>(n);
  }
  return done;
}

bool is_hex(std::string_view s)
{
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

} // namespace

std::string join_path(const std::string& out_dir, std::string_view rel)
{
  if (out_dir.empty()) {
    return std::string(rel);
  }
  std::string path = out_dir;
  if (path.back() != '/') {
    path += '/';
  }
  path += rel;
  return path;
}

void throw_io_error(std::string_view action, const std::string& path, int error_number)
{
  throw util::EnvironmentError(std::string(action) + " " + path + ": " + std::strerror(error_number));
}

bool KnownDirectories::contains(std::string_view rel) const
{
  std::shared_lock<std::shared_mutex> lock(m_mutex);
  return m_directories.find(rel) != m_directories.end();
}

void KnownDirectories::insert(std::string_view rel)
{
  std::unique_lock<std::shared_mutex> lock(m_mutex);
  m_directories.emplace(rel);
}

void KnownDirectories::clear()
{
  std::unique_lock<std::shared_mutex> lock(m_mutex);
  m_directories.clear();
}

Probe probe(const std::string& out_dir, std::string_view rel)
{
  KnownDirectories none;
  return probe(out_dir, rel, none);
}

Probe probe(const std::string& out_dir, std::string_view rel, KnownDirectories& known)
{
  Probe result;
  struct stat st;
  for (size_t slash = rel.find('/'); slash != std::string_view::npos; slash = rel.find('/', slash + 1)) {
    if (known.contains(rel.substr(0, slash))) {
      continue;
    }
    std::string path = join_path(out_dir, rel.substr(0, slash));
    if (::lstat(path.c_str(), &st) != 0) {
      if (errno == ENOENT) {
        return result;
      }
      throw_io_error("cannot inspect", path, errno);
    }
    if (!S_ISDIR(st.st_mode)) {
      result.blocker = std::string(rel.substr(0, slash));
      return result;
    }
    known.insert(rel.substr(0, slash));
  }
  std::string path = join_path(out_dir, rel);
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) {
      return result;
    }
    throw_io_error("cannot inspect", path, errno);
  }
  result.kind = S_ISREG(st.st_mode) ? EntryKind::file : S_ISDIR(st.st_mode) ? EntryKind::directory : EntryKind::other;
  return result;
}

bool has_bytes(const std::string& path, std::string_view expected)
{
  ReadFd fd(path);
  struct stat st;
  if (::fstat(fd.get(), &st) != 0) {
    throw_io_error("cannot inspect", path, errno);
  }
  if (static_cast<uint64_t>(st.st_size) != expected.size()) {
    return false;
  }
  char buffer[64 * 1024];
  size_t offset = 0;
  while (true) {
    size_t n = read_some(fd.get(), buffer, sizeof buffer, path);
    if (n == 0) {
      return offset == expected.size(); // it may have shrunk since fstat
    }
    if (offset + n > expected.size() || std::memcmp(buffer, expected.data() + offset, n) != 0) {
      return false;
    }
    offset += n;
  }
}

std::string read_file(const std::string& path)
{
  ReadFd fd(path);
  std::string out;
  char buffer[64 * 1024];
  while (size_t n = read_some(fd.get(), buffer, sizeof buffer, path)) {
    out.append(buffer, n);
  }
  return out;
}

SumListing read_sum(const std::string& out_dir)
{
  SumListing listing;
  Probe sum = probe(out_dir, k_sum_path);
  if (sum.kind == EntryKind::absent) {
    return listing;
  }
  listing.present = true;
  if (sum.kind != EntryKind::file) {
    listing.bad_line = 1;
    return listing;
  }
  std::string text = read_file(join_path(out_dir, k_sum_path));
  size_t line_number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    std::string_view line(text.data() + start, end - start);
    start = end + 1;
    ++line_number;
    // sha256sum -c format: 64 hex digits, then "  " (text) or " *" (binary).
    if (line.size() < 67 || !is_hex(line.substr(0, 64)) || line[64] != ' ' || (line[65] != ' ' && line[65] != '*')) {
      if (listing.bad_line == 0) {
        listing.bad_line = line_number;
      }
      continue;
    }
    std::string_view path = line.substr(66);
    if (is_valid_output_path(path)) {
      listing.paths.emplace(path);
    }
  }
  return listing;
}

} // namespace edgegen::write
