// The real disk: the one place of write/ that makes system calls on the
// output tree (OutputLock, output_lock.cpp, holds its own descriptor).
#include "util/errors.hpp"
#include "util/fd.hpp"
#include "write/disk.hpp"
#include "write/tree_io.hpp"
#include "write/write.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace edgegen::write {
namespace {

// A descriptor opened for reading, or the error that says why not.
class ReadFd : public util::Fd
{
public:
  explicit ReadFd(const std::string& path) : util::Fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC))
  {
    if (get() < 0) {
      throw_io_error("cannot open", path, errno);
    }
  }
};

// read(2) until `size` bytes or end of file; returns the count.
size_t read_some(int fd, char* buffer, size_t size, const std::string& path)
{
  ssize_t n = util::read_full(fd, buffer, size);
  if (n < 0) {
    throw_io_error("cannot read", path, errno);
  }
  return static_cast<size_t>(n);
}

EntryKind kind_of(mode_t mode)
{
  return S_ISREG(mode) ? EntryKind::file : S_ISDIR(mode) ? EntryKind::directory : EntryKind::other;
}

int result(int rc)
{
  return rc == 0 ? 0 : errno;
}

class PosixFile : public DiskFile
{
public:
  PosixFile(std::string path, int fd) : m_path(std::move(path)), m_fd(fd) {}
  ~PosixFile() override
  {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  void write(std::string_view bytes) override
  {
    while (!bytes.empty()) {
      ssize_t n = ::write(m_fd, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n < 0) {
        throw_io_error("cannot write", m_path, errno);
      }
      bytes.remove_prefix(static_cast<size_t>(n));
    }
  }
  void sync() override
  {
    if (::fsync(m_fd) != 0) {
      throw_io_error("cannot write", m_path, errno);
    }
  }
  void close() override
  {
    int fd = m_fd;
    m_fd = -1;
    if (fd >= 0 && ::close(fd) != 0) {
      throw_io_error("cannot write", m_path, errno);
    }
  }

private:
  std::string m_path;
  int m_fd;
};

class Directory
{
public:
  explicit Directory(const std::string& path) : m_dir(::opendir(path.c_str())) {}
  ~Directory()
  {
    if (m_dir) {
      ::closedir(m_dir);
    }
  }
  Directory(const Directory&) = delete;
  Directory& operator=(const Directory&) = delete;
  DIR* get() const { return m_dir; }

private:
  DIR* m_dir;
};

class PosixDisk : public Disk
{
public:
  int status(const std::string& path, bool follow, EntryKind& kind) override
  {
    struct stat st;
    kind = EntryKind::absent;
    if ((follow ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st)) != 0) {
      return errno;
    }
    kind = kind_of(st.st_mode);
    return 0;
  }

  bool has_bytes(const std::string& path, std::string_view expected) override
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

  std::string read_file(const std::string& path) override
  {
    ReadFd fd(path);
    std::string out;
    char buffer[64 * 1024];
    while (size_t n = read_some(fd.get(), buffer, sizeof buffer, path)) {
      out.append(buffer, n);
    }
    return out;
  }

  int list(const std::string& path, std::vector<DirectoryEntry>& entries) override
  {
    Directory dir(path);
    if (!dir.get()) {
      return errno;
    }
    errno = 0;
    while (const dirent* entry = ::readdir(dir.get())) {
      std::string name = entry->d_name;
      if (name == "." || name == "..") {
        continue;
      }
      // The entry's type as the directory holds it (ext4, XFS, Btrfs and
      // tmpfs do), as lstat would say it: a render lists every output
      // directory twice, and an lstat per file was most of that.
      switch (entry->d_type) {
      case DT_REG:
        entries.push_back({std::move(name), EntryKind::file});
        break;
      case DT_DIR:
        entries.push_back({std::move(name), EntryKind::directory});
        break;
      case DT_UNKNOWN: {
        std::string full = join_path(path, name);
        struct stat st;
        if (::lstat(full.c_str(), &st) != 0) {
          if (errno != ENOENT) { // removed meanwhile
            throw_io_error("cannot inspect", full, errno);
          }
        } else {
          entries.push_back({std::move(name), kind_of(st.st_mode)});
        }
        break;
      }
      default: // a symbolic link, FIFO, socket or device
        entries.push_back({std::move(name), EntryKind::other});
      }
      errno = 0;
    }
    if (errno != 0) {
      return errno;
    }
    std::sort(entries.begin(), entries.end(),
              [](const DirectoryEntry& a, const DirectoryEntry& b) { return a.name < b.name; });
    return 0;
  }

  int make_directory(const std::string& path) override { return result(::mkdir(path.c_str(), 0777)); }
  int remove_directory(const std::string& path) override { return result(::rmdir(path.c_str())); }
  int remove_file(const std::string& path) override { return result(::unlink(path.c_str())); }
  int rename(const std::string& from, const std::string& to) override
  {
    return result(::rename(from.c_str(), to.c_str()));
  }
  int link(const std::string& from, const std::string& to) override { return result(::link(from.c_str(), to.c_str())); }

  std::unique_ptr<DiskFile> create_new(const std::string& path, int& error) override
  {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
      error = errno;
      return nullptr;
    }
    error = 0;
    return std::make_unique<PosixFile>(path, fd);
  }

  std::unique_ptr<DiskFile> open_append(const std::string& path) override
  {
    int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd < 0) {
      throw_io_error("cannot open", path, errno);
    }
    return std::make_unique<PosixFile>(path, fd);
  }

  void sync_file_system(const std::string& dir) override
  {
    int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
      throw_io_error("cannot open", dir, errno);
    }
    int rc = ::syncfs(fd);
    int error = errno;
    ::close(fd);
    if (rc != 0) {
      throw_io_error("cannot sync", dir, error);
    }
  }

  std::unique_ptr<DiskLock> lock(const std::string& out_dir, bool exclusive, std::chrono::milliseconds timeout) override
  {
    return std::make_unique<OutputLock>(out_dir, exclusive ? OutputLock::Mode::exclusive : OutputLock::Mode::shared,
                                        timeout);
  }
};

} // namespace

Disk& real_disk()
{
  static PosixDisk disk;
  return disk;
}

} // namespace edgegen::write
