#include "util/glob.hpp"
#include "util/strings.hpp"

#include <gtest/gtest.h>

namespace edgegen::util {
namespace {

TEST(Strings, EditDistanceCountsAnAdjacentSwapAsOne)
{
  EXPECT_EQ(edit_distance("hots", "host"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(Strings, ClosestMatchOnlyForPlausibleTypos)
{
  EXPECT_EQ(closest_match("hots", {"host", "path", "rule"}), "host");
  EXPECT_EQ(closest_match("Projet", {"Edge", "Project"}), "Project");
  EXPECT_EQ(closest_match("zzzz", {"host", "path"}), "");
}

TEST(Strings, InvalidUtf8)
{
  EXPECT_EQ(find_invalid_utf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("caf\xc3\xa9"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("caf\xe9!"), 3u);
  EXPECT_EQ(find_invalid_utf8("\xc0\xaf"), 0u);         // overlong '/'
  EXPECT_EQ(find_invalid_utf8("a\xed\xa0\x80"), 1u);    // surrogate
  EXPECT_EQ(find_invalid_utf8("\xf4\x90\x80\x80"), 0u); // past U+10FFFF
}

TEST(Strings, InvalidUtf8IsEscapedByteForByte)
{
  EXPECT_EQ(escape_invalid_utf8("caf\xc3\xa9"), "caf\xc3\xa9");
  EXPECT_EQ(escape_invalid_utf8("a\xff"
                                "b\xc2"),
            "a\\xFFb\\xC2");
  EXPECT_EQ(escape_invalid_utf8("\xe2\x80\x9c\xe2\x80"), "\xe2\x80\x9c\\xE2\\x80"); // a cut-off quote
}

TEST(Strings, LineOf)
{
  EXPECT_EQ(line_of("a\nbb\r\nccc", 2), "bb");
  EXPECT_EQ(line_of("a\nbb", 3), "");
}

TEST(Glob, SegmentsAndDirectories)
{
  EXPECT_TRUE(glob_match("legacy", "legacy/a.yaml"));
  EXPECT_TRUE(glob_match("legacy/", "legacy/x/a.yaml"));
  EXPECT_TRUE(glob_match("*.draft.yaml", "a.draft.yaml"));
  EXPECT_FALSE(glob_match("*.draft.yaml", "x/a.draft.yaml"));
  EXPECT_TRUE(glob_match("**/*.draft.yaml", "x/y/a.draft.yaml"));
  EXPECT_TRUE(glob_match("**/*.draft.yaml", "a.draft.yaml"));
  EXPECT_TRUE(glob_match("team-?.yaml", "team-a.yaml"));
  EXPECT_FALSE(glob_match("team-?.yaml", "team-ab.yaml"));
  EXPECT_FALSE(glob_match("legacy", "legacy2/a.yaml"));
}

} // namespace
} // namespace edgegen::util
