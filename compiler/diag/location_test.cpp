#include "diag/location.hpp"

#include <gtest/gtest.h>

namespace edgegen::diag {
namespace {

TEST(Location, FormatsFileLineAndColumnAsFarAsTheyAreKnown)
{
  EXPECT_EQ(format_location(Location("projects/a.yaml", 3, 5)), "projects/a.yaml:3:5");
  EXPECT_EQ(format_location(Location("projects/a.yaml", 3)), "projects/a.yaml:3");
  EXPECT_EQ(format_location(Location("projects/a.yaml")), "projects/a.yaml");
  // A column without a line is no place: the file alone.
  EXPECT_EQ(format_location(Location("projects/a.yaml", 0, 5)), "projects/a.yaml");
  EXPECT_EQ(format_location(Location()), "");
}

TEST(Location, EscapesAFileNameThatIsNotUtf8)
{
  EXPECT_EQ(format_location(Location("caf\xe9.yaml", 1, 2)), "caf\\xE9.yaml:1:2");
  EXPECT_EQ(format_location(Location("caf\xc3\xa9.yaml", 1, 2)), "caf\xc3\xa9.yaml:1:2");
}

TEST(Location, TheJsonPointerIsNotPartOfTheSpellingAndDropsWithThePosition)
{
  Location located("a.yaml", 4, 7, "/spec/routes/0/host");
  EXPECT_EQ(format_location(located), "a.yaml:4:7");
  EXPECT_EQ(located.pointer, "/spec/routes/0/host");
  Position position = located;
  Location back = position;
  EXPECT_EQ(back.file.str(), "a.yaml");
  EXPECT_EQ(back.line, 4);
  EXPECT_EQ(back.column, 7);
  EXPECT_EQ(back.pointer, "");
}

TEST(FileName, EqualNamesShareOneInternedCopy)
{
  FileName a(std::string("shared/name.yaml"));
  FileName b("shared/name.yaml");
  EXPECT_EQ(&a.str(), &b.str());
  EXPECT_EQ(a, b);
  FileName wrapped = FileName::interned(&a.str());
  EXPECT_EQ(&wrapped.str(), &a.str());
  const std::string& as_string = a;
  EXPECT_EQ(as_string, "shared/name.yaml");
}

TEST(FileName, EmptyAndDefaultNamesReadAsTheEmptyString)
{
  FileName none;
  FileName empty("");
  EXPECT_TRUE(none.empty());
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(none.str(), "");
  EXPECT_EQ(none, empty);
  EXPECT_FALSE(FileName("x").empty());
}

TEST(FileName, ComparesByTheNameNotByWhereItIsKept)
{
  EXPECT_LT(FileName("a.yaml"), FileName("b.yaml"));
  EXPECT_FALSE(FileName("b.yaml") < FileName("a.yaml"));
  EXPECT_NE(FileName("a.yaml"), FileName("b.yaml"));
  EXPECT_LT(FileName(""), FileName("a.yaml"));
  // '/' sorts before letters: a folder's files come before a longer name.
  EXPECT_LT(FileName("a/z.yaml"), FileName("aa.yaml"));
}

} // namespace
} // namespace edgegen::diag
