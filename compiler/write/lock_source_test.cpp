#include "testing.hpp"

namespace edgegen::write {
namespace {

using testing::put;
using testing::TempDir;

serialise::Provenance commit_provenance()
{
  serialise::Provenance provenance;
  provenance.origin = "commit";
  provenance.commit_id = "0123456789abcdef0123456789abcdef01234567";
  provenance.tree_id = "89abcdef0123456789abcdef0123456789abcdef";
  provenance.inputs = {{"edge.yaml", "24e3ae8e57c1ed4f0524faa7c4a7a06a0d6d0386"}};
  return provenance;
}

TEST(WriteLockSource, ReadsBackWhatRenderFilesWrote)
{
  TempDir tmp;
  write_tree(real_disk(), tmp.path(), serialise::render_files({}, commit_provenance()));
  std::optional<serialise::Provenance> source = read_lock_source(real_disk(), tmp.path());
  ASSERT_TRUE(source);
  EXPECT_EQ(source->origin, "commit");
  EXPECT_EQ(source->commit_id, "0123456789abcdef0123456789abcdef01234567");
  EXPECT_EQ(source->tree_id, "89abcdef0123456789abcdef0123456789abcdef");
  EXPECT_TRUE(source->inputs.empty());

  write_tree(real_disk(), tmp.path(), serialise::render_files({}, serialise::Provenance{}));
  source = read_lock_source(real_disk(), tmp.path());
  ASSERT_TRUE(source);
  EXPECT_EQ(source->origin, "worktree");
  EXPECT_EQ(source->commit_id, "");
}

TEST(WriteLockSource, NothingForALockEdgegenDidNotWrite)
{
  TempDir tmp;
  EXPECT_FALSE(read_lock_source(real_disk(), tmp.path()));
  put(tmp / "edgegen.lock.json", "{\"source\": {\"origin\": \"commit\"}}\n");
  EXPECT_FALSE(read_lock_source(real_disk(), tmp.path()));
  put(tmp / "edgegen.lock.json", R"({
  "source": {
    "origin": "x",
    "extra": "y"
  }
}
)");
  EXPECT_FALSE(read_lock_source(real_disk(), tmp.path()));
  put(tmp / "edgegen.lock.json", R"({
  "source": {
    "origin": "a\"b"
  }
}
)");
  EXPECT_FALSE(read_lock_source(real_disk(), tmp.path()));
}

TEST(WriteLockSource, CheckAdoptingItComparesContentOnly)
{
  TempDir tmp;
  std::vector<emit::OutputFile> files(1);
  files[0].path = "a.yml";
  files[0].format = emit::OutputFile::Format::text;
  files[0].text = "a\n";
  write_tree(real_disk(), tmp.path(), serialise::render_files(files, commit_provenance()));
  serialise::Provenance worktree = commit_provenance();
  worktree.origin = "worktree";
  worktree.commit_id.clear();
  worktree.tree_id.clear();
  EXPECT_EQ(compare_tree(real_disk(), tmp.path(), serialise::render_files(files, worktree)).changed,
            (std::vector<std::string>{"edgegen.lock.json", "edgegen.sum"}));
  serialise::Provenance adopted = *read_lock_source(real_disk(), tmp.path());
  adopted.inputs = worktree.inputs;
  EXPECT_TRUE(compare_tree(real_disk(), tmp.path(), serialise::render_files(files, adopted)).empty());
}

} // namespace
} // namespace edgegen::write
