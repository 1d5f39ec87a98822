#include "util/shared_list.hpp"

#include <gtest/gtest.h>

#include <string>

namespace edgegen::util {
namespace {

TEST(SharedList, ReadsAsAVectorAndCopiesBeforeAWriteWhileShared)
{
  SharedList<std::string> empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty, std::vector<std::string>{});

  SharedList<std::string> a{"x", "y"};
  SharedList<std::string> b{"x", "y"};
  EXPECT_EQ(a, b);
  EXPECT_FALSE(b.shares(a));
  b.share(a);
  EXPECT_TRUE(b.shares(a));

  b.push_back("z"); // b gets a list of its own; a is left as it was
  EXPECT_FALSE(b.shares(a));
  EXPECT_EQ(a, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(b, (std::vector<std::string>{"x", "y", "z"}));

  SharedList<std::string> c = b; // a copy shares
  EXPECT_TRUE(c.shares(b));
  c.edit().front() = "w";
  EXPECT_EQ(b.front(), "x");
  EXPECT_EQ(c.at(0), "w");
  EXPECT_EQ(c.size(), 3u);
}

} // namespace
} // namespace edgegen::util
