#include "source/git_paths.hpp"

#include "util/errors.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace edgegen::source {

namespace {

// Absolute, symbolic links resolved as far as the path exists, and without
// a trailing '/' ("edge/" and "edge" are one directory).
fs::path resolved(const std::string& path)
{
  std::error_code ec;
  fs::path out = fs::weakly_canonical(path, ec).lexically_normal();
  return out.has_filename() || !out.has_parent_path() ? out : out.parent_path();
}

// `path` relative to `base`; "" if it is not below (or at) base.
std::string below(const std::string& path, const fs::path& base)
{
  std::string relative = resolved(path).lexically_relative(base).generic_string();
  return relative.empty() || util::starts_with(relative, "..") ? "" : relative;
}

} // namespace

std::string repository_root(const Selection& selection, const std::string& work_tree)
{
  if (selection.subdir) {
    return normalise_subdir(*selection.subdir);
  }
  if (work_tree.empty()) {
    return "";
  }
  std::string root = below(selection.path, resolved(work_tree));
  if (root.empty()) {
    throw util::EnvironmentError("'" + selection.path +
                                 "' is not in the repository's work tree; name the directory with --subdir");
  }
  return root == "." ? "" : root;
}

std::string display_prefix(const Selection& selection, bool bare)
{
  std::string prefix = selection.subdir ? normalise_subdir(*selection.subdir) : bare ? "" : selection.path;
  if (prefix.empty() || prefix == "." || prefix == "./") {
    return "";
  }
  return util::ends_with(prefix, "/") ? prefix : prefix + "/";
}

std::vector<std::string> skip_below_root(const Selection& selection, const std::string& work_tree,
                                         const std::string& root)
{
  std::vector<std::string> skip;
  if (work_tree.empty()) {
    return skip;
  }
  fs::path base = (resolved(work_tree) / root).lexically_normal();
  for (const std::string& path : selection.skip) {
    std::string relative = below(path, resolved(base.string()));
    if (!relative.empty() && relative != ".") {
      skip.push_back(relative);
    }
  }
  return skip;
}

RevisionParts split_revision(const std::string& revision)
{
  if (!revision.empty() && revision.front() == ':') {
    return {"", revision};
  }
  size_t end = revision.find_first_of("~^:");
  end = std::min(end, revision.find("@{"));
  end = end == std::string::npos ? revision.size() : end;
  return {revision.substr(0, end), revision.substr(end)};
}

} // namespace edgegen::source
