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

TEST(PathSet, ViewsThePathsAKnownListHoldsAndKeepsThatList)
{
  auto known = std::make_shared<SortedPaths>();
  known->add("prod/traefik/dynamic/shop.yml");
  known->add("edgegen.sum");
  known->seal();
  PathSet paths;
  paths.view_known(known);
  const SortedPaths* listed = known.get();
  std::string_view listed_shop = listed->find("prod/traefik/dynamic/shop.yml");
  ASSERT_NE(listed_shop.data(), nullptr);
  EXPECT_EQ(listed->find("prod").data(), nullptr);
  known.reset(); // the set holds it now

  std::string path = "prod/traefik/dynamic/shop.yml";
  std::string_view shop = paths.insert(path);
  EXPECT_EQ(shop.data(), listed_shop.data()); // the known list's copy, not another
  std::string_view api = paths.insert("prod/traefik/dynamic/api.yml");
  EXPECT_EQ(listed->find(api).data(), nullptr);
  EXPECT_EQ(api, "prod/traefik/dynamic/api.yml"); // a copy of its own
  paths.seal();
  EXPECT_EQ(std::vector<std::string_view>(paths.begin(), paths.end()),
            (std::vector<std::string_view>{"prod/traefik/dynamic/api.yml", "prod/traefik/dynamic/shop.yml"}));
  EXPECT_EQ(paths.count("edgegen.sum"), 0u); // known, but not inserted
}

} // namespace
} // namespace edgegen::write
