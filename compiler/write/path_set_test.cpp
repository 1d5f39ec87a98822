#include "write/write.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace edgegen::write {
namespace {

TEST(PathSet, HoldsEachPathOnceSortedAndGivesItsOwnCopy)
{
  PathSet paths;
  std::string path = "prod/traefik/dynamic/shop.yml";
  std::string_view kept = paths.insert(path);
  EXPECT_EQ(kept, path);
  EXPECT_NE(kept.data(), path.data());
  path = "changed"; // the set's copy is its own
  EXPECT_EQ(kept, "prod/traefik/dynamic/shop.yml");
  EXPECT_EQ(paths.insert("prod/traefik/dynamic/shop.yml").data(), kept.data()); // the same copy again
  paths.insert("edgegen.sum");
  paths.insert("prod/kubernetes/kustomization.yaml");
  EXPECT_EQ(paths.size(), 3u);
  EXPECT_EQ(paths.count("edgegen.sum"), 1u);
  EXPECT_EQ(paths.count("prod"), 0u);
  EXPECT_EQ(std::vector<std::string_view>(paths.begin(), paths.end()),
            (std::vector<std::string_view>{"edgegen.sum", "prod/kubernetes/kustomization.yaml",
                                           "prod/traefik/dynamic/shop.yml"}));
}

} // namespace
} // namespace edgegen::write
