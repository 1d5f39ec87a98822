#pragma once

// Test helpers for the write rules on a MemoryDisk. Used only by *_test.cpp.

#include "testing.hpp"
#include "write/memory_disk.hpp"

#include <map>
#include <string>
#include <vector>

namespace edgegen::write::testing {

// What MemoryDisk::tree shows of a directory that holds exactly `files`.
inline std::map<std::string, std::string> tree_of(const std::vector<serialise::RenderedFile>& files)
{
  std::map<std::string, std::string> out;
  for (const auto& file : files) {
    out[file.path] = file.bytes;
    for (size_t slash = file.path.find('/'); slash != std::string::npos; slash = file.path.find('/', slash + 1)) {
      out[file.path.substr(0, slash + 1)] = "";
    }
  }
  return out;
}

// The index in `log` of the first rename that puts an output file in place
// (not the journal), or the log's size.
inline size_t first_output_rename(const std::vector<std::string>& log, const std::string& out_dir)
{
  for (size_t i = 0; i < log.size(); ++i) {
    if (log[i].rfind("rename ", 0) == 0 && log[i].substr(log[i].rfind(' ') + 1) != out_dir + "/.edgegen.pending") {
      return i;
    }
  }
  return log.size();
}

} // namespace edgegen::write::testing
