#include "cli/tree_diff.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace edgegen::cli {
namespace {

const RenderedTree k_old = {
    {"a.yml", R"(one
two
three
)"},
    {"gone.yml", "x\n"},
    {"same.yml", "same\n"},
};
const RenderedTree k_new = {
    {"a.yml", R"(one
2
three
)"},
    {"new.yml", R"(y
z
)"},
    {"same.yml", "same\n"},
};

std::string patch(bool color)
{
  std::ostringstream out;
  print_patch(diff_trees(k_old, k_new), color, out);
  return out.str();
}

TEST(TreeDiff, ChangedAddedAndRemovedFilesInPathOrder)
{
  EXPECT_EQ(patch(false), R"(--- a/a.yml
+++ b/a.yml
@@ -1,3 +1,3 @@
 one
-two
+2
 three
--- a/gone.yml
+++ /dev/null
@@ -1 +0,0 @@
-x
--- /dev/null
+++ b/new.yml
@@ -0,0 +1,2 @@
+y
+z
)");
}

TEST(TreeDiff, ColoursLikeGit)
{
  std::ostringstream out;
  print_patch(diff_trees({{"a", R"(x
y
)"}},
                         {{"a", R"(x
z
)"}}),
              true, out);
  EXPECT_EQ(out.str(), "\033[1m--- a/a\033[m\n\033[1m+++ b/a\033[m\n\033[36m@@ -1,2 +1,2 @@\033[m\n x\n"
                       "\033[31m-y\033[m\n\033[32m+z\033[m\n");
}

TEST(TreeDiff, IdenticalTreesPrintNothing)
{
  EXPECT_TRUE(diff_trees(k_old, k_old).empty());
}

TEST(TreeDiff, StatCountsAndAlignsLikeGit)
{
  std::ostringstream out;
  print_stat(diff_trees(k_old, k_new), false, out);
  EXPECT_EQ(out.str(), R"( a.yml    | 2 +-
 gone.yml | 1 -
 new.yml  | 2 ++
 3 files changed, 3 insertions(+), 2 deletions(-)
)");
}

TEST(TreeDiff, StatScalesLongBars)
{
  std::string many;
  for (int i = 0; i < 100; ++i) {
    many += std::to_string(i) + "\n";
  }
  std::ostringstream out;
  print_stat(diff_trees({{"big", many}, {"small", "a\n"}}, {{"big", ""}, {"small", "b\n"}}), false, out);
  EXPECT_EQ(out.str(), " big   | 100 " + std::string(40, '-') + R"(
 small |   2 +-
)" + " 2 files changed, 1 insertion(+), 101 deletions(-)\n");
}

} // namespace
} // namespace edgegen::cli
