#include "write/test_tree.hpp"

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
  Drift drift = compare_tree(tmp / "absent", render({{"a.yml", "a"}}));
  EXPECT_EQ(drift.missing, (List{"a.yml", "edgegen.lock.json", "edgegen.sum"}));
  EXPECT_TRUE(drift.changed.empty());
  EXPECT_TRUE(drift.extra.empty());
  EXPECT_FALSE(testing::exists(tmp / "absent"));
}

TEST(WriteCompareTree, ReportsChangedMissingAndExtraWithoutWriting)
{
  TempDir tmp;
  write_tree(tmp.path(), render({{"a.yml", "a"}, {"b.yml", "b"}, {"old/c.yml", "c"}}));
  EXPECT_TRUE(compare_tree(tmp.path(), render({{"a.yml", "a"}, {"b.yml", "b"}, {"old/c.yml", "c"}})).empty());

  put(tmp / "a.yml", "edited");
  std::filesystem::remove(tmp / "b.yml");
  put(tmp / "foreign.txt", "not listed, not extra");
  List before = listing(tmp.path());
  Drift drift = compare_tree(tmp.path(), render({{"a.yml", "a"}, {"b.yml", "b"}, {"new.yml", "n"}}));
  EXPECT_EQ(drift.changed, (List{"a.yml", "edgegen.sum"}));
  EXPECT_EQ(drift.missing, (List{"b.yml", "new.yml"}));
  EXPECT_EQ(drift.extra, (List{"old/c.yml"}));
  EXPECT_FALSE(drift.empty());
  EXPECT_EQ(listing(tmp.path()), before);

  // Listed but already gone is not extra.
  std::filesystem::remove(tmp / "old/c.yml");
  EXPECT_TRUE(compare_tree(tmp.path(), render({{"a.yml", "a"}, {"b.yml", "b"}})).extra.empty());
}

} // namespace
} // namespace edgegen::write
