#include "source/source.hpp"

#include "util/errors.hpp"
#include "util/fd.hpp"
#include "util/strings.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace edgegen::source {

bool is_input_file(const std::string& name)
{
  return util::ends_with(name, ".yaml") || util::ends_with(name, ".yml");
}

namespace {

// An input file that is not a regular file, as the walk or the read found it.
void not_regular(const std::string& name, diag::Diagnostics& diagnostics)
{
  diagnostics.error("E0118", {name, 0, 0, ""}, "not a regular file (a FIFO, socket or device), so it is not read",
                    "replace it with a regular file");
}

class DirectorySource : public Source
{
public:
  DirectorySource(std::string root, std::vector<std::string> skip, std::optional<std::string> display_root)
      : m_root(std::move(root)), m_skip(std::move(skip)), m_display_root(display_root.value_or(m_root))
  {
  }

  SourceTree read(diag::Diagnostics& diagnostics) const override
  {
    std::error_code ec;
    fs::path root(m_root);
    if (!fs::is_directory(root, ec)) {
      throw util::EnvironmentError("source directory '" + m_root + "' does not exist or is not a directory");
    }
    std::vector<fs::path> skip;
    for (const auto& s : m_skip) {
      skip.push_back(fs::weakly_canonical(s, ec));
    }
    SourceTree tree;
    tree.reread = [root = m_root](const SourceFile& file) { return read_again(fs::path(root) / file.path); };
    walk(root, "", skip, tree, diagnostics);
    tree.files.shrink_to_fit(); // held to the end of the run: no slack from growing
    std::sort(tree.files.begin(), tree.files.end(),
              [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
    return tree;
  }

private:
  // Diagnostics name files as the user reaches them: "edge/a.yaml" for
  // `edgegen validate edge`, "a.yaml" for `edgegen validate`.
  std::string display_prefix() const
  {
    if (m_display_root.empty() || m_display_root == "." || m_display_root == "./") {
      return "";
    }
    return util::ends_with(m_display_root, "/") ? m_display_root : m_display_root + "/";
  }

  void walk(const fs::path& dir, const std::string& prefix, const std::vector<fs::path>& skip, SourceTree& tree,
            diag::Diagnostics& diagnostics) const
  {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(dir, ec);
    if (std::find(skip.begin(), skip.end(), canonical) != skip.end() || fs::exists(dir / "edgegen.sum", ec)) {
      return; // rendered output, never input
    }
    fs::directory_iterator it(dir, ec);
    if (ec) {
      throw util::EnvironmentError("cannot read directory '" + dir.string() + "': " + ec.message());
    }
    for (const auto& entry : it) {
      std::string name = entry.path().filename().string();
      if (name.empty() || name[0] == '.') {
        continue; // .git, .github, editor files
      }
      std::string rel = prefix.empty() ? name : prefix + "/" + name;
      // The entry's type comes from the directory listing where the file
      // system gives it (no lstat per file); for what is not a symbolic
      // link, it is the type of the entry itself.
      if (entry.is_symlink(ec)) {
        if (is_input_file(name) || fs::is_directory(entry.path(), ec)) {
          diagnostics.error("E0110", {display_prefix() + rel, 0, 0, ""}, "symbolic link is not followed",
                            "copy the file into the source tree instead");
        }
        continue;
      }
      if (entry.is_directory(ec)) {
        walk(entry.path(), rel, skip, tree, diagnostics);
      } else if (entry.is_regular_file(ec) && is_input_file(name)) {
        read_file(entry.path(), rel, display_prefix() + rel, tree, diagnostics);
      } else if (is_input_file(name)) {
        // A FIFO would block the read forever, a device would never end.
        not_regular(display_prefix() + rel, diagnostics);
      }
    }
  }

  // One open and one fstat, into `st`: the descriptor, or -1 when either
  // fails. O_NONBLOCK: a file replaced by a FIFO since the listing must not
  // block the read.
  static int open_input(const fs::path& path, struct stat& st)
  {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd >= 0 && ::fstat(fd, &st) != 0) {
      util::Fd close(fd);
      return -1;
    }
    return fd;
  }

  static void read_file(const fs::path& path, const std::string& rel, const std::string& name, SourceTree& tree,
                        diag::Diagnostics& diagnostics)
  {
    struct stat st;
    util::Fd fd(open_input(path, st));
    if (fd.get() < 0) {
      throw util::EnvironmentError("cannot read '" + path.string() + "'");
    }
    if (!S_ISREG(st.st_mode)) {
      not_regular(name, diagnostics);
      return;
    }
    auto too_large = [&](uint64_t size) {
      diagnostics.error("E0109", {name, 0, 0, ""},
                        "file is " + std::to_string(size) + " bytes, more than the limit of " +
                            std::to_string(k_max_file_size));
    };
    if (static_cast<uint64_t>(st.st_size) > k_max_file_size) {
      too_large(static_cast<uint64_t>(st.st_size));
      return;
    }
    // Sized by fstat, read to the end: a file that grew since is read
    // whole, up to the limit.
    std::string content(static_cast<size_t>(st.st_size) + 1, '\0');
    size_t length = 0;
    while (true) {
      ssize_t n = util::read_full(fd.get(), content.data() + length, content.size() - length);
      if (n < 0) {
        throw util::EnvironmentError("cannot read '" + path.string() + "'");
      }
      length += static_cast<size_t>(n);
      if (length < content.size()) {
        break; // the end of the file
      }
      if (content.size() > k_max_file_size) {
        too_large(content.size());
        return;
      }
      content.resize(std::min(content.size() * 2, k_max_file_size + 1));
    }
    content.resize(length);
    tree.files.push_back({rel, std::move(content), name});
  }

  // The bytes of a file read before, read whole again (up to the limit);
  // nullopt if it is gone or is no longer a regular file.
  static std::optional<std::string> read_again(const fs::path& path)
  {
    struct stat st;
    util::Fd fd(open_input(path, st));
    if (fd.get() < 0 || !S_ISREG(st.st_mode) || static_cast<uint64_t>(st.st_size) > k_max_file_size) {
      return std::nullopt;
    }
    std::string content(static_cast<size_t>(st.st_size) + 1, '\0');
    ssize_t n = util::read_full(fd.get(), content.data(), content.size());
    if (n < 0 || static_cast<size_t>(n) == content.size()) {
      return std::nullopt; // unreadable, or grown since: not the bytes read before
    }
    content.resize(static_cast<size_t>(n));
    return content;
  }

  std::string m_root;
  std::vector<std::string> m_skip;
  std::string m_display_root;
};

class MemorySource : public Source
{
public:
  explicit MemorySource(std::vector<SourceFile> files)
  {
    std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
    m_files = std::make_shared<const std::vector<SourceFile>>(std::move(files));
  }

  SourceTree read(diag::Diagnostics&) const override
  {
    SourceTree tree;
    tree.files = *m_files;
    // The tree may outlive this source: it holds the files itself, sorted
    // by path.
    tree.reread = [files = m_files](const SourceFile& file) -> std::optional<std::string> {
      auto found = std::lower_bound(files->begin(), files->end(), file.path,
                                    [](const SourceFile& held, const std::string& path) { return held.path < path; });
      return found != files->end() && found->path == file.path ? std::optional<std::string>(found->bytes)
                                                               : std::nullopt;
    };
    return tree;
  }

private:
  std::shared_ptr<const std::vector<SourceFile>> m_files;
};

} // namespace

std::unique_ptr<Source> directory_source(std::string root, std::vector<std::string> skip,
                                         std::optional<std::string> display_root)
{
  return std::make_unique<DirectorySource>(std::move(root), std::move(skip), std::move(display_root));
}

std::unique_ptr<Source> memory_source(std::vector<SourceFile> files)
{
  return std::make_unique<MemorySource>(std::move(files));
}

} // namespace edgegen::source
