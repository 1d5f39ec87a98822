#include "source/tree_entries.hpp"

#include "source/source.hpp"
#include "util/printable.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <optional>
#include <set>

namespace edgegen::source {

namespace {

bool is_control(char c)
{
  return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
}

std::string join_names(const std::vector<std::string>& names, size_t count)
{
  std::string path;
  for (size_t i = 0; i < count; ++i) {
    path += (i == 0 ? "" : "/") + names[i];
  }
  return path;
}

// Where a symbolic link at `link_dir` (a repository path) pointing at
// `target` leads, resolved by its text alone (nothing is followed); nullopt
// if it leaves the repository (absolute, or more ".." than directories).
std::optional<std::string> resolve_link(const std::string& link_dir, const std::string& target)
{
  if (target.empty() || target[0] == '/') {
    return std::nullopt;
  }
  std::vector<std::string> parts = link_dir.empty() ? std::vector<std::string>{} : util::split(link_dir, '/');
  for (const std::string& part : util::split(target, '/')) {
    if (part.empty() || part == ".") {
      continue;
    }
    if (part == "..") {
      if (parts.empty()) {
        return std::nullopt;
      }
      parts.pop_back();
    } else {
      parts.push_back(part);
    }
  }
  return util::join(parts, "/");
}

std::string repository_path(const std::string& root, const std::string& path)
{
  return root.empty() ? path : path.empty() ? root : root + "/" + path;
}

// Mirrors the directory source: a link is an error when it would have been
// input (its name, or a directory behind it); a link to a file of the
// repository that is not named like an input is skipped like that file.
bool link_is_input(const TreeEntry& entry, const std::string& dir, const TreeListing& listing,
                   const std::function<bool(const std::string&)>& is_directory)
{
  if (is_input_file(entry.names.back())) {
    return true;
  }
  std::optional<std::string> target = resolve_link(repository_path(listing.root, dir), entry.link_target);
  // Outside the repository nothing tells what the link points at; a
  // directory there would be read from the work tree, so refuse it here too.
  return !target || target->empty() || is_directory(*target);
}

} // namespace

std::string invalid_name_reason(std::string_view name)
{
  if (name.empty()) {
    return "the name is empty";
  }
  if (name == "." || name == "..") {
    return "the name is \"" + std::string(name) + "\"";
  }
  if (name.find('/') != std::string_view::npos) {
    return "the name holds a '/'";
  }
  if (std::any_of(name.begin(), name.end(), is_control)) {
    return "the name holds a control character";
  }
  return {};
}

std::string printable_name(std::string_view name)
{
  return util::printable(name);
}

bool should_descend(std::string_view name)
{
  return invalid_name_reason(name).empty() && name[0] != '.';
}

std::vector<SelectedEntry> select_inputs(const TreeListing& listing,
                                         const std::function<bool(const std::string&)>& is_directory,
                                         diag::Diagnostics& diagnostics)
{
  // A directory holding an edgegen.sum is rendered output, never input.
  std::set<std::string> rendered;
  for (const TreeEntry& entry : listing.entries) {
    for (size_t i = 0; i < entry.names.size(); ++i) {
      if (entry.names[i] == "edgegen.sum") {
        rendered.insert(join_names(entry.names, i));
      }
    }
  }
  if (rendered.count("")) {
    return {};
  }
  const std::set<std::string> skip(listing.skip.begin(), listing.skip.end());

  std::vector<SelectedEntry> selected;
  for (const TreeEntry& entry : listing.entries) {
    std::string path;
    std::string dir;
    bool followed = !entry.names.empty();
    for (size_t i = 0; followed && i < entry.names.size(); ++i) {
      const std::string& name = entry.names[i];
      std::string reason = invalid_name_reason(name);
      if (!reason.empty()) {
        std::string shown = printable_name(name);
        diagnostics.error("E0113", {listing.display_prefix + (path.empty() ? "" : path + "/") + shown, 0, 0, ""},
                          "tree entry \"" + shown + "\" is not followed: " + reason,
                          "git refuses such names (see `git fsck`); rewrite the commit that added it");
        followed = false;
        break;
      }
      dir = path;
      path += (path.empty() ? "" : "/") + name;
      bool is_last = i + 1 == entry.names.size();
      // Hidden entries (.git, .github, editor files) and skipped or rendered
      // directories end the walk down this path.
      followed = name[0] != '.' && !skip.count(path) && (is_last || !rendered.count(path));
    }
    if (!followed) {
      continue;
    }
    diag::Location location{listing.display_prefix + path, 0, 0, ""};
    switch (entry.mode) {
    case TreeEntry::Mode::directory:
      break;
    case TreeEntry::Mode::submodule:
      diagnostics.error("E0112", location, "submodule is not followed",
                        "edgegen reads only this repository's own files; keep the desired state out of "
                        "submodules, or name another directory with --subdir");
      break;
    case TreeEntry::Mode::symlink:
      if (link_is_input(entry, dir, listing, is_directory)) {
        diagnostics.error("E0110", location, "symbolic link is not followed",
                          "copy the file into the source tree instead");
      }
      break;
    case TreeEntry::Mode::file:
      if (is_input_file(entry.names.back())) {
        selected.push_back({path, location.file.str(), entry.id});
      }
      break;
    }
  }
  std::sort(selected.begin(), selected.end(),
            [](const SelectedEntry& a, const SelectedEntry& b) { return a.path < b.path; });
  return selected;
}

} // namespace edgegen::source
