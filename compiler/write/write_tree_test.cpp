#include "testing.hpp"
#include "util/errors.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <cstdlib>

namespace edgegen::write {
namespace {

using testing::exists;
using testing::get;
using testing::listing;
using testing::put;
using testing::render;
using testing::TempDir;
using List = std::vector<std::string>;
using Views = std::vector<std::string_view>; // WriteReport::written, unchanged

struct Stamp
{
  ino_t inode;
  timespec mtime;
};

Stamp stamp(const std::string& path)
{
  struct stat st;
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return {st.st_ino, st.st_mtim};
}

// Sets an old mtime, so that a rewrite within the same clock tick shows.
void age(const std::string& path)
{
  timespec times[2] = {{1000000000, 0}, {1000000000, 0}};
  ASSERT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
}

TEST(WriteTree, WritesEverythingIntoANewDirectory)
{
  TempDir tmp;
  std::string out = tmp / "deep/out";
  auto files = render({{"prod/traefik/traefik.yml", "a: 1\n"}, {"flux/prod.yaml", "b: 2\n"}});
  WriteReport report = write_tree(real_disk(), out, files);
  EXPECT_EQ(report.written, (Views{"edgegen.lock.json", "edgegen.sum", "flux/prod.yaml", "prod/traefik/traefik.yml"}));
  EXPECT_TRUE(report.unchanged.empty());
  EXPECT_TRUE(report.removed.empty());
  EXPECT_EQ(get(out + "/prod/traefik/traefik.yml"), "a: 1\n");
  // No temporary file is left behind.
  EXPECT_EQ(listing(out), (List{".edgegen.flock", "edgegen.lock.json", "edgegen.sum", "flux/", "flux/prod.yaml",
                                "prod/", "prod/traefik/", "prod/traefik/traefik.yml"}));
}

// A render of two files, one of them more than the first pass keeps
// (5 MiB): unless the tree is new, staged as the second pass renders it.
const std::string k_big(5 << 20, 'x');
std::vector<serialise::RenderedFile> two_files()
{
  return render({{"prod/traefik/traefik.yml", "a: 1\n"}, {"flux/prod.yaml", k_big}});
}

TEST(TreeWriter, StagesOnTheSecondPassAndLeavesNoTraceOnAnError)
{
  TempDir tmp;
  std::string out = tmp / "deep/out";
  write_tree(real_disk(), out, render({{"old.yml", "o"}}));
  const List before = listing(tmp.path());
  auto files = two_files();
  int passes = 0;
  {
    TreeWriter writer(real_disk(), out);
    EXPECT_THROW(writer.write([&](const FileSink& sink) {
      ++passes;
      sink(files[0]);
      sink(files[1]);
      if (passes == 1) {
        // The first pass only compares: nothing is staged yet.
        EXPECT_EQ(listing(tmp.path()), before);
        return;
      }
      // Staged under temporary names only: nothing is in place yet, but
      // the journal names both, so that a render killed now leaves
      // temporaries the next one knows for its own.
      EXPECT_FALSE(exists(out + "/" + files[0].path));
      EXPECT_EQ(get(out + "/.edgegen.pending"),
                "edgegen.lock.json\nold.yml\n" + files[0].path + "\n" + files[1].path + "\n");
      throw util::EnvironmentError("disk full");
    }),
                 util::EnvironmentError);
  }
  EXPECT_EQ(passes, 2);
  // The temporaries, the journal and the directories made for them are
  // gone: the tree is as the earlier render left it.
  EXPECT_EQ(listing(tmp.path()), before);

  TreeWriter writer(real_disk(), out);
  WriteReport report = writer.write([&](const FileSink& sink) {
    for (const auto& file : files) {
      sink(file);
    }
  });
  EXPECT_EQ(report.written, (Views{"edgegen.sum", "flux/prod.yaml", "prod/traefik/traefik.yml"}));
  EXPECT_EQ(report.unchanged, Views{"edgegen.lock.json"});
  EXPECT_EQ(report.removed, List{"old.yml"});
  EXPECT_EQ(get(out + "/prod/traefik/traefik.yml"), "a: 1\n");
}

// Into a directory that holds nothing yet, no file can be in the way of
// another: each is staged as it comes, and the files are rendered once.
TEST(TreeWriter, IntoAFreshDirectoryEachFileIsStagedAsItComesInOnePass)
{
  TempDir tmp;
  std::string out = tmp / "deep/out";
  auto files = two_files();
  int passes = 0;
  {
    TreeWriter writer(real_disk(), out);
    EXPECT_THROW(writer.write([&](const FileSink& sink) {
      ++passes;
      sink(files[0]);
      // Staged, not in place; the journal names it.
      EXPECT_FALSE(exists(out + "/" + files[0].path));
      EXPECT_EQ(get(out + "/.edgegen.pending"), files[0].path + "\n");
      throw util::EnvironmentError("disk full");
    }),
                 util::EnvironmentError);
  }
  EXPECT_EQ(passes, 1);
  EXPECT_EQ(listing(tmp.path()), List{}); // no temporary, journal, lock or directory left

  passes = 0;
  TreeWriter writer(real_disk(), out);
  WriteReport report = writer.write([&](const FileSink& sink) {
    ++passes;
    for (const auto& file : files) {
      sink(file);
    }
  });
  EXPECT_EQ(passes, 1);
  EXPECT_EQ(report.written, (Views{"edgegen.lock.json", "edgegen.sum", "flux/prod.yaml", "prod/traefik/traefik.yml"}));
  EXPECT_EQ(get(out + "/flux/prod.yaml"), k_big);
  EXPECT_EQ(listing(out), (List{".edgegen.flock", "edgegen.lock.json", "edgegen.sum", "flux/", "flux/prod.yaml",
                                "prod/", "prod/traefik/", "prod/traefik/traefik.yml"}));
}

TEST(TreeWriter, ASmallChangeIsStagedWithoutRenderingAgain)
{
  TempDir tmp;
  write_tree(real_disk(), tmp.path(), render({{"a.yml", "a"}, {"b.yml", "b"}}));
  auto files = render({{"a.yml", "a"}, {"b.yml", "B"}});
  TreeWriter writer(real_disk(), tmp.path());
  int passes = 0;
  WriteReport report = writer.write([&](const FileSink& sink) {
    ++passes;
    for (const auto& file : files) {
      sink(file);
    }
  });
  EXPECT_EQ(passes, 1);
  EXPECT_EQ(report.written, (Views{"b.yml", "edgegen.sum"}));
  EXPECT_EQ(get(tmp / "b.yml"), "B");
}

TEST(TreeWriter, ANewFileFoundOnlyTheSecondTimeIsABug)
{
  TempDir tmp;
  write_tree(real_disk(), tmp.path(), render({{"old.yml", "o"}})); // two passes, as the tree is not empty
  auto files = render({{"a.yml", std::string(5 << 20, 'a')}, {"b.yml", "b"}});
  TreeWriter writer(real_disk(), tmp.path());
  int passes = 0;
  EXPECT_THROW(writer.write([&](const FileSink& sink) {
    sink(files[0]);
    if (++passes == 2) {
      sink(files[1]);
    }
  }),
               std::logic_error);
}

TEST(WriteTree, AJournalLineCutShortNamesNothing)
{
  TempDir tmp;
  put(tmp / ".edgegen.pending", "a.yml\nprod/b.y");
  put(tmp / "prod/b.y", "hand-written\n");
  EXPECT_THROW(write_tree(real_disk(), tmp.path(), render({{"prod/b.y", "generated\n"}})), util::EnvironmentError);
  EXPECT_EQ(get(tmp / "prod/b.y"), "hand-written\n");
}

TEST(WriteTree, IdenticalFilesAreNotRewritten)
{
  TempDir tmp;
  write_tree(real_disk(), tmp.path(), render({{"a.yml", "a\n"}, {"b.yml", "b\n"}}));
  age(tmp / "a.yml");
  age(tmp / "b.yml");
  Stamp a = stamp(tmp / "a.yml");
  Stamp b = stamp(tmp / "b.yml");

  WriteReport report = write_tree(real_disk(), tmp.path(), render({{"a.yml", "a\n"}, {"b.yml", "B\n"}}));
  EXPECT_EQ(report.written, (Views{"b.yml", "edgegen.sum"}));
  EXPECT_EQ(report.unchanged, (Views{"a.yml", "edgegen.lock.json"}));
  Stamp a2 = stamp(tmp / "a.yml");
  EXPECT_EQ(a2.inode, a.inode);
  EXPECT_EQ(a2.mtime.tv_sec, a.mtime.tv_sec);
  EXPECT_EQ(a2.mtime.tv_nsec, a.mtime.tv_nsec);
  EXPECT_NE(stamp(tmp / "b.yml").mtime.tv_sec, b.mtime.tv_sec);
  EXPECT_EQ(get(tmp / "b.yml"), "B\n");

  report = write_tree(real_disk(), tmp.path(), render({{"a.yml", "a\n"}, {"b.yml", "B\n"}}));
  EXPECT_TRUE(report.written.empty());
  EXPECT_EQ(report.unchanged, (Views{"a.yml", "b.yml", "edgegen.lock.json", "edgegen.sum"}));
}

TEST(WriteTree, RemovesOnlyListedOrphansAndPrunesTheirEmptyDirectories)
{
  TempDir tmp;
  write_tree(real_disk(), tmp.path(), render({{"keep/a.yml", "a"}, {"gone/x/b.yml", "b"}, {"shared/c.yml", "c"}}));
  put(tmp / "shared/mine.txt", "foreign");
  put(tmp / "notes.txt", "foreign");
  WriteReport report = write_tree(real_disk(), tmp.path(), render({{"keep/a.yml", "a"}}));
  EXPECT_EQ(report.removed, (List{"gone/x/b.yml", "shared/c.yml"}));
  EXPECT_EQ(listing(tmp.path()), (List{".edgegen.flock", "edgegen.lock.json", "edgegen.sum", "keep/", "keep/a.yml",
                                       "notes.txt", "shared/", "shared/mine.txt"}));
  // With nothing left to write, out_dir itself stays.
  report = write_tree(real_disk(), tmp.path(), {});
  EXPECT_TRUE(exists(tmp.path()));
}

TEST(WriteTree, RemovesTemporariesOfKilledRendersOfRenderedAndOrphanedFilesOnly)
{
  TempDir tmp;
  write_tree(real_disk(), tmp.path(), render({{"d/kept.yml", "k"}, {"d/gone.yml", "g"}}));
  // What renders killed mid-write leave: temporaries of a file still
  // rendered and of one that is an orphan now; and files that only look so.
  put(tmp / "d/.kept.yml.4242.0.tmp", "half");
  put(tmp / "d/.gone.yml.4242.1.tmp", "half");
  put(tmp / "d/.other.yml.4242.2.tmp", "not ours");
  put(tmp / "d/.kept.yml.x.0.tmp", "not ours");
  write_tree(real_disk(), tmp.path(), render({{"d/kept.yml", "k2"}}));
  EXPECT_EQ(listing(tmp.path()), (List{".edgegen.flock", "d/", "d/.kept.yml.x.0.tmp", "d/.other.yml.4242.2.tmp",
                                       "d/kept.yml", "edgegen.lock.json", "edgegen.sum"}));
}

TEST(WriteTree, NeverOverwritesAFileItDidNotWrite)
{
  TempDir tmp;
  put(tmp / "prod/a.yml", "hand-written\n");
  auto files = render({{"aaa/first.yml", "1"}, {"prod/a.yml", "generated\n"}});
  try {
    write_tree(real_disk(), tmp.path(), files);
    FAIL() << "expected an EnvironmentError";
  } catch (const util::EnvironmentError& e) {
    EXPECT_EQ(std::string(e.what()), "refusing to overwrite " + tmp.path() +
                                         "/prod/a.yml: edgegen did not write it (it is not listed in edgegen.sum)");
  }
  // Nothing at all was written, not even the files that come first.
  EXPECT_EQ(listing(tmp.path()), (List{"prod/", "prod/a.yml"}));
  EXPECT_EQ(get(tmp / "prod/a.yml"), "hand-written\n");

  // Also when an edgegen.sum is there but does not list the file.
  std::filesystem::remove(tmp / "prod/a.yml");
  write_tree(real_disk(), tmp.path(), render({{"aaa/first.yml", "1"}}));
  put(tmp / "prod/a.yml", "hand-written\n");
  std::string sum = get(tmp / "edgegen.sum");
  EXPECT_THROW(write_tree(real_disk(), tmp.path(), render({{"aaa/first.yml", "2"}, {"prod/a.yml", "x"}})),
               util::EnvironmentError);
  EXPECT_EQ(get(tmp / "aaa/first.yml"), "1");
  EXPECT_EQ(get(tmp / "edgegen.sum"), sum);

  // An identical file is fine: there is nothing to overwrite.
  EXPECT_NO_THROW(write_tree(real_disk(), tmp.path(), render({{"prod/a.yml", "hand-written\n"}})));
}

TEST(TreeWriter, ReportsTheFirstRefusalByPathWhateverTheOrder)
{
  TempDir tmp;
  put(tmp / "a/one.yml", "mine\n");
  put(tmp / "b/two.yml", "mine too\n");
  auto files = render({{"a/one.yml", "x"}, {"b/two.yml", "y"}, {"c/three.yml", "z"}});
  TreeWriter writer(real_disk(), tmp.path());
  try {
    writer.write([&](const FileSink& sink) {
      for (auto it = files.rbegin(); it != files.rend(); ++it) {
        sink(*it); // refusals wait for the end of the pass
      }
    });
    FAIL() << "expected an EnvironmentError";
  } catch (const util::EnvironmentError& e) {
    EXPECT_EQ(std::string(e.what()), "refusing to overwrite " + tmp.path() +
                                         "/a/one.yml: edgegen did not write it (it is not listed in edgegen.sum)");
  }
}

TEST(WriteTree, IgnoresSumEntriesOutsideTheOutputDirectory)
{
  TempDir tmp;
  std::string out = tmp / "out";
  put(tmp / "outside.txt", "precious");
  put(tmp / "elsewhere/victim.txt", "precious");
  write_tree(real_disk(), out, render({{"a.yml", "a"}}));
  ASSERT_EQ(::symlink((tmp / "elsewhere").c_str(), (out + "/link").c_str()), 0);
  std::string sum = get(out + "/edgegen.sum");
  std::string hash = std::string(64, '0');
  put(out + "/edgegen.sum", sum + hash + "  ../outside.txt\n" + hash + "  " + tmp.path() + "/outside.txt\n" + hash +
                                "  link/victim.txt\n" + hash + "  ./a.yml\n");
  WriteReport report = write_tree(real_disk(), out, render({}));
  EXPECT_EQ(report.removed, (List{"a.yml"}));
  EXPECT_EQ(get(tmp / "outside.txt"), "precious");
  EXPECT_EQ(get(tmp / "elsewhere/victim.txt"), "precious");
  EXPECT_TRUE(exists(out + "/link"));
}

TEST(WriteTree, DoesNotWriteThroughSymbolicLinks)
{
  TempDir tmp;
  std::string out = tmp / "out";
  std::filesystem::create_directories(tmp / "elsewhere");
  std::filesystem::create_directories(out);
  ASSERT_EQ(::symlink((tmp / "elsewhere").c_str(), (out + "/prod").c_str()), 0);
  EXPECT_THROW(write_tree(real_disk(), out, render({{"prod/a.yml", "a"}})), util::EnvironmentError);
  EXPECT_EQ(listing(tmp / "elsewhere"), List{});
}

TEST(WriteTree, AFileMayBecomeADirectoryAndBack)
{
  TempDir tmp;
  write_tree(real_disk(), tmp.path(), render({{"x/a", "file"}}));
  WriteReport report = write_tree(real_disk(), tmp.path(), render({{"x/a/b.yml", "nested"}}));
  EXPECT_EQ(report.removed, (List{"x/a"}));
  EXPECT_EQ(get(tmp / "x/a/b.yml"), "nested");
  report = write_tree(real_disk(), tmp.path(), render({{"x/a", "file again"}}));
  EXPECT_EQ(report.removed, (List{"x/a/b.yml"}));
  EXPECT_EQ(get(tmp / "x/a"), "file again");
  // But not over something edgegen did not write.
  put(tmp / "y/a/mine.txt", "foreign");
  EXPECT_THROW(write_tree(real_disk(), tmp.path(), render({{"x/a", "file again"}, {"y/a", "z"}})),
               util::EnvironmentError);
  EXPECT_EQ(get(tmp / "y/a/mine.txt"), "foreign");
}

TEST(WriteTree, RefusesAnEdgegenSumItDidNotWrite)
{
  TempDir tmp;
  put(tmp / "edgegen.sum", "my notes\n");
  EXPECT_THROW(write_tree(real_disk(), tmp.path(), render({{"a.yml", "a"}})), util::EnvironmentError);
  EXPECT_EQ(listing(tmp.path()), List{"edgegen.sum"});
}

TEST(WriteTree, OutputIsNotADirectory)
{
  TempDir tmp;
  put(tmp / "file", "x");
  EXPECT_THROW(write_tree(real_disk(), tmp / "file", render({})), util::EnvironmentError);
  EXPECT_THROW(write_tree(real_disk(), tmp / "file/sub", render({})), util::EnvironmentError);
}

TEST(WriteTree, Sha256sumAcceptsTheSum)
{
  if (std::system("command -v sha256sum >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "sha256sum not found (coreutils); cannot cross-check edgegen.sum";
  }
  TempDir tmp;
  write_tree(real_disk(), tmp.path(),
             render({{"prod/traefik/dynamic/team-a.yml", "x: 1\n"}, {"a-b.txt", ""}, {"z.zone", "@\n"}}));
  std::string command = "cd '" + tmp.path() + "' && sha256sum --quiet --strict -c edgegen.sum";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
}

} // namespace
} // namespace edgegen::write
