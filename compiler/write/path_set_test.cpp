#include "write/write.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace edgegen::write {
namespace {

TEST(PathSet, HoldsItsOwnCopiesAndOnceSealedEachPathOnceSorted)
{
  PathSet paths;
  std::string path = "prod/traefik/dynamic/shop.yml";
  std::string_view kept = paths.insert(path);
  EXPECT_EQ(kept, path);
  EXPECT_NE(kept.data(), path.data());
  path = "changed"; // the set's copy is its own
  EXPECT_EQ(kept, "prod/traefik/dynamic/shop.yml");
  paths.insert("edgegen.sum");
  paths.insert("prod/traefik/dynamic/shop.yml"); // again
  paths.insert("prod/kubernetes/kustomization.yaml");
  EXPECT_THROW(paths.count("edgegen.sum"), std::logic_error); // not sealed
  EXPECT_THROW(paths.size(), std::logic_error);
  paths.seal();
  EXPECT_EQ(paths.size(), 3u);
  EXPECT_EQ(paths.count("edgegen.sum"), 1u);
  EXPECT_EQ(paths.count("prod"), 0u);
  EXPECT_EQ(paths.count("prod/traefik/dynamic/shop.yml"), 1u);
  EXPECT_EQ(std::vector<std::string_view>(paths.begin(), paths.end()),
            (std::vector<std::string_view>{"edgegen.sum", "prod/kubernetes/kustomization.yaml",
                                           "prod/traefik/dynamic/shop.yml"}));
  paths.insert("a");
  EXPECT_THROW(paths.begin(), std::logic_error);
  paths.seal();
  EXPECT_EQ(paths.size(), 4u);
  EXPECT_EQ(*paths.begin(), "a");
}

} // namespace
} // namespace edgegen::write
