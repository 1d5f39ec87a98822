#include "testing.hpp"

namespace edgegen::write {
namespace {

using testing::listing;
using testing::put;
using testing::render;
using testing::TempDir;
using List = std::vector<std::string>;

TEST(WriteCompareTree, NothingThereIsAllMissing)
{
  TempDir tmp;
  Drift drift = compare_tree(real_disk(), tmp / "absent", render({{"a.yml", "a"}}));
  EXPECT_EQ(drift.missing, (List{"a.yml", "edgegen.lock.json", "edgegen.sum"}));
  EXPECT_TRUE(drift.changed.empty());
  EXPECT_TRUE(drift.extra.empty());
  EXPECT_FALSE(testing::exists(tmp / "absent"));
}

TEST(WriteCompareTree, ReportsChangedMissingAndExtraWithoutWriting)
{
  TempDir tmp;
  write_tree(real_disk(), tmp.path(), render({{"a.yml", "a"}, {"b.yml", "b"}, {"old/c.yml", "c"}}));
  EXPECT_TRUE(
      compare_tree(real_disk(), tmp.path(), render({{"a.yml", "a"}, {"b.yml", "b"}, {"old/c.yml", "c"}})).empty());

  put(tmp / "a.yml", "edited");
  std::filesystem::remove(tmp / "b.yml");
  put(tmp / "foreign.txt", "not listed, not extra");
  List before = listing(tmp.path());
  Drift drift = compare_tree(real_disk(), tmp.path(), render({{"a.yml", "a"}, {"b.yml", "b"}, {"new.yml", "n"}}));
  EXPECT_EQ(drift.changed, (List{"a.yml", "edgegen.sum"}));
  EXPECT_EQ(drift.missing, (List{"b.yml", "new.yml"}));
  EXPECT_EQ(drift.extra, (List{"old/c.yml"}));
  EXPECT_FALSE(drift.empty());
  EXPECT_EQ(listing(tmp.path()), before);

  // Listed but already gone is not extra.
  std::filesystem::remove(tmp / "old/c.yml");
  EXPECT_TRUE(compare_tree(real_disk(), tmp.path(), render({{"a.yml", "a"}, {"b.yml", "b"}})).extra.empty());
}

emit::LoadedDirectory dynamic_directory(bool recursive)
{
  emit::LoadedDirectory out;
  out.path = "prod/traefik/dynamic";
  out.consumer = "Traefik's file provider";
  out.files = "every .yml file";
  out.recursive = recursive;
  out.reads = [](std::string_view name) { return name.size() > 4 && name.substr(name.size() - 4) == ".yml"; };
  return out;
}

std::vector<std::string> foreign_paths(const Drift& drift)
{
  std::vector<std::string> out;
  for (const auto& file : drift.foreign) {
    out.push_back(file.path);
  }
  return out;
}

TEST(WriteCompareTree, ReportsFilesTheConsumerOfTheirDirectoryLoadsThatEdgegenDidNotWrite)
{
  TempDir tmp;
  auto files = render(
      {{"prod/traefik/dynamic/a.yml", "a"}, {"prod/traefik/dynamic/old.yml", "o"}, {"prod/traefik/traefik.yml", "t"}});
  write_tree(real_disk(), tmp.path(), files);
  files = render({{"prod/traefik/dynamic/a.yml", "a"}, {"prod/traefik/traefik.yml", "t"}});
  EXPECT_TRUE(foreign_paths(compare_tree(real_disk(), tmp.path(), files, {dynamic_directory(true)})).empty());

  put(tmp / "prod/traefik/dynamic/manual.yml", "http: {}");
  put(tmp / "prod/traefik/dynamic/.hidden.yml", "hidden files are loaded too");
  put(tmp / "prod/traefik/dynamic/sub/deep.yml", "and those of subdirectories");
  put(tmp / "prod/traefik/dynamic/README.md", "not a file the consumer reads");
  put(tmp / "prod/traefik/notes.yml", "not in the directory");
  put(tmp / "foreign.txt", "allowed");
  std::filesystem::create_symlink("../traefik.yml", tmp / "prod/traefik/dynamic/link.yml");
  List before = listing(tmp.path());

  Drift drift = compare_tree(real_disk(), tmp.path(), files, {dynamic_directory(true)});
  EXPECT_EQ(foreign_paths(drift), (List{"prod/traefik/dynamic/.hidden.yml", "prod/traefik/dynamic/link.yml",
                                        "prod/traefik/dynamic/manual.yml", "prod/traefik/dynamic/sub/deep.yml"}));
  EXPECT_EQ(drift.extra, (List{"prod/traefik/dynamic/old.yml"})); // the sum lists it: stale, not foreign
  EXPECT_EQ(drift.changed, (List{"edgegen.sum"}));
  EXPECT_FALSE(drift.empty());
  EXPECT_EQ(describe(tmp / "", drift.foreign[2]),
            tmp / "prod/traefik/dynamic/manual.yml: not written by edgegen, and Traefik's file provider loads every "
                  ".yml file in " +
                tmp / "prod/traefik/dynamic and its subdirectories");
  EXPECT_EQ(
      foreign_paths(compare_tree(real_disk(), tmp.path(), files, {dynamic_directory(false)})),
      (List{"prod/traefik/dynamic/.hidden.yml", "prod/traefik/dynamic/link.yml", "prod/traefik/dynamic/manual.yml"}));
  EXPECT_EQ(listing(tmp.path()), before);

  // Without a directory its consumer loads whole, foreign files are allowed;
  // and a directory that is not there has nothing in it.
  EXPECT_TRUE(compare_tree(real_disk(), tmp.path(), files).foreign.empty());
  emit::LoadedDirectory absent = dynamic_directory(true);
  absent.path = "dev/traefik/dynamic";
  EXPECT_TRUE(compare_tree(real_disk(), tmp.path(), files, {absent}).foreign.empty());
}

TEST(WriteForeignFiles, KnownFilesAreNotForeign)
{
  TempDir tmp;
  put(tmp / "prod/traefik/dynamic/a.yml", "a");
  put(tmp / "prod/traefik/dynamic/b.yml", "b");
  auto known = [](std::string_view path) { return path == "prod/traefik/dynamic/a.yml"; };
  auto found = foreign_files(real_disk(), tmp.path(), known, {dynamic_directory(true)});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(describe("out", found[0]), "out/prod/traefik/dynamic/b.yml: not written by edgegen, and Traefik's file "
                                       "provider loads every .yml file in out/prod/traefik/dynamic and its "
                                       "subdirectories");
}

} // namespace
} // namespace edgegen::write
