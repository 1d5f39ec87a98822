#include "source/source.hpp"

#include <gtest/gtest.h>

namespace edgegen::source {
namespace {

TEST(Pack, MovesEveryFilesBytesIntoOneBlockThatTheCopiesShare)
{
  SourceTree tree;
  tree.files = {{"a.yaml", "kind: Edge\n", ""}, {"b.yaml", "", ""}, {"c.yaml", std::string(5000, 'x'), ""}};
  pack(tree);
  ASSERT_TRUE(tree.block);
  EXPECT_EQ(tree.block->size(), 11u + 5000u);
  EXPECT_EQ(tree.files[0].text(), "kind: Edge\n");
  EXPECT_EQ(tree.files[1].text(), "");
  EXPECT_EQ(tree.files[2].text(), std::string(5000, 'x'));
  for (const auto& file : tree.files) {
    EXPECT_TRUE(file.bytes.empty()) << file.path;
    EXPECT_GE(file.text().data(), tree.block->data());
    EXPECT_LE(file.text().data() + file.text().size(), tree.block->data() + tree.block->size());
  }
  // A copy of the tree reads the same block, which lives as long as a copy.
  SourceTree copy = tree;
  tree = SourceTree();
  EXPECT_EQ(copy.files[0].text(), "kind: Edge\n");
  EXPECT_EQ(copy.files[2].text().size(), 5000u);
}

} // namespace
} // namespace edgegen::source
