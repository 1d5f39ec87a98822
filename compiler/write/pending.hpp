#pragma once

#include "write/paths.hpp"

#include <set>
#include <string>
#include <string_view>

// Internal to write/: the journal of a render in progress (see pending.cpp).
namespace edgegen::write {

std::set<std::string> read_pending(const std::string& out_dir);
void write_pending(const std::string& out_dir, const std::set<std::string>& paths);
// Adds paths to the journal that write_pending wrote, one line each, through
// one descriptor (a render appends one per file it stages).
class PendingAppender
{
public:
  explicit PendingAppender(const std::string& out_dir);
  ~PendingAppender();
  PendingAppender(const PendingAppender&) = delete;
  PendingAppender& operator=(const PendingAppender&) = delete;
  void append(const std::string& path);

private:
  std::string m_path;
  int m_fd = -1;
};
void remove_pending(const std::string& out_dir);

} // namespace edgegen::write
