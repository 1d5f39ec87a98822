#pragma once

#include "diag/diagnostics.hpp"
#include "util/pages.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace edgegen::source {

// Input files larger than this are refused (E0109): desired state is small.
constexpr size_t k_max_file_size = 8 * 1024 * 1024;

struct SourceFile
{
  std::string path;      // relative to the source root, '/'-separated
  std::string bytes;     // as read; empty once packed (see text())
  std::string name = {}; // how diagnostics name it: the path as the user reaches it
                         // from the working directory ("edge/projects/a.yaml")
  // Its Git blob id (40 hex digits): given by a Git source, which knows it;
  // else empty until the bytes are let go (edgegen::release_input), which
  // computes it first. It names these very bytes when they are read again.
  std::string blob_id = {};
  std::string_view packed = {}; // its bytes in its tree's block, once packed (pack())

  // The file's bytes, wherever they are held.
  std::string_view text() const { return packed.data() ? packed : std::string_view(bytes); }

  const std::string& display_name() const { return name.empty() ? path : name; }
};

struct SourceTree
{
  std::string origin = "worktree"; // "worktree", "commit" or "index"
  std::string commit_id;           // for "commit"
  std::string tree_id;             // for "commit"
  std::vector<SourceFile> files;   // sorted by path
  // The bytes of a file of this tree, read again from where they came from
  // (a report's source lines, once the bytes were let go); nullopt when they
  // cannot be read. The caller checks them against the file's blob id: the
  // file may have changed since.
  std::function<std::optional<std::string>(const SourceFile&)> reread;
  bool bytes_released = false; // every file's bytes were let go
  // What pack() moved the files' bytes into; shared by the copies of the tree.
  std::shared_ptr<const util::Pages> block;
};

// Moves every file's bytes into one block of pages of their own
// (util::Pages): letting them go then gives all their pages back at once,
// where 10,000 files freed one by one leave holes in the heap that stay
// resident. Each file's text() reads them there.
void pack(SourceTree& tree);

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
