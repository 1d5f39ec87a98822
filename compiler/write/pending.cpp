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

#include "serialise/paths.hpp"
#include "write/atomic_file.hpp"
#include "write/tree_io.hpp"

#include <cerrno>

namespace edgegen::write {

SortedPaths read_pending(Disk& disk, const std::string& out_dir)
{
  SortedPaths out;
  if (probe(disk, out_dir, serialise::k_pending_path).kind != EntryKind::file) {
    return out;
  }
  std::string text = disk.read_file(join_path(out_dir, serialise::k_pending_path));
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      break; // a line cut short: its path may be another one's prefix
    }
    std::string_view path(text.data() + start, end - start);
    if (serialise::is_valid_output_path(path)) {
      out.add(path);
    }
    start = end + 1;
  }
  out.seal();
  return out;
}

namespace {

template <typename Paths> void write_journal(Disk& disk, const std::string& out_dir, const Paths& paths)
{
  std::string text;
  for (const auto& path : paths) {
    text += path;
    text += '\n';
  }
  AtomicFile file(disk, join_path(out_dir, serialise::k_pending_path));
  file.write(text);
  file.close(); // made durable by write_tree's sync, with the staged files
  file.commit();
}

} // namespace

void write_pending(Disk& disk, const std::string& out_dir, const SortedPaths& paths)
{
  write_journal(disk, out_dir, paths);
}

void write_pending(Disk& disk, const std::string& out_dir, const std::vector<std::string_view>& paths)
{
  write_journal(disk, out_dir, paths);
}

PendingAppender::PendingAppender(Disk& disk, const std::string& out_dir)
    : m_file(disk.open_append(join_path(out_dir, serialise::k_pending_path)))
{
}

void PendingAppender::append(const std::string& path)
{
  // One write: a killed process leaves the whole line or none of it.
  m_file->write(path + "\n");
}

void remove_pending(Disk& disk, const std::string& out_dir)
{
  std::string path = join_path(out_dir, serialise::k_pending_path);
  if (int error = disk.remove_file(path); error != 0 && error != ENOENT) {
    throw_io_error("cannot remove", path, error);
  }
}

} // namespace edgegen::write
