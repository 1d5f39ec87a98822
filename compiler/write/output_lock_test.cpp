#include "testing.hpp"
#include "util/errors.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <ctime>
#include <map>
#include <memory>

namespace edgegen::write {
namespace {

using testing::exists;
using testing::get;
using testing::listing;
using testing::put;
using testing::render;
using testing::TempDir;
using List = std::vector<std::string>;
using std::chrono::milliseconds;

// What a render waiting in vain says, with `timeout` of 0.
std::string refusal(const std::string& out, OutputLock::Mode mode)
{
  try {
    OutputLock second(out, mode, milliseconds(0));
  } catch (const util::EnvironmentError& e) {
    return e.what();
  }
  return "";
}

TEST(OutputLock, OneWriterAtATimeNamingTheOneThatHasIt)
{
  TempDir tmp;
  std::string out = tmp / "out";
  {
    OutputLock first(out, OutputLock::Mode::exclusive, milliseconds(0));
    // Our own pid and the time it was taken: a lock held by this process
    // under another descriptor excludes as one held by another process.
    std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    char clock[16];
    std::strftime(clock, sizeof clock, "%H:%M", &local);
    std::string message = refusal(out, OutputLock::Mode::exclusive);
    EXPECT_EQ(message.substr(0, message.find(" since ")),
              "another edgegen is writing " + out + " (pid " + std::to_string(::getpid()));
    EXPECT_NE(message.find(" since " + std::string(clock)), std::string::npos) << message;
    EXPECT_EQ(message.substr(message.find(')')), "); waited 0 s (--lock-timeout)");
    // A check waits for a writer too.
    EXPECT_EQ(refusal(out, OutputLock::Mode::shared).substr(0, 27), "another edgegen is writing ");
  }
  // Released: the file stays, emptied.
  EXPECT_EQ(listing(out), List{".edgegen.flock"});
  EXPECT_EQ(get(out + "/.edgegen.flock"), "");
  EXPECT_EQ(refusal(out, OutputLock::Mode::exclusive), "");
}

TEST(OutputLock, ChecksShareItAndKeepWritersOut)
{
  TempDir tmp;
  OutputLock check(tmp.path(), OutputLock::Mode::shared, milliseconds(0));
  EXPECT_EQ(refusal(tmp.path(), OutputLock::Mode::shared), "");
  EXPECT_EQ(refusal(tmp.path(), OutputLock::Mode::exclusive),
            "another edgegen is checking " + tmp.path() + " (render --check); waited 0 s (--lock-timeout)");
}

TEST(OutputLock, ACheckOfAMissingDirectoryCreatesNothing)
{
  TempDir tmp;
  OutputLock check(tmp / "absent", OutputLock::Mode::shared, milliseconds(0));
  EXPECT_FALSE(exists(tmp / "absent"));
}

TEST(OutputLock, AWaitingWriterGetsItWhenTheHolderRemovedIt)
{
  TempDir tmp;
  std::string out = tmp / "new";
  auto first = std::make_unique<OutputLock>(out, OutputLock::Mode::exclusive, milliseconds(0));
  first->remove_created(); // a failed render leaves out_dir as it was
  EXPECT_FALSE(exists(out));
  // The next one makes them again and locks a file that is there.
  OutputLock second(out, OutputLock::Mode::exclusive, milliseconds(0));
  first.reset();
  EXPECT_EQ(refusal(out, OutputLock::Mode::exclusive).substr(0, 27), "another edgegen is writing ");
}

TEST(OutputLock, TheLockFileIsNeitherListedNorAnOrphan)
{
  TempDir tmp;
  write_tree(real_disk(), tmp.path(), render({{"a.yml", "a"}}));
  EXPECT_EQ(get(tmp / "edgegen.sum").find(".edgegen.flock"), std::string::npos);
  // Not even when a journal or an edgegen.sum names it.
  put(tmp / ".edgegen.pending", ".edgegen.flock\n");
  std::string hash(64, '0');
  put(tmp / "edgegen.sum", get(tmp / "edgegen.sum") + hash + "  .edgegen.flock\n");
  WriteReport report = write_tree(real_disk(), tmp.path(), render({{"b.yml", "b"}}));
  EXPECT_EQ(report.removed, (List{"a.yml"}));
  EXPECT_TRUE(exists(tmp / ".edgegen.flock"));
  EXPECT_THROW(render({{".edgegen.flock", "x"}}), std::logic_error);
}

// Directory modification times, to the nanosecond, of out_dir and below.
std::map<std::string, std::pair<time_t, long>> directory_times(const std::string& out_dir)
{
  std::map<std::string, std::pair<time_t, long>> out;
  for (const std::string& entry : listing(out_dir)) {
    if (entry.back() == '/') {
      struct stat st;
      ::stat((out_dir + "/" + entry).c_str(), &st);
      out[entry] = {st.st_mtim.tv_sec, st.st_mtim.tv_nsec};
    }
  }
  struct stat st;
  ::stat(out_dir.c_str(), &st);
  out["."] = {st.st_mtim.tv_sec, st.st_mtim.tv_nsec};
  return out;
}

TEST(TreeWriter, AConflictIsFoundBeforeAnythingIsWritten)
{
  TempDir tmp;
  write_tree(real_disk(), tmp.path(), render({{"prod/dynamic/a.yml", "a"}, {"prod/dns/Corefile", "."}}));
  // A file edgegen did not write, exactly where the next render writes; it
  // sorts and comes last, after files that changed and new directories.
  put(tmp / "prod/dynamic/zz.yml", "hand-written\n");
  auto before_listing = listing(tmp.path());
  auto before = directory_times(tmp.path());
  ::usleep(20000); // a change would show in the times
  auto files = render({{"prod/dynamic/a.yml", "changed"}, {"new/dir/b.yml", "b"}, {"prod/dynamic/zz.yml", "mine"}});
  EXPECT_THROW(write_tree(real_disk(), tmp.path(), files), util::EnvironmentError);
  EXPECT_EQ(listing(tmp.path()), before_listing); // no temporary, no journal, no directory
  EXPECT_EQ(directory_times(tmp.path()), before);
  EXPECT_EQ(get(tmp / "prod/dynamic/a.yml"), "a");
}

} // namespace
} // namespace edgegen::write
