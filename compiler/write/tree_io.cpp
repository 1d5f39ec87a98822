#include "write/tree_io.hpp"

#include "serialise/paths.hpp"
#include "util/errors.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <stdexcept>

namespace edgegen::write {
namespace {

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

EntryKind kind_of(Disk& disk, const std::string& path)
{
  EntryKind kind;
  int error = disk.status(path, false, kind);
  if (error != 0 && error != ENOENT) {
    throw_io_error("cannot inspect", path, error);
  }
  return kind;
}

Probe probe(Disk& disk, const std::string& out_dir, std::string_view rel)
{
  KnownDirectories none;
  return probe(disk, out_dir, rel, none);
}

Probe probe(Disk& disk, const std::string& out_dir, std::string_view rel, KnownDirectories& known)
{
  Probe result;
  for (size_t slash = rel.find('/'); slash != std::string_view::npos; slash = rel.find('/', slash + 1)) {
    if (known.contains(rel.substr(0, slash))) {
      continue;
    }
    EntryKind kind = kind_of(disk, join_path(out_dir, rel.substr(0, slash)));
    if (kind == EntryKind::absent) {
      return result;
    }
    if (kind != EntryKind::directory) {
      result.blocker = std::string(rel.substr(0, slash));
      return result;
    }
    known.insert(rel.substr(0, slash));
  }
  result.kind = kind_of(disk, join_path(out_dir, rel));
  return result;
}

SumListing read_sum(Disk& disk, const std::string& out_dir)
{
  SumListing listing;
  Probe sum = probe(disk, out_dir, serialise::k_sum_path);
  if (sum.kind == EntryKind::absent) {
    return listing;
  }
  listing.present = true;
  if (sum.kind != EntryKind::file) {
    listing.bad_line = 1;
    return listing;
  }
  std::string text = disk.read_file(join_path(out_dir, serialise::k_sum_path));
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
    if (serialise::is_valid_output_path(path)) {
      listing.paths.add(path);
    }
  }
  listing.paths.seal();
  return listing;
}

} // namespace edgegen::write
