#include "write/tree_io.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string_view>
#include <vector>

namespace edgegen::write {
namespace {

using Views = std::vector<std::string_view>;

TEST(SortedPaths, SortsAndDropsRepeatsOnSeal)
{
  SortedPaths paths;
  EXPECT_TRUE(paths.empty());
  EXPECT_FALSE(paths.contains("a.yml"));
  for (std::string_view path : {"z.yml", "a/b.yml", "edgegen.sum", "a/b.yml", "a.yml"}) {
    paths.add(path);
  }
  EXPECT_THROW(paths.contains("a.yml"), std::logic_error); // added since the last seal
  paths.seal();
  EXPECT_EQ(Views(paths.begin(), paths.end()), (Views{"a.yml", "a/b.yml", "edgegen.sum", "z.yml"}));
  EXPECT_EQ(paths.size(), 4u);
  EXPECT_EQ(paths[1], "a/b.yml");
  EXPECT_TRUE(paths.contains("a/b.yml"));
  EXPECT_FALSE(paths.contains("a/b"));
  EXPECT_FALSE(paths.contains("b.yml"));

  // Added after a seal: seen once sealed again, the earlier ones still in place.
  paths.add("b.yml");
  paths.add("z.yml");
  paths.seal();
  EXPECT_EQ(Views(paths.begin(), paths.end()), (Views{"a.yml", "a/b.yml", "b.yml", "edgegen.sum", "z.yml"}));
  EXPECT_TRUE(paths.contains("b.yml"));
}

} // namespace
} // namespace edgegen::write
