#pragma once

#include "pipeline.hpp"
#include "write/write.hpp"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace edgegen {

// The second half of the chain, after compile(): emit -> serialise -> the
// tree on disk (or in memory). Every command that renders calls render()
// once; the CLI only parses flags before and prints the result after.
struct RenderRequest
{
  enum class Mode {
    write,  // rewrite `out` atomically: staged, then renamed, orphans removed
    check,  // compare with `out` under a shared lock; nothing is written
    memory, // the bytes only, for diff and plan; `out` is not read
  };
  Mode mode = Mode::write;
  std::string out;                       // the output directory (write, check)
  std::vector<std::string> environments; // empty: every environment
  std::chrono::milliseconds lock_timeout = write::k_default_lock_timeout;
  write::Disk* disk = nullptr; // the output directory's disk; null: write::real_disk()
};

struct RenderResult
{
  // write: what was written, removed and kept, and the files edgegen did not
  // write in a directory the edge loads whole.
  write::WriteReport written;
  std::vector<write::ForeignFile> foreign;
  // check: how `out` differs from the render, and how many files it has.
  write::Drift drift;
  size_t file_count = 0;
  // memory: every rendered file by path, edgegen.lock.json and edgegen.sum left out.
  std::map<std::string, std::string> files;
};

// Renders a compilation without errors (the caller reports diagnostics
// first). Throws util::EnvironmentError for an environment the input does
// not declare, write::Cancelled on SIGINT or SIGTERM during a write, and
// the write errors of write::TreeWriter.
RenderResult render(const Compilation& c, const RenderRequest& request);

// The input as edgegen.lock.json records it: where it came from, and the
// Git blob id of each file but those of RouteTest documents only (tests
// never change what is rendered).
serialise::Provenance provenance_of(const Compilation& c);

} // namespace edgegen
