#pragma once

#include "diag/diagnostics.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace edgegen::source {

// Input files larger than this are refused (E0109): desired state is small.
constexpr size_t k_max_file_size = 8 * 1024 * 1024;

struct SourceFile
{
  std::string path; // relative to the source root, '/'-separated
  std::string bytes;
  std::string name = {}; // how diagnostics name it: the path as the user reaches it
                         // from the working directory ("edge/projects/a.yaml")

  const std::string& display_name() const { return name.empty() ? path : name; }
};

struct SourceTree
{
  std::string origin = "worktree"; // "worktree", "commit" or "index"
  std::string commit_id;           // for "commit"
  std::string tree_id;             // for "commit"
  std::vector<SourceFile> files;   // sorted by path
};

// Where the desired state is read from. Only source/ reads input; every later
// stage takes bytes and a display name. Problems with a file of the tree are
// diagnostics; a source that cannot be read at all throws EnvironmentError.
class Source
{
public:
  virtual ~Source() = default;
  virtual SourceTree read(diag::Diagnostics& diagnostics) const = 0;
};

// A directory tree: every *.yaml / *.yml below `root`, except hidden entries,
// directories holding an edgegen.sum (rendered output) and `skip` (the --out
// directory when it lies inside the source). Diagnostics name files
// "<display_root>/<path>", by default as `root` was typed.
std::unique_ptr<Source> directory_source(std::string root, std::vector<std::string> skip = {},
                                         std::optional<std::string> display_root = std::nullopt);

// Files held in memory, for tests and tools.
std::unique_ptr<Source> memory_source(std::vector<SourceFile> files);

// True for the file names the loader reads (*.yaml, *.yml).
bool is_input_file(const std::string& name);

} // namespace edgegen::source
