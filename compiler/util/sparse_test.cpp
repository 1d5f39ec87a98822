#include "util/sparse.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace edgegen::util {
namespace {

using Map = std::map<std::string, std::string>;

TEST(Sparse, HoldsNothingWhileEmptyAndReadsAsItsValue)
{
  static_assert(sizeof(Sparse<Map>) == sizeof(void*));
  Sparse<Map> empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_EQ(empty.begin(), empty.end());
  EXPECT_EQ(&empty.get(), &util::empty<Map>());

  Sparse<Map> labels = Map{{"team", "a"}, {"tier", "web"}};
  EXPECT_FALSE(labels.empty());
  EXPECT_EQ(labels.size(), 2u);
  EXPECT_EQ(labels.find("tier")->second, "web");
  EXPECT_EQ(labels.count("team"), 1u);
  EXPECT_EQ(labels.count("zone"), 0u);
  const Map& read = labels;
  EXPECT_EQ(read, (Map{{"team", "a"}, {"tier", "web"}}));

  labels = Map{}; // an empty value lets go of the one held
  EXPECT_TRUE(labels.empty());
  EXPECT_EQ(&labels.get(), &util::empty<Map>());
}

TEST(Sparse, CopiesAreEqualAndOwnTheirValue)
{
  Sparse<Map> a = Map{{"k", "v"}};
  Sparse<Map> b = a;
  EXPECT_EQ(a, b);
  EXPECT_NE(&a.get(), &b.get());
  b = Map{{"k", "w"}};
  EXPECT_FALSE(a == b);
  EXPECT_EQ(a.find("k")->second, "v");
  Sparse<Map> c;
  c = a;
  EXPECT_EQ(c, a);
  Sparse<Map> moved = std::move(c);
  EXPECT_EQ(moved.find("k")->second, "v");
  EXPECT_EQ(Sparse<Map>(), Sparse<Map>(Map{}));
}

} // namespace
} // namespace edgegen::util
