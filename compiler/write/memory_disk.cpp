#include "write/memory_disk.hpp"

#include "write/tree_io.hpp"

#include <cerrno>

namespace edgegen::write {
namespace {

bool is_root(const std::string& path)
{
  return path.empty() || path == "." || path == "/";
}

std::string parent_of(const std::string& path)
{
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : slash == 0 ? "/" : path.substr(0, slash);
}

// The prefix of the entries below `dir` in the map.
std::string prefix_of(const std::string& dir)
{
  return is_root(dir) ? (dir == "/" ? "/" : "") : dir + "/";
}

class MemoryLock : public DiskLock
{
public:
  MemoryLock(MemoryDisk& disk, std::vector<std::string> created) : m_disk(disk), m_created(std::move(created)) {}
  void remove_created() override
  {
    for (auto it = m_created.rbegin(); it != m_created.rend(); ++it) {
      m_disk.remove_directory(*it);
    }
    m_created.clear();
  }

private:
  MemoryDisk& m_disk;
  std::vector<std::string> m_created;
};

} // namespace

class MemoryDisk::File : public DiskFile
{
public:
  File(MemoryDisk& disk, std::string path) : m_disk(disk), m_path(std::move(path)) {}
  void write(std::string_view bytes) override { m_disk.append(m_path, bytes); }
  void sync() override {}
  void close() override {}

private:
  MemoryDisk& m_disk;
  std::string m_path;
};

MemoryDisk::MemoryDisk(const MemoryDisk& other)
{
  std::lock_guard<std::mutex> lock(other.m_mutex);
  m_nodes = other.m_nodes;
}

void MemoryDisk::put(const std::string& path, const std::string& bytes)
{
  put_directory(parent_of(path));
  std::lock_guard<std::mutex> lock(m_mutex);
  m_nodes[path] = {EntryKind::file, bytes};
}

void MemoryDisk::put_directory(const std::string& path)
{
  if (is_root(path)) {
    return;
  }
  put_directory(parent_of(path));
  std::lock_guard<std::mutex> lock(m_mutex);
  m_nodes[path] = {EntryKind::directory, ""};
}

void MemoryDisk::put_link(const std::string& path)
{
  put_directory(parent_of(path));
  std::lock_guard<std::mutex> lock(m_mutex);
  m_nodes[path] = {EntryKind::other, ""};
}

std::map<std::string, std::string> MemoryDisk::tree(const std::string& dir) const
{
  std::lock_guard<std::mutex> lock(m_mutex);
  std::string prefix = prefix_of(dir);
  std::map<std::string, std::string> out;
  for (auto it = m_nodes.lower_bound(prefix); it != m_nodes.end() && it->first.compare(0, prefix.size(), prefix) == 0;
       ++it) {
    std::string rel = it->first.substr(prefix.size());
    const Node& node = it->second;
    out[node.kind == EntryKind::file ? rel : node.kind == EntryKind::directory ? rel + "/" : rel + "@"] = node.bytes;
  }
  return out;
}

std::string MemoryDisk::get(const std::string& path) const
{
  std::lock_guard<std::mutex> lock(m_mutex);
  const Node* node = find(path);
  return node && node->kind == EntryKind::file ? node->bytes : "";
}

void MemoryDisk::fail_at(size_t change, int error)
{
  std::lock_guard<std::mutex> lock(m_mutex);
  m_fail_at = change;
  m_fail_error = error;
}

void MemoryDisk::crash_at(size_t change)
{
  std::lock_guard<std::mutex> lock(m_mutex);
  m_crash_at = change;
}

size_t MemoryDisk::changes() const
{
  std::lock_guard<std::mutex> lock(m_mutex);
  return m_changes;
}

std::vector<std::string> MemoryDisk::log() const
{
  std::lock_guard<std::mutex> lock(m_mutex);
  return m_log;
}

MemoryDisk::Fault MemoryDisk::change(const std::string& what, int& error)
{
  if (m_crashed) {
    return Fault::ignore;
  }
  size_t index = m_changes++;
  m_log.push_back(what);
  if (index == m_crash_at) {
    m_crashed = true;
    throw Crash();
  }
  if (index == m_fail_at) {
    error = m_fail_error;
    return Fault::fail;
  }
  return Fault::none;
}

const MemoryDisk::Node* MemoryDisk::find(const std::string& path) const
{
  auto it = m_nodes.find(path);
  return it == m_nodes.end() ? nullptr : &it->second;
}

int MemoryDisk::parent_error(const std::string& path) const
{
  std::string parent = parent_of(path);
  if (is_root(parent)) {
    return 0;
  }
  const Node* node = find(parent);
  if (!node) {
    return ENOENT;
  }
  if (node->kind == EntryKind::file) {
    return ENOTDIR;
  }
  return node->kind == EntryKind::directory ? parent_error(parent) : ENOENT;
}

int MemoryDisk::status(const std::string& path, bool follow, EntryKind& kind)
{
  std::lock_guard<std::mutex> lock(m_mutex);
  kind = EntryKind::absent;
  if (is_root(path)) {
    kind = EntryKind::directory;
    return 0;
  }
  if (int error = parent_error(path)) {
    return error;
  }
  const Node* node = find(path);
  if (!node || (follow && node->kind == EntryKind::other)) {
    return ENOENT;
  }
  kind = node->kind;
  return 0;
}

std::string MemoryDisk::read_or_throw(const std::string& path) const
{
  const Node* node = find(path);
  if (!node || node->kind == EntryKind::other) {
    throw_io_error("cannot open", path, ENOENT);
  }
  if (node->kind == EntryKind::directory) {
    throw_io_error("cannot read", path, EISDIR);
  }
  return node->bytes;
}

bool MemoryDisk::has_bytes(const std::string& path, std::string_view expected)
{
  std::lock_guard<std::mutex> lock(m_mutex);
  return read_or_throw(path) == expected;
}

std::string MemoryDisk::read_file(const std::string& path)
{
  std::lock_guard<std::mutex> lock(m_mutex);
  return read_or_throw(path);
}

int MemoryDisk::list(const std::string& path, std::vector<DirectoryEntry>& entries)
{
  std::lock_guard<std::mutex> lock(m_mutex);
  if (!is_root(path)) {
    const Node* node = find(path);
    if (int error = parent_error(path); error != 0 || !node || node->kind == EntryKind::other) {
      return error ? error : ENOENT;
    }
    if (node->kind != EntryKind::directory) {
      return ENOTDIR;
    }
  }
  std::string prefix = prefix_of(path);
  for (auto it = m_nodes.lower_bound(prefix); it != m_nodes.end() && it->first.compare(0, prefix.size(), prefix) == 0;
       ++it) {
    std::string name = it->first.substr(prefix.size());
    if (name.find('/') == std::string::npos) {
      entries.push_back({name, it->second.kind});
    }
  }
  return 0;
}

int MemoryDisk::make_directory(const std::string& path)
{
  std::lock_guard<std::mutex> lock(m_mutex);
  int error = 0;
  if (Fault fault = change("mkdir " + path, error); fault != Fault::none) {
    return error;
  }
  if (is_root(path) || find(path)) {
    return EEXIST;
  }
  if ((error = parent_error(path))) {
    return error;
  }
  m_nodes[path] = {EntryKind::directory, ""};
  return 0;
}

int MemoryDisk::remove_directory(const std::string& path)
{
  std::lock_guard<std::mutex> lock(m_mutex);
  int error = 0;
  if (Fault fault = change("rmdir " + path, error); fault != Fault::none) {
    return error;
  }
  const Node* node = find(path);
  if (!node) {
    return parent_error(path) ? parent_error(path) : ENOENT;
  }
  if (node->kind != EntryKind::directory) {
    return ENOTDIR;
  }
  std::string prefix = path + "/";
  auto below = m_nodes.lower_bound(prefix);
  if (below != m_nodes.end() && below->first.compare(0, prefix.size(), prefix) == 0) {
    return ENOTEMPTY;
  }
  m_nodes.erase(path);
  return 0;
}

int MemoryDisk::remove_file(const std::string& path)
{
  std::lock_guard<std::mutex> lock(m_mutex);
  int error = 0;
  if (Fault fault = change("unlink " + path, error); fault != Fault::none) {
    return error;
  }
  const Node* node = find(path);
  if (!node) {
    return parent_error(path) ? parent_error(path) : ENOENT;
  }
  if (node->kind == EntryKind::directory) {
    return EISDIR;
  }
  m_nodes.erase(path);
  return 0;
}

int MemoryDisk::rename(const std::string& from, const std::string& to)
{
  std::lock_guard<std::mutex> lock(m_mutex);
  int error = 0;
  if (Fault fault = change("rename " + from + " " + to, error); fault != Fault::none) {
    return error;
  }
  const Node* source = find(from);
  if (!source) {
    return ENOENT;
  }
  if ((error = parent_error(to))) {
    return error;
  }
  const Node* target = find(to);
  if (source->kind == EntryKind::directory || (target && target->kind == EntryKind::directory)) {
    return EISDIR; // the write rules rename files only
  }
  Node moved = *source;
  m_nodes.erase(from);
  m_nodes[to] = std::move(moved);
  return 0;
}

int MemoryDisk::link(const std::string& from, const std::string& to)
{
  std::lock_guard<std::mutex> lock(m_mutex);
  int error = 0;
  if (Fault fault = change("link " + from + " " + to, error); fault != Fault::none) {
    return error;
  }
  const Node* source = find(from);
  if (!source) {
    return ENOENT;
  }
  if (find(to)) {
    return EEXIST;
  }
  if ((error = parent_error(to))) {
    return error;
  }
  Node copy = *source;
  m_nodes[to] = std::move(copy);
  return 0;
}

std::unique_ptr<DiskFile> MemoryDisk::create_new(const std::string& path, int& error)
{
  std::lock_guard<std::mutex> lock(m_mutex);
  error = 0;
  Fault fault = change("create " + path, error);
  if (fault == Fault::fail) {
    return nullptr;
  }
  if (fault == Fault::none) {
    if (find(path) || is_root(path)) {
      error = EEXIST;
      return nullptr;
    }
    if ((error = parent_error(path))) {
      return nullptr;
    }
    m_nodes[path] = {EntryKind::file, ""};
  }
  return std::make_unique<File>(*this, path);
}

std::unique_ptr<DiskFile> MemoryDisk::open_append(const std::string& path)
{
  std::lock_guard<std::mutex> lock(m_mutex);
  const Node* node = find(path);
  if (!node || node->kind != EntryKind::file) {
    throw_io_error("cannot open", path, node ? EISDIR : ENOENT);
  }
  return std::make_unique<File>(*this, path);
}

void MemoryDisk::append(const std::string& path, std::string_view bytes)
{
  std::lock_guard<std::mutex> lock(m_mutex);
  int error = 0;
  Fault fault = change("write " + path, error);
  if (fault == Fault::fail) {
    throw_io_error("cannot write", path, error);
  }
  auto it = m_nodes.find(path);
  if (fault == Fault::none && it != m_nodes.end() && it->second.kind == EntryKind::file) {
    it->second.bytes.append(bytes); // a file removed meanwhile takes the bytes nowhere
  }
}

void MemoryDisk::sync_file_system(const std::string&)
{
}

std::unique_ptr<DiskLock> MemoryDisk::lock(const std::string& out_dir, bool exclusive, std::chrono::milliseconds)
{
  std::vector<std::string> created;
  if (exclusive) {
    std::vector<std::string> missing;
    for (std::string at = out_dir; !is_root(at); at = parent_of(at)) {
      EntryKind kind;
      if (status(at, false, kind) == 0) {
        break;
      }
      missing.push_back(at);
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
      if (int error = make_directory(*it)) {
        throw_io_error("cannot create directory", *it, error);
      }
      created.push_back(*it);
    }
  }
  return std::make_unique<MemoryLock>(*this, std::move(created));
}

} // namespace edgegen::write
