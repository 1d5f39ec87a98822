// The journal of a render in progress. A render that is killed after some
// renames but before its new edgegen.sum is in place would leave files that
// no edgegen.sum lists: the next render could neither adopt (if its bytes
// differ) nor remove them. So before the first rename, write_tree records
// every path it is about to put in place in .edgegen.pending (hidden, and
// not a name a watching Traefik loads); the paths it lists count as
// edgegen's own, like those of edgegen.sum, until a render completes and
// removes it. A render that streams stages files while it is still
// rendering: each path is appended before its temporary file is created, so
// that the temporaries of a render killed then are edgegen's own too.
#include "write/pending.hpp"

#include "write/atomic_file.hpp"
#include "write/paths.hpp"
#include "write/tree_io.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace edgegen::write {

std::set<std::string> read_pending(const std::string& out_dir)
{
  std::set<std::string> out;
  if (probe(out_dir, k_pending_path).kind != EntryKind::file) {
    return out;
  }
  std::string text = read_file(join_path(out_dir, k_pending_path));
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      break; // a line cut short: its path may be another one's prefix
    }
    std::string_view path(text.data() + start, end - start);
    if (is_valid_output_path(path)) {
      out.emplace(path);
    }
    start = end + 1;
  }
  return out;
}

void write_pending(const std::string& out_dir, const std::set<std::string>& paths)
{
  std::string text;
  for (const auto& path : paths) {
    text += path + "\n";
  }
  AtomicFile file(join_path(out_dir, k_pending_path));
  file.write(text);
  file.close(); // made durable by write_tree's sync, with the staged files
  file.commit();
}

PendingAppender::PendingAppender(const std::string& out_dir) : m_path(join_path(out_dir, k_pending_path))
{
  m_fd = ::open(m_path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (m_fd < 0) {
    throw_io_error("cannot open", m_path, errno);
  }
}

PendingAppender::~PendingAppender()
{
  ::close(m_fd);
}

void PendingAppender::append(const std::string& path)
{
  std::string line = path + "\n";
  // One write(2): a killed process leaves the whole line or none of it.
  ssize_t written = ::write(m_fd, line.data(), line.size());
  if (written != static_cast<ssize_t>(line.size())) {
    throw_io_error("cannot write", m_path, written < 0 ? errno : EIO);
  }
}

void remove_pending(const std::string& out_dir)
{
  std::string path = join_path(out_dir, k_pending_path);
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
    throw_io_error("cannot remove", path, errno);
  }
}

} // namespace edgegen::write
