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
        out += "\n\\ No newline at end of file\n";
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
  EXPECT_TRUE(diff_hunks("a\nb\n", "a\nb\n").empty());
  EXPECT_TRUE(diff_hunks("", "").empty());
}

TEST(LineDiff, OneChangedLineWithThreeLinesOfContext)
{
  std::string b = numbered(1, 10);
  b.replace(b.find("5\n"), 2, "five\n");
  EXPECT_EQ(unified(numbered(1, 10), b), "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST(LineDiff, ChangesCloseTogetherShareAHunkAndFarOnesDoNot)
{
  std::string close = numbered(1, 20);
  close.replace(close.find("\n3\n"), 3, "\nthree\n");
  close.replace(close.find("\n9\n"), 3, "\nnine\n"); // 5 unchanged lines between: one hunk
  EXPECT_EQ(unified(numbered(1, 20), close),
            "@@ -1,12 +1,12 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n 7\n 8\n-9\n+nine\n 10\n 11\n 12\n");
  std::string far = numbered(1, 20);
  far.replace(far.find("\n2\n"), 3, "\n");         // remove 2
  far.replace(far.find("\n17\n"), 4, "\n17\nx\n"); // insert after 17, 14 lines later
  EXPECT_EQ(unified(numbered(1, 20), far), "@@ -1,5 +1,4 @@\n 1\n-2\n 3\n 4\n 5\n"
                                           "@@ -15,6 +14,7 @@\n 15\n 16\n 17\n+x\n 18\n 19\n 20\n");
}

TEST(LineDiff, AddedAndRemovedFilesStartAtZero)
{
  EXPECT_EQ(unified("", "a\nb\n"), "@@ -0,0 +1,2 @@\n+a\n+b\n");
  EXPECT_EQ(unified("a\n", ""), "@@ -1 +0,0 @@\n-a\n");
}

TEST(LineDiff, AMissingFinalNewlineIsAChange)
{
  EXPECT_EQ(unified("a\nb\n", "a\nb"), "@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n");
}

TEST(LineDiff, RemovalsComeBeforeInsertionsInARunOfChanges)
{
  EXPECT_EQ(unified("a\nb\nc\n", "x\ny\nc\n", 0), "@@ -1,2 +1,2 @@\n-a\n-b\n+x\n+y\n");
}

TEST(LineDiff, LargeInputsWithASmallChangeStayFast)
{
  std::string a = numbered(1, 200000);
  std::string b = a;
  b.replace(b.find("\n100000\n"), 8, "\nchanged\n");
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
