#include "testing.hpp"
#include "util/errors.hpp"
#include "write/new_files.hpp"

namespace edgegen::write {
namespace {

using testing::get;
using testing::listing;
using testing::put;
using testing::TempDir;
using V = std::vector<std::string>;

TEST(WriteNewFiles, CreatesTheFilesAndTheirDirectories)
{
  TempDir tmp;
  auto report = create_new_files(real_disk(), tmp / "repo", {{"a/b/c.yaml", "c"}, {".hidden.yaml", "h"}});
  EXPECT_EQ(report.written, (V{"a/b/c.yaml", ".hidden.yaml"}));
  EXPECT_EQ(report.kept, V{});
  EXPECT_EQ(get(tmp / "repo/a/b/c.yaml"), "c");
  EXPECT_EQ(listing(tmp.path()), (V{"repo/", "repo/.hidden.yaml", "repo/a/", "repo/a/b/", "repo/a/b/c.yaml"}));
}

TEST(WriteNewFiles, KeepsWhatExistsAndWritesTheRest)
{
  TempDir tmp;
  put(tmp / "a.yaml", "mine");
  std::filesystem::create_directory(tmp / "d.yaml");
  std::filesystem::create_symlink("nowhere", tmp / "l.yaml");
  auto report =
      create_new_files(real_disk(), tmp.path(), {{"a.yaml", "x"}, {"b.yaml", "b"}, {"d.yaml", "x"}, {"l.yaml", "x"}});
  EXPECT_EQ(report.written, V{"b.yaml"});
  EXPECT_EQ(report.kept, (V{"a.yaml", "d.yaml", "l.yaml"}));
  EXPECT_EQ(get(tmp / "a.yaml"), "mine");
  EXPECT_EQ(listing(tmp.path()), (V{"a.yaml", "b.yaml", "d.yaml/", "l.yaml"}));
}

TEST(WriteNewFiles, AFailureLeavesNothingBehind)
{
  TempDir tmp;
  put(tmp / "f", "a file where a directory must go");
  EXPECT_THROW(create_new_files(real_disk(), tmp.path(), {{"new/a.yaml", "a"}, {"f/b.yaml", "b"}}),
               util::EnvironmentError);
  EXPECT_EQ(listing(tmp.path()), V{"f"});
}

} // namespace
} // namespace edgegen::write
