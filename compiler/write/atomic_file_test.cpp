#include "testing.hpp"
#include "util/errors.hpp"
#include "write/atomic_file.hpp"

namespace edgegen::write {
namespace {

using testing::get;
using testing::listing;
using testing::TempDir;

TEST(WriteAtomicFile, CommitReplacesTheFile)
{
  TempDir tmp;
  testing::put(tmp / "a.yml", "old");
  AtomicFile file(real_disk(), tmp / "a.yml");
  std::string temp = file.temp_path();
  EXPECT_EQ(temp.rfind(tmp / ".a.yml.", 0), 0u) << temp;
  EXPECT_EQ(temp.substr(temp.size() - 4), ".tmp");
  file.write("new ");
  file.write("bytes");
  EXPECT_EQ(get(tmp / "a.yml"), "old");
  file.commit();
  EXPECT_EQ(get(tmp / "a.yml"), "new bytes");
  EXPECT_EQ(listing(tmp.path()), std::vector<std::string>{"a.yml"});
}

TEST(WriteAtomicFile, WithoutCommitTheTemporaryFileIsRemoved)
{
  TempDir tmp;
  {
    AtomicFile file(real_disk(), tmp / "a.yml");
    file.write("half");
    EXPECT_EQ(listing(tmp.path()).size(), 1u);
  }
  EXPECT_EQ(listing(tmp.path()), std::vector<std::string>{});
}

// The second file is staged before the first takes the name, as when
// someone creates the file between edgegen's check and its write.
TEST(WriteAtomicFile, CommitNewNeverReplaces)
{
  TempDir tmp;
  {
    AtomicFile first(real_disk(), tmp / "a.yml");
    AtomicFile second(real_disk(), tmp / "a.yml");
    first.write("first");
    second.write("second");
    EXPECT_TRUE(first.commit_new());
    EXPECT_FALSE(second.commit_new());
  }
  EXPECT_EQ(get(tmp / "a.yml"), "first");
  EXPECT_EQ(listing(tmp.path()), std::vector<std::string>{"a.yml"});
}

TEST(WriteAtomicFile, MissingDirectoryIsAnEnvironmentError)
{
  TempDir tmp;
  EXPECT_THROW(AtomicFile(real_disk(), tmp / "no/such/a.yml"), util::EnvironmentError);
}

} // namespace
} // namespace edgegen::write
