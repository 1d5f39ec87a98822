#include "source/tree_entries.hpp"

#include <gtest/gtest.h>

namespace edgegen::source {
namespace {

using Mode = TreeEntry::Mode;
using Lines = std::vector<std::string>;

TreeEntry entry(std::vector<std::string> names, Mode mode = Mode::file, std::string link_target = {})
{
  return {std::move(names), mode, "id-" + std::to_string(mode == Mode::file), std::move(link_target)};
}

struct Result
{
  Lines paths;       // selected: "path name"
  Lines diagnostics; // "file: CODE: message"
};

Result select(std::vector<TreeEntry> entries, std::string root = {}, std::string prefix = {},
              std::vector<std::string> skip = {}, std::vector<std::string> directories = {})
{
  TreeListing listing{std::move(entries), std::move(root), std::move(prefix), std::move(skip)};
  diag::Diagnostics diagnostics;
  auto is_directory = [&](const std::string& path) {
    return std::find(directories.begin(), directories.end(), path) != directories.end();
  };
  Result result;
  for (const auto& selected : select_inputs(listing, is_directory, diagnostics)) {
    result.paths.push_back(selected.path + " " + selected.name);
  }
  for (const auto& d : diagnostics.sorted()) {
    result.diagnostics.push_back(d.location.file.str() + ": " + d.code + ": " + d.message);
  }
  return result;
}

TEST(TreeEntries, ReadsYamlFilesSortedWithTheDisplayPrefix)
{
  Result r =
      select({entry({"projects", "b.yml"}), entry({"edge.yaml"}), entry({"README.md"}), entry({"projects", "a.yaml"})},
             "edge", "edge/");
  EXPECT_EQ(r.paths, (Lines{"edge.yaml edge/edge.yaml", "projects/a.yaml edge/projects/a.yaml",
                            "projects/b.yml edge/projects/b.yml"}));
  EXPECT_TRUE(r.diagnostics.empty());
}

TEST(TreeEntries, SkipsHiddenEntriesAndEverythingBelowThem)
{
  Result r = select({entry({".git", "config.yaml"}), entry({".github", "workflows", "ci.yml"}),
                     entry({"a", ".hidden.yaml"}), entry({".cache"}, Mode::directory), entry({"a", "b.yaml"})});
  EXPECT_EQ(r.paths, Lines{"a/b.yaml a/b.yaml"});
  EXPECT_TRUE(r.diagnostics.empty());
}

TEST(TreeEntries, SkipsDirectoriesHoldingAnEdgegenSumAndTheSkipPaths)
{
  Result r = select({entry({"rendered", "edgegen.sum"}), entry({"rendered", "prod", "traefik.yml"}),
                     entry({"out", "x.yaml"}), entry({"outside.yaml"})},
                    "", "", {"out"});
  EXPECT_EQ(r.paths, Lines{"outside.yaml outside.yaml"});
}

TEST(TreeEntries, ReadsNothingWhenTheRootIsRenderedOutput)
{
  Result r = select({entry({"edgegen.sum"}), entry({"a.yaml"})});
  EXPECT_TRUE(r.paths.empty());
}

TEST(TreeEntries, RefusesInvalidNamesWithTheirPath)
{
  Result r = select({entry({"..", "etc", "passwd.yaml"}), entry({"a", "."}, Mode::directory), entry({"a", "x/y.yaml"}),
                     entry({"a", ""}), entry({"b", std::string("t\x1b[0m.yaml")}), entry({"ok.yaml"})},
                    "", "edge/");
  EXPECT_EQ(r.paths, Lines{"ok.yaml edge/ok.yaml"});
  EXPECT_EQ(r.diagnostics, (Lines{
                               "edge/..: E0113: tree entry \"..\" is not followed: the name is \"..\"",
                               "edge/a/: E0113: tree entry \"\" is not followed: the name is empty",
                               "edge/a/.: E0113: tree entry \".\" is not followed: the name is \".\"",
                               "edge/a/x/y.yaml: E0113: tree entry \"x/y.yaml\" is not followed: the name holds a '/'",
                               "edge/b/t\\x1B[0m.yaml: E0113: tree entry \"t\\x1B[0m.yaml\" is not followed: the name "
                               "holds a control character",
                           }));
}

TEST(TreeEntries, RefusesSubmodulesButNotHiddenOnes)
{
  Result r =
      select({entry({"vendor", "plugins"}, Mode::submodule), entry({".modules", "x"}, Mode::submodule)}, "", "edge/");
  EXPECT_EQ(r.diagnostics, Lines{"edge/vendor/plugins: E0112: submodule is not followed"});
}

TEST(TreeEntries, RefusesSymlinksThatWouldBeInput)
{
  Result r = select(
      {
          entry({"link.yaml"}, Mode::symlink, "real.txt"),            // named like an input
          entry({"dir-link"}, Mode::symlink, "../shared"),            // a directory of the repository
          entry({"escape"}, Mode::symlink, "../../etc"),              // leaves the repository
          entry({"absolute"}, Mode::symlink, "/etc"),                 // leaves the repository
          entry({"README.md"}, Mode::symlink, "../docs/README.md"),   // a file: skipped like one
          entry({"sub", "dangling"}, Mode::symlink, "../../nowhere"), // nothing there: skipped
      },
      "edge", "edge/", {}, {"shared", "docs"});
  EXPECT_TRUE(r.paths.empty());
  EXPECT_EQ(r.diagnostics, (Lines{
                               "edge/absolute: E0110: symbolic link is not followed",
                               "edge/dir-link: E0110: symbolic link is not followed",
                               "edge/escape: E0110: symbolic link is not followed",
                               "edge/link.yaml: E0110: symbolic link is not followed",
                           }));
}

TEST(TreeEntries, ResolvesLinkTargetsByTheirTextAlone)
{
  // "sub/up" -> "../.." climbs from edge/sub to the repository root, which is a directory.
  Result r = select({entry({"sub", "up"}, Mode::symlink, "../.."), entry({"sub", "self"}, Mode::symlink, "./x/../.")},
                    "edge", "edge/", {}, {"", "edge/sub"});
  EXPECT_EQ(r.diagnostics, (Lines{
                               "edge/sub/self: E0110: symbolic link is not followed",
                               "edge/sub/up: E0110: symbolic link is not followed",
                           }));
}

TEST(TreeEntries, NamesThatMayBeDescended)
{
  EXPECT_TRUE(should_descend("projects"));
  EXPECT_FALSE(should_descend(".git"));
  EXPECT_FALSE(should_descend(".."));
  EXPECT_FALSE(should_descend(""));
  EXPECT_FALSE(should_descend("a/b"));
  EXPECT_EQ(invalid_name_reason("team-a.yaml"), "");
  EXPECT_EQ(printable_name(std::string("a\nb\x7f", 4)), "a\\x0Ab\\x7F");
}

} // namespace
} // namespace edgegen::source
