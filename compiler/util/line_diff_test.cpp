#include "util/line_diff.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <random>

namespace edgegen::util {
namespace {

// The whole unified diff body as diff -u prints it (without file headers).
std::string unified(std::string_view a, std::string_view b, size_t context = 3)
{
  std::string out;
  for (const Hunk& hunk : diff_hunks(a, b, context)) {
    out += hunk_header(hunk) + "\n";
    for (const DiffLine& line : hunk.lines) {
      out += line.tag;
      out += line.text;
      if (line.text.empty() || line.text.back() != '\n') {
        out += R"(
\ No newline at end of file
)";
      }
    }
  }
  return out;
}

std::string numbered(int from, int to)
{
  std::string text;
  for (int i = from; i <= to; ++i) {
    text += std::to_string(i) + "\n";
  }
  return text;
}

size_t lcs_length(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b)
{
  std::vector<std::vector<size_t>> t(a.size() + 1, std::vector<size_t>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;) {
    for (size_t j = b.size(); j-- > 0;) {
      t[i][j] = a[i] == b[j] ? t[i + 1][j + 1] + 1 : std::max(t[i + 1][j], t[i][j + 1]);
    }
  }
  return t[0][0];
}

TEST(LineDiff, EditScriptIsValidAndShortestOnRandomInputs)
{
  std::mt19937 random(7);
  const std::vector<std::string_view> alphabet = {"a", "b", "c", "d"};
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::string_view> a(random() % 14);
    std::vector<std::string_view> b(random() % 14);
    for (auto& line : a) {
      line = alphabet[random() % alphabet.size()];
    }
    for (auto& line : b) {
      line = alphabet[random() % alphabet.size()];
    }
    std::vector<EditOp> ops = edit_script(a, b);
    std::vector<std::string_view> rebuilt;
    size_t ai = 0, bi = 0, changes = 0;
    for (EditOp op : ops) {
      if (op == EditOp::keep) {
        ASSERT_LT(ai, a.size());
        ASSERT_LT(bi, b.size());
        ASSERT_EQ(a[ai], b[bi]) << "round " << round;
        rebuilt.push_back(a[ai++]);
        ++bi;
      } else if (op == EditOp::remove) {
        ++ai, ++changes;
      } else {
        rebuilt.push_back(b[bi++]);
        ++changes;
      }
    }
    ASSERT_EQ(ai, a.size());
    ASSERT_EQ(rebuilt, b) << "round " << round;
    ASSERT_EQ(changes, a.size() + b.size() - 2 * lcs_length(a, b)) << "round " << round;
  }
}

TEST(LineDiff, EqualTextsHaveNoHunks)
{
  EXPECT_TRUE(diff_hunks(R"(a
b
)",
                         R"(a
b
)")
                  .empty());
  EXPECT_TRUE(diff_hunks("", "").empty());
}

TEST(LineDiff, OneChangedLineWithThreeLinesOfContext)
{
  std::string b = numbered(1, 10);
  b.replace(b.find("5\n"), 2, "five\n");
  EXPECT_EQ(unified(numbered(1, 10), b), R"(@@ -2,7 +2,7 @@
 2
 3
 4
-5
+five
 6
 7
 8
)");
}

TEST(LineDiff, ChangesCloseTogetherShareAHunkAndFarOnesDoNot)
{
  std::string close = numbered(1, 20);
  close.replace(close.find(R"(
3
)"),
                3, R"(
three
)");
  close.replace(close.find(R"(
9
)"),
                3, R"(
nine
)"); // 5 unchanged lines between: one hunk
  EXPECT_EQ(unified(numbered(1, 20), close),
            R"(@@ -1,12 +1,12 @@
 1
 2
-3
+three
 4
 5
 6
 7
 8
-9
+nine
 10
 11
 12
)");
  std::string far = numbered(1, 20);
  far.replace(far.find(R"(
2
)"),
              3, "\n"); // remove 2
  far.replace(far.find(R"(
17
)"),
              4, R"(
17
x
)"); // insert after 17, 14 lines later
  EXPECT_EQ(unified(numbered(1, 20), far), R"(@@ -1,5 +1,4 @@
 1
-2
 3
 4
 5
@@ -15,6 +14,7 @@
 15
 16
 17
+x
 18
 19
 20
)");
}

TEST(LineDiff, AddedAndRemovedFilesStartAtZero)
{
  EXPECT_EQ(unified("", R"(a
b
)"),
            R"(@@ -0,0 +1,2 @@
+a
+b
)");
  EXPECT_EQ(unified("a\n", ""), R"(@@ -1 +0,0 @@
-a
)");
}

TEST(LineDiff, AMissingFinalNewlineIsAChange)
{
  EXPECT_EQ(unified(R"(a
b
)",
                    "a\nb"),
            R"(@@ -1,2 +1,2 @@
 a
-b
+b
\ No newline at end of file
)");
}

TEST(LineDiff, RemovalsComeBeforeInsertionsInARunOfChanges)
{
  EXPECT_EQ(unified(R"(a
b
c
)",
                    R"(x
y
c
)",
                    0),
            R"(@@ -1,2 +1,2 @@
-a
-b
+x
+y
)");
}

TEST(LineDiff, LargeInputsWithASmallChangeStayFast)
{
  std::string a = numbered(1, 200000);
  std::string b = a;
  b.replace(b.find(R"(
100000
)"),
            8, R"(
changed
)");
  auto hunks = diff_hunks(a, b);
  ASSERT_EQ(hunks.size(), 1u);
  EXPECT_EQ(hunk_header(hunks[0]), "@@ -99997,7 +99997,7 @@");
}

// Quadratic time would take minutes here; the bound is far above what the
// implementation needs, so only a lost speed-up fails it.
TEST(LineDiff, RewrittenAndShuffledFilesStayFast)
{
  std::string a;
  std::string b;
  std::vector<std::string> lines;
  for (int i = 0; i < 100000; ++i) {
    a += "old " + std::to_string(i) + "\n";
    b += "new " + std::to_string(i) + "\n";
    lines.push_back("x" + std::to_string(i % 100) + "\n");
  }
  auto start = std::chrono::steady_clock::now();
  auto hunks = diff_hunks(a, b);
  ASSERT_EQ(hunks.size(), 1u);
  EXPECT_EQ(hunk_header(hunks[0]), "@@ -1,100000 +1,100000 @@");

  // Many equal lines, reordered: past the search budget the block is shown
  // as wholly changed, which is still a correct script.
  std::vector<std::string_view> before(lines.begin(), lines.end());
  std::shuffle(lines.begin(), lines.end(), std::mt19937(1));
  std::vector<std::string_view> after(lines.begin(), lines.end());
  std::vector<EditOp> ops = edit_script(before, after);
  std::vector<std::string_view> rebuilt;
  size_t ai = 0;
  size_t bi = 0;
  for (EditOp op : ops) {
    if (op == EditOp::keep) {
      ASSERT_EQ(before[ai], after[bi]);
      rebuilt.push_back(before[ai]);
      ++ai, ++bi;
    } else if (op == EditOp::remove) {
      ++ai;
    } else {
      rebuilt.push_back(after[bi++]);
    }
  }
  EXPECT_EQ(rebuilt, after);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 20.0);
}

} // namespace
} // namespace edgegen::util
