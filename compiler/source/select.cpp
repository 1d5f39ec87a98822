#include "source/select.hpp"

#include "util/errors.hpp"
#include "util/strings.hpp"

namespace edgegen::source {

std::string normalise_subdir(const std::string& subdir)
{
  if (util::starts_with(subdir, "/")) {
    throw util::EnvironmentError("--subdir '" + subdir + "' must be relative to the repository's root");
  }
  std::vector<std::string> parts;
  for (const std::string& part : util::split(subdir, '/')) {
    if (part == "..") {
      throw util::EnvironmentError("--subdir '" + subdir + "' must stay inside the repository (no '..')");
    }
    if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
  }
  return util::join(parts, "/");
}

std::unique_ptr<Source> open_source(const Selection& selection)
{
  if (selection.side != Selection::Side::worktree) {
    return git_source(selection);
  }
  if (!selection.subdir) {
    return directory_source(selection.path, selection.skip);
  }
  // The work tree's copy of the directory --subdir names, shown as the
  // repository path so that both sides of a diff name files alike.
  std::string subdir = normalise_subdir(*selection.subdir);
  return directory_source(git_work_tree(selection.path) + subdir, selection.skip, subdir);
}

std::string describe(const Selection& selection)
{
  std::string where = selection.path;
  if (selection.subdir) {
    std::string subdir = normalise_subdir(*selection.subdir);
    where = (subdir.empty() ? std::string(".") : subdir) + (selection.path == "." ? "" : " in " + selection.path);
  }
  switch (selection.side) {
  case Selection::Side::commit:
    return where + " at " + selection.revision;
  case Selection::Side::index:
    return where + " (staged)";
  case Selection::Side::worktree:
    break;
  }
  return where;
}

} // namespace edgegen::source
