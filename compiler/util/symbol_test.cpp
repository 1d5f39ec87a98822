#include "util/symbol.hpp"

#include "util/parallel.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace edgegen::util {
namespace {

TEST(Symbol, EqualTextsAreOneCopyComparedByPointer)
{
  static_assert(sizeof(Symbol) == sizeof(void*));
  Symbol empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty.str(), "");
  EXPECT_EQ(empty, Symbol(""));
  EXPECT_EQ(empty.size(), 0u);

  std::string text = "team-00042-rate-limit"; // past the 15 characters a std::string holds in place
  Symbol a(text);
  Symbol b(std::string_view("team-00042-rate-limit"));
  Symbol c("team-00042-other");
  EXPECT_EQ(&a.str(), &b.str());
  EXPECT_NE(&a.str(), &c.str());
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_FALSE(a.empty());
  EXPECT_EQ(a.size(), text.size());
  EXPECT_STREQ(a.c_str(), text.c_str());

  text = "changed"; // the Symbol holds its own copy
  EXPECT_EQ(a.str(), "team-00042-rate-limit");
}

TEST(Symbol, ComparesWithStringsEitherWayAndOrdersByText)
{
  Symbol web("web");
  std::string same = "web";
  EXPECT_TRUE(web == same);
  EXPECT_TRUE(same == web);
  EXPECT_TRUE(web == "web");
  EXPECT_TRUE("web" == web);
  EXPECT_TRUE(web == std::string_view("web"));
  EXPECT_TRUE(web != "api");
  EXPECT_TRUE(std::string("api") != web);
  EXPECT_TRUE(Symbol("api") < web);
  EXPECT_FALSE(web < Symbol("api"));
  EXPECT_TRUE(web < std::string("x"));
  EXPECT_TRUE(std::string("a") < web);
  EXPECT_EQ(web + "-1", "web-1");
  EXPECT_EQ("team-" + web, "team-web");
  const std::string& read = web;
  EXPECT_EQ(&read, &web.str());
}

TEST(Symbol, ThreadsMakingTheSameTextsGetTheSameCopies)
{
  std::vector<std::string> texts;
  for (int i = 0; i < 2000; ++i) {
    texts.push_back("name-" + std::to_string(i % 500));
  }
  std::vector<const std::string*> held(texts.size());
  parallel_for(texts.size(), [&](size_t i) { held[i] = &Symbol(texts[i]).str(); });
  for (size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(*held[i], texts[i]);
    EXPECT_EQ(held[i], held[i % 500]);
  }
}

TEST(Symbol, ATextKeepsItsCopyWhileTheTableGrowsAroundIt)
{
  // Enough texts that every part of the table grows its index many times.
  std::vector<const std::string*> first;
  for (int i = 0; i < 100000; ++i) {
    first.push_back(&Symbol("grow-" + std::to_string(i)).str());
  }
  for (int i = 0; i < 100000; ++i) {
    std::string text = "grow-" + std::to_string(i);
    ASSERT_EQ(*first[i], text);
    ASSERT_EQ(&Symbol(text).str(), first[i]) << text;
  }
  EXPECT_NE(&Symbol("grow-1").str(), &Symbol("grow-10").str());
}

} // namespace
} // namespace edgegen::util
