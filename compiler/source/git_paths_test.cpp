#include "source/git_paths.hpp"

#include "util/errors.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace edgegen::source {
namespace {

namespace fs = std::filesystem;

// A work tree under the temporary directory; nothing needs to exist, paths
// are resolved as far as they do.
const std::string k_work_tree = (fs::temp_directory_path() / "edgegen-git-paths-test/").string();

Selection at(std::string path, std::optional<std::string> subdir = std::nullopt, std::vector<std::string> skip = {})
{
  Selection selection;
  selection.path = std::move(path);
  selection.side = Selection::Side::commit;
  selection.subdir = std::move(subdir);
  selection.skip = std::move(skip);
  return selection;
}

TEST(GitPaths, TheRootIsSourcesPlaceInTheWorkTree)
{
  EXPECT_EQ(repository_root(at(k_work_tree), k_work_tree), "");
  EXPECT_EQ(repository_root(at(k_work_tree + "edge"), k_work_tree), "edge");
  EXPECT_EQ(repository_root(at(k_work_tree + "edge/./teams/"), k_work_tree), "edge/teams");
  EXPECT_EQ(repository_root(at(k_work_tree + "edge", "other/dir/"), k_work_tree), "other/dir");
  EXPECT_EQ(repository_root(at("repo.git"), ""), "");
  EXPECT_EQ(repository_root(at("repo.git", "./edge"), ""), "edge");
  EXPECT_THROW(repository_root(at("/"), k_work_tree), util::EnvironmentError);
}

TEST(GitPaths, DiagnosticsNameFilesBelowSourceAsTyped)
{
  EXPECT_EQ(display_prefix(at("."), false), "");
  EXPECT_EQ(display_prefix(at("edge"), false), "edge/");
  EXPECT_EQ(display_prefix(at("edge/"), false), "edge/");
  EXPECT_EQ(display_prefix(at("/abs/edge"), false), "/abs/edge/");
  EXPECT_EQ(display_prefix(at("repo.git"), true), "");
  EXPECT_EQ(display_prefix(at("repo.git", "edge/"), true), "edge/");
  EXPECT_EQ(display_prefix(at("..", "."), false), "");
}

TEST(GitPaths, OnlySkipDirectoriesBelowTheRootCount)
{
  Selection selection = at(k_work_tree + "edge", std::nullopt,
                           {k_work_tree + "edge/out", k_work_tree + "rendered", "/elsewhere", k_work_tree + "edge"});
  EXPECT_EQ(skip_below_root(selection, k_work_tree, "edge"), std::vector<std::string>{"out"});
  EXPECT_TRUE(skip_below_root(selection, "", "edge").empty());
}

TEST(GitPaths, RevisionsSplitAtTheirFirstOperatorAsGitReadsThem)
{
  auto split = [](const std::string& revision) {
    RevisionParts parts = split_revision(revision);
    return parts.name + " | " + parts.rest;
  };
  EXPECT_EQ(split("main"), "main | ");
  EXPECT_EQ(split("nope@"), "nope@ | "); // a name, not "nope" and an operator
  EXPECT_EQ(split("@"), "@ | ");
  EXPECT_EQ(split("@~1"), "@ | ~1");
  EXPECT_EQ(split("@{-1}"), " | @{-1}");
  EXPECT_EQ(split("HEAD@{0}^{tree}"), "HEAD | @{0}^{tree}");
  EXPECT_EQ(split("ma@in~1"), "ma@in | ~1");
  EXPECT_EQ(split(":/text ^ ~"), " | :/text ^ ~");
  EXPECT_EQ(split("main:path/a.yaml"), "main | :path/a.yaml");
}

} // namespace
} // namespace edgegen::source
