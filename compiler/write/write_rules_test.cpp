// The write rules on a MemoryDisk: no file system, so each test runs in
// well under a millisecond and can look at every change the rules make.
#include "util/errors.hpp"
#include "write/memory_test_tree.hpp"

namespace edgegen::write {
namespace {

using ::edgegen::testing::render;
using ::edgegen::testing::text_output;
using testing::tree_of;
using List = std::vector<std::string>;
using Views = std::vector<std::string_view>; // WriteReport::written, unchanged
using Tree = std::map<std::string, std::string>;

std::string refusal(MemoryDisk& disk, const std::vector<serialise::RenderedFile>& files)
{
  try {
    write_tree(disk, "out", files);
  } catch (const util::EnvironmentError& e) {
    return e.what();
  }
  return "";
}

bool reads_yml(std::string_view name)
{
  return name.size() > 4 && name.substr(name.size() - 4) == ".yml";
}

emit::LoadedDirectory dynamic_directory(bool recursive)
{
  return {"prod/dynamic", "Traefik's file provider", "every .yml file", recursive, reads_yml};
}

TEST(WriteRules, StagesEveryChangedFileThenRenamesThemInRankOrder)
{
  MemoryDisk disk;
  auto files = serialise::render_files(
      {text_output("z.yml", "z\n"), text_output("a/b.yml", "b\n", 1), text_output("m.yml", "m\n")}, {});
  WriteReport report = write_tree(disk, "out", files);
  EXPECT_EQ(report.written, (Views{"a/b.yml", "edgegen.lock.json", "edgegen.sum", "m.yml", "z.yml"}));
  EXPECT_EQ(disk.tree("out"), tree_of(files));

  List log = disk.log();
  size_t first_rename = testing::first_output_rename(log, "out");
  List renamed;
  for (size_t i = 0; i < log.size(); ++i) {
    const std::string& entry = log[i];
    if (i < first_rename) {
      continue;
    }
    ASSERT_EQ(entry.rfind("create ", 0), std::string::npos) << "a file staged after the first rename: " << entry;
    if (entry.rfind("rename ", 0) == 0) {
      renamed.push_back(entry.substr(entry.rfind(' ') + 1));
    }
  }
  EXPECT_EQ(renamed, (List{"out/m.yml", "out/z.yml", "out/a/b.yml", "out/edgegen.lock.json", "out/edgegen.sum"}));
  EXPECT_EQ(log.back(), "unlink out/.edgegen.pending");
  EXPECT_EQ(log.front(), "mkdir out");
}

TEST(WriteRules, IdenticalFilesAreNotTouched)
{
  MemoryDisk disk;
  write_tree(disk, "out", render({{"a.yml", "a"}, {"b.yml", "b"}}));
  size_t before = disk.changes();
  WriteReport report = write_tree(disk, "out", render({{"a.yml", "a"}, {"b.yml", "b"}}));
  EXPECT_EQ(report.unchanged, (Views{"a.yml", "b.yml", "edgegen.lock.json", "edgegen.sum"}));
  EXPECT_TRUE(report.written.empty());
  EXPECT_EQ(disk.changes(), before + 1); // the journal that is not there, removed
  EXPECT_EQ(disk.log().back(), "unlink out/.edgegen.pending");
}

TEST(WriteRules, OrphansGoOnlyIfThePreviousSumListsThem)
{
  MemoryDisk disk;
  write_tree(disk, "out", render({{"a.yml", "a"}, {"old/x.yml", "x"}, {"gone/deep/y.yml", "y"}}));
  disk.put("out/notes.txt", "mine");
  disk.put("out/old/mine.yml", "mine");
  WriteReport report = write_tree(disk, "out", render({{"a.yml", "a"}}));
  EXPECT_EQ(report.removed, (List{"gone/deep/y.yml", "old/x.yml"}));
  EXPECT_EQ(report.written, (Views{"edgegen.sum"}));
  Tree tree = disk.tree("out");
  EXPECT_EQ(tree.count("gone/"), 0u); // emptied, so removed
  EXPECT_EQ(tree.count("old/x.yml"), 0u);
  EXPECT_EQ(tree["old/mine.yml"], "mine");
  EXPECT_EQ(tree["notes.txt"], "mine");
}

TEST(WriteRules, RefusesToOverwriteAFileEdgegenDidNotWrite)
{
  MemoryDisk disk;
  disk.put("out/a.yml", "by hand");
  EXPECT_EQ(refusal(disk, render({{"a.yml", "a"}, {"b.yml", "b"}})),
            "refusing to overwrite out/a.yml: edgegen did not write it (it is not listed in edgegen.sum)");
  EXPECT_EQ(disk.tree("out"), (Tree{{"a.yml", "by hand"}})); // nothing staged, nothing written

  disk.put_link("out/b.yml");
  disk.remove_file("out/a.yml");
  EXPECT_EQ(refusal(disk, render({{"a.yml", "a"}, {"b.yml", "b"}})),
            "refusing to overwrite out/b.yml: it is not a regular file");
  disk.put("out/c/d.yml", "by hand");
  EXPECT_EQ(refusal(disk, render({{"c", "c"}})),
            "cannot write out/c: it is a directory holding out/c/d.yml, which edgegen did not write");
  EXPECT_EQ(disk.tree("out"), (Tree{{"b.yml@", ""}, {"c/", ""}, {"c/d.yml", "by hand"}}));
}

TEST(WriteRules, AFileOfAnEarlierRenderMakesWayForADirectoryAndBack)
{
  MemoryDisk disk;
  write_tree(disk, "out", render({{"a", "file"}}));
  auto files = render({{"a/b.yml", "b"}});
  WriteReport report = write_tree(disk, "out", files);
  EXPECT_EQ(report.removed, (List{"a"}));
  EXPECT_EQ(disk.tree("out"), tree_of(files));
  files = render({{"a", "file again"}});
  write_tree(disk, "out", files);
  EXPECT_EQ(disk.tree("out"), tree_of(files));
}

TEST(WriteRules, ForeignFilesWhereAConsumerLoadsTheDirectoryWhole)
{
  MemoryDisk disk;
  write_tree(disk, "out", render({{"prod/dynamic/a.yml", "a"}}));
  disk.put("out/prod/dynamic/manual.yml", "by hand");
  disk.put("out/prod/dynamic/README.txt", "not loaded");
  disk.put("out/prod/dynamic/sub/deep.yml", "by hand");
  disk.put_link("out/prod/dynamic/link.yml");
  auto ours = [](std::string_view path) { return path == "prod/dynamic/a.yml"; };

  auto foreign = foreign_files(disk, "out", ours, {dynamic_directory(true)});
  List paths;
  for (const ForeignFile& file : foreign) {
    paths.push_back(file.path);
  }
  EXPECT_EQ(paths, (List{"prod/dynamic/link.yml", "prod/dynamic/manual.yml", "prod/dynamic/sub/deep.yml"}));
  EXPECT_EQ(describe("out", foreign[1]),
            "out/prod/dynamic/manual.yml: not written by edgegen, and Traefik's file provider loads every .yml file "
            "in out/prod/dynamic and its subdirectories");
  EXPECT_EQ(foreign_files(disk, "out", ours, {dynamic_directory(false)}).size(), 2u);
  EXPECT_TRUE(foreign_files(disk, "out", ours, {}).empty());

  // A render keeps them: reporting them is the caller's.
  write_tree(disk, "out", render({{"prod/dynamic/a.yml", "a2"}}));
  EXPECT_EQ(disk.get("out/prod/dynamic/manual.yml"), "by hand");
}

TEST(WriteRules, CheckReportsChangedMissingExtraAndForeignWithoutAChange)
{
  MemoryDisk disk;
  write_tree(disk, "out", render({{"a.yml", "a"}, {"b.yml", "b"}, {"d.yml", "d"}, {"prod/dynamic/e.yml", "e"}}));
  disk.put("out/a.yml", "edited");
  disk.remove_file("out/b.yml");
  disk.put("out/prod/dynamic/manual.yml", "by hand");
  disk.put("out/notes.txt", "allowed");
  size_t before = disk.changes();

  Drift drift =
      compare_tree(disk, "out", render({{"a.yml", "a"}, {"b.yml", "b"}, {"c.yml", "c"}, {"prod/dynamic/e.yml", "e"}}),
                   {dynamic_directory(false)});
  EXPECT_EQ(drift.changed, (List{"a.yml", "edgegen.sum"}));
  EXPECT_EQ(drift.missing, (List{"b.yml", "c.yml"}));
  EXPECT_EQ(drift.extra, (List{"d.yml"}));
  ASSERT_EQ(drift.foreign.size(), 1u);
  EXPECT_EQ(drift.foreign[0].path, "prod/dynamic/manual.yml");
  EXPECT_EQ(disk.changes(), before); // read-only

  EXPECT_TRUE(compare_tree(disk, "absent", {}).empty());
  EXPECT_EQ(compare_tree(disk, "absent", render({{"a.yml", "a"}})).missing,
            (List{"a.yml", "edgegen.lock.json", "edgegen.sum"}));
  EXPECT_EQ(disk.changes(), before);
}

TEST(WriteRules, CarryOverReadsWhatTheSumListsAsItIs)
{
  MemoryDisk disk;
  write_tree(disk, "out", render({{"dev/a.yml", "a"}, {"prod/b.yml", "b"}}));
  disk.put("out/prod/b.yml", "edited");
  disk.put("out/prod/c.yml", "not listed");
  auto kept = carry_over(disk, "out", [](const std::string& path) { return path.rfind("prod/", 0) == 0; });
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].path, "prod/b.yml");
  EXPECT_EQ(kept[0].text, "edited");
}

} // namespace
} // namespace edgegen::write
