#include "util/text_store.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace edgegen::util {
namespace {

TEST(TextStore, KeptTextsStayWhereTheyAreAsTheStoreGrows)
{
  TextStore store;
  std::vector<std::string> texts;
  std::vector<std::string_view> kept;
  for (int i = 0; i < 5000; ++i) { // about 300 KB: several blocks
    texts.push_back("prod/kubernetes/routes-" + std::to_string(i % 167) + "/team-" + std::to_string(i) + ".yaml");
    kept.push_back(store.keep(texts.back()));
  }
  for (size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(kept[i], texts[i]);
    EXPECT_NE(kept[i].data(), texts[i].data()); // a copy of its own
  }
  // One after the other in a block.
  EXPECT_EQ(kept[1].data(), kept[0].data() + kept[0].size());
}

TEST(TextStore, ALongTextHasABlockOfItsOwnAndTheCurrentBlockGoesOn)
{
  TextStore store;
  std::string_view first = store.keep("a");
  std::string long_text(100 * 1024, 'x');
  std::string_view kept_long = store.keep(long_text);
  std::string_view next = store.keep("b");
  EXPECT_EQ(kept_long, long_text);
  EXPECT_EQ(next.data(), first.data() + 1);
  EXPECT_EQ(store.keep("").size(), 0u);
}

} // namespace
} // namespace edgegen::util
