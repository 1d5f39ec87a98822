#pragma once

#include "serialise/paths.hpp"
#include "write/disk.hpp"
#include "write/tree_io.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

// Internal to write/: the journal of a render in progress (see pending.cpp).
namespace edgegen::write {

SortedPaths read_pending(Disk& disk, const std::string& out_dir);
void write_pending(Disk& disk, const std::string& out_dir, const SortedPaths& paths);
void write_pending(Disk& disk, const std::string& out_dir, const std::vector<std::string_view>& paths);
// Adds paths to the journal that write_pending wrote, one line each, through
// one descriptor (a render appends one per file it stages).
class PendingAppender
{
public:
  PendingAppender(Disk& disk, const std::string& out_dir);
  PendingAppender(const PendingAppender&) = delete;
  PendingAppender& operator=(const PendingAppender&) = delete;
  void append(const std::string& path);

private:
  std::unique_ptr<DiskFile> m_file;
};
void remove_pending(Disk& disk, const std::string& out_dir);

} // namespace edgegen::write
