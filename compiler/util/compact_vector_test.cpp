#include "util/compact_vector.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace edgegen::util {
namespace {

std::vector<std::string> as_vector(const CompactVector<std::string>& list)
{
  return std::vector<std::string>(list.begin(), list.end());
}

TEST(CompactVector, IsOnePointerAndHasNoBlockWhenEmpty)
{
  static_assert(sizeof(CompactVector<std::string>) == sizeof(void*));
  CompactVector<std::string> empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_EQ(empty.capacity(), 0u);
  EXPECT_EQ(empty.data(), nullptr);
  EXPECT_EQ(empty.begin(), empty.end());
}

TEST(CompactVector, GrowsAsAVectorDoesAndKeepsItsItems)
{
  CompactVector<std::string> list;
  std::vector<size_t> capacities;
  for (int i = 0; i < 9; ++i) {
    // Longer than the short-string buffer: a move that lost the bytes shows.
    list.push_back("item number " + std::to_string(i) + " of the list");
    capacities.push_back(list.capacity());
  }
  EXPECT_EQ(capacities, (std::vector<size_t>{1, 2, 4, 4, 8, 8, 8, 8, 16}));
  ASSERT_EQ(list.size(), 9u);
  EXPECT_EQ(list.front(), "item number 0 of the list");
  EXPECT_EQ(list.back(), "item number 8 of the list");
  EXPECT_EQ(list[4], "item number 4 of the list");
}

TEST(CompactVector, ShrinksToItsItems)
{
  CompactVector<std::string> list;
  for (int i = 0; i < 5; ++i) {
    list.push_back("item number " + std::to_string(i) + " of the list");
  }
  ASSERT_EQ(list.capacity(), 8u);
  list.shrink_to_fit();
  EXPECT_EQ(list.capacity(), 5u);
  EXPECT_EQ(as_vector(list), (std::vector<std::string>{"item number 0 of the list", "item number 1 of the list",
                                                       "item number 2 of the list", "item number 3 of the list",
                                                       "item number 4 of the list"}));
  const std::string* before = list.data();
  list.shrink_to_fit(); // already exact: the same block
  EXPECT_EQ(list.data(), before);
  list.push_back("one more");
  EXPECT_EQ(list.capacity(), 10u); // grown from 5 as from any size: doubled
  while (!list.empty()) {
    list.pop_back();
  }
  list.shrink_to_fit(); // empty: no block at all
  EXPECT_EQ(list.data(), nullptr);
  EXPECT_EQ(list.capacity(), 0u);
}

TEST(CompactVector, AppendsAnItemOfItsOwnWhileGrowing)
{
  CompactVector<std::string> list{"a long string that lives on the heap"};
  ASSERT_EQ(list.capacity(), 1u);
  list.push_back(list[0]); // the source is inside the block being replaced
  list.emplace_back(list.back());
  EXPECT_EQ(as_vector(list), std::vector<std::string>(3, "a long string that lives on the heap"));
}

TEST(CompactVector, CopiesMovesAndCompares)
{
  CompactVector<std::string> a{"x", "y", "z"};
  CompactVector<std::string> b = a;
  EXPECT_EQ(a, b);
  EXPECT_NE(a.data(), b.data());
  b[1] = "changed";
  EXPECT_NE(a, b);
  EXPECT_EQ(a[1], "y");

  const std::string* items = a.data();
  CompactVector<std::string> c = std::move(a);
  EXPECT_EQ(c.data(), items); // the block changed owner, no item moved
  EXPECT_TRUE(a.empty());     // a moved-from list is empty
  a = c;
  EXPECT_EQ(a, c);
  a = {"only"};
  EXPECT_EQ(as_vector(a), std::vector<std::string>{"only"});
  EXPECT_EQ(a, std::vector<std::string>{"only"});
  EXPECT_FALSE(a == (std::vector<std::string>{"only", "more"}));
  a = std::move(c);
  EXPECT_EQ(as_vector(a), (std::vector<std::string>{"x", "y", "z"}));
  const CompactVector<std::string>& same = a;
  a = same;
  EXPECT_EQ(a.size(), 3u);
}

TEST(CompactVector, AtChecksTheIndex)
{
  const CompactVector<std::string> list{"a", "b"};
  EXPECT_EQ(list.at(1), "b");
  EXPECT_THROW(list.at(2), std::out_of_range);
  EXPECT_THROW(CompactVector<std::string>().at(0), std::out_of_range);
}

TEST(CompactVector, InsertsAndErasesInPlace)
{
  CompactVector<std::string> list{"a", "c"};
  auto at = list.insert(list.begin() + 1, "b");
  EXPECT_EQ(*at, "b");
  list.insert(list.end(), "d");
  list.insert(list.begin(), "0");
  EXPECT_EQ(as_vector(list), (std::vector<std::string>{"0", "a", "b", "c", "d"}));
  list.insert(list.begin() + 2, "x");
  list.insert(list.begin() + 3, "y");
  EXPECT_EQ(as_vector(list), (std::vector<std::string>{"0", "a", "x", "y", "b", "c", "d"}));

  auto next = list.erase(list.begin());
  EXPECT_EQ(*next, "a");
  list.erase(list.begin() + 1, list.begin() + 3);
  EXPECT_EQ(as_vector(list), (std::vector<std::string>{"a", "b", "c", "d"}));
  list.pop_back();
  list.resize(5);
  EXPECT_EQ(as_vector(list), (std::vector<std::string>{"a", "b", "c", "", ""}));
  list.resize(1);
  EXPECT_EQ(as_vector(list), std::vector<std::string>{"a"});
  list.clear();
  EXPECT_TRUE(list.empty());
  EXPECT_GE(list.capacity(), 1u); // clear() keeps the block, as std::vector does
}

TEST(CompactVector, DestroysEveryItemOnce)
{
  auto counter = std::make_shared<int>(0);
  {
    CompactVector<std::shared_ptr<int>> list;
    for (int i = 0; i < 5; ++i) {
      list.push_back(counter);
    }
    EXPECT_EQ(counter.use_count(), 6);
    CompactVector<std::shared_ptr<int>> copy = list;
    EXPECT_EQ(counter.use_count(), 11);
    copy.erase(copy.begin(), copy.begin() + 2);
    EXPECT_EQ(counter.use_count(), 9);
  }
  EXPECT_EQ(counter.use_count(), 1);
}

// A tree's node holds a list of nodes: the type is incomplete where the
// member is declared.
struct TreeNode
{
  int value = 0;
  CompactVector<TreeNode> children;
};

TEST(CompactVector, HoldsItsOwnIncompleteType)
{
  TreeNode root;
  root.children.push_back(TreeNode{1, {}});
  root.children[0].children.push_back(TreeNode{2, {}});
  TreeNode copy = root;
  root.children[0].children[0].value = 3;
  EXPECT_EQ(copy.children[0].children[0].value, 2);
  EXPECT_EQ(root.children[0].children[0].value, 3);
}

} // namespace
} // namespace edgegen::util
