// A render interrupted at every one of its changes to the output directory,
// on a MemoryDisk: killed there (the disk keeps what was done, nothing
// after), or failing there with EIO as a full or broken disk does.
#include "util/errors.hpp"
#include "write/memory_test_tree.hpp"

#include <algorithm>
#include <cerrno>

namespace edgegen::write {
namespace {

using ::edgegen::testing::render;
using testing::tree_of;
using Files = std::vector<serialise::RenderedFile>;

// Changed, unchanged, orphaned, in the way of a directory, newly made.
const Files& old_files()
{
  static const Files files =
      render({{"a.yml", "1"}, {"b/c.yml", "2"}, {"d.yml", "3"}, {"gone.yml", "4"}, {"h", "in the way"}});
  return files;
}
const Files& new_files()
{
  static const Files files =
      render({{"a.yml", "1 changed"}, {"b/c.yml", "2"}, {"d/x.yml", "new"}, {"e/f.yml", "5"}, {"h/i.yml", "6"}});
  return files;
}

MemoryDisk old_disk()
{
  MemoryDisk disk;
  write_tree(disk, "out", old_files());
  return disk;
}

// Every change of a render of new_files() over old_disk() that nothing stops.
std::vector<std::string> clean_steps(const MemoryDisk& start)
{
  MemoryDisk clean(start);
  write_tree(clean, "out", new_files());
  EXPECT_EQ(clean.tree("out"), tree_of(new_files()));
  return clean.log();
}

TEST(WriteJournal, KilledAtAnyChangeTheNextRenderFinishesItOrPutsTheOldOneBack)
{
  const MemoryDisk start = old_disk();
  ASSERT_EQ(start.tree("out"), tree_of(old_files()));
  const std::vector<std::string> steps = clean_steps(start);
  ASSERT_GT(steps.size(), 20u);

  for (size_t n = 0; n < steps.size(); ++n) {
    MemoryDisk disk(start);
    disk.crash_at(n);
    EXPECT_THROW(write_tree(disk, "out", new_files()), MemoryDisk::Crash) << n;
    MemoryDisk replayed(disk); // a new process, on what the killed one left
    MemoryDisk rolled_back(disk);
    write_tree(replayed, "out", new_files());
    EXPECT_EQ(replayed.tree("out"), tree_of(new_files())) << "rendered again after a kill at " << steps[n];
    write_tree(rolled_back, "out", old_files());
    EXPECT_EQ(rolled_back.tree("out"), tree_of(old_files())) << "old render after a kill at " << steps[n];
  }
}

TEST(WriteJournal, AFailedChangeLeavesTheOldTreeUntilTheRenamesBegin)
{
  const MemoryDisk start = old_disk();
  const std::vector<std::string> steps = clean_steps(start);
  const size_t first_rename = testing::first_output_rename(steps, "out");
  ASSERT_LT(first_rename, steps.size());
  const size_t in_the_way = std::find(steps.begin(), steps.end(), "unlink out/h") - steps.begin();
  ASSERT_LT(in_the_way, first_rename);

  for (size_t n = 0; n < steps.size(); ++n) {
    MemoryDisk disk(start);
    disk.fail_at(n, EIO);
    bool failed = false;
    try {
      write_tree(disk, "out", new_files());
    } catch (const util::EnvironmentError& e) {
      failed = true;
      EXPECT_NE(std::string(e.what()).find(": Input/output error"), std::string::npos) << e.what();
    }
    if (!failed) {
      EXPECT_EQ(disk.tree("out"), tree_of(new_files())) << "a failure ignored at " << steps[n];
    } else if (n < first_rename) {
      // Not quite: a file of the earlier render in the way of a directory
      // (h, now h/i.yml) goes before the files are staged, as the directory
      // of the new file can only be made then.
      std::map<std::string, std::string> old_tree = tree_of(old_files());
      if (n > in_the_way) {
        old_tree.erase("h");
      }
      EXPECT_EQ(disk.tree("out"), old_tree) << "failed at " << steps[n];
    }
    write_tree(disk, "out", new_files());
    EXPECT_EQ(disk.tree("out"), tree_of(new_files())) << "rendered again after a failure at " << steps[n];
  }
}

TEST(WriteJournal, AFailedRenameNamesTheFile)
{
  const MemoryDisk start = old_disk();
  const std::vector<std::string> steps = clean_steps(start);
  size_t first_rename = testing::first_output_rename(steps, "out");
  ASSERT_EQ(steps[first_rename].substr(steps[first_rename].rfind(' ')), " out/a.yml");

  MemoryDisk disk(start);
  disk.fail_at(first_rename, ENOSPC);
  try {
    write_tree(disk, "out", new_files());
    ADD_FAILURE() << "no error";
  } catch (const util::EnvironmentError& e) {
    EXPECT_EQ(std::string(e.what()), "cannot write out/a.yml: No space left on device");
  }
  // What was staged and not put in place is gone: no temporary is left.
  for (const auto& [path, bytes] : disk.tree("out")) {
    EXPECT_EQ(path.find(".tmp"), std::string::npos) << path;
  }
  // The journal names every path of both renders, so the next render owns
  // what this one left.
  std::string journal = disk.get("out/.edgegen.pending");
  for (const char* path :
       {"a.yml", "b/c.yml", "d.yml", "d/x.yml", "e/f.yml", "gone.yml", "h", "h/i.yml", "edgegen.sum"}) {
    EXPECT_NE(journal.find(std::string(path) + "\n"), std::string::npos) << path;
  }
}

} // namespace
} // namespace edgegen::write
