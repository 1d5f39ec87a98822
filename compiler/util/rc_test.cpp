#include "util/rc.hpp"

#include "util/parallel.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace edgegen::util {
namespace {

// Counts the values alive, to show when one is freed.
struct Counted
{
  static int alive;
  explicit Counted(std::string text_) : text(std::move(text_)) { ++alive; }
  Counted(const Counted& other) : text(other.text) { ++alive; }
  ~Counted() { --alive; }
  std::string text;
};
int Counted::alive = 0;

TEST(Rc, CopiesShareOneValueFreedWithTheLastOfThem)
{
  static_assert(sizeof(Rc<Counted>) == sizeof(void*));
  {
    Rc<Counted> empty;
    EXPECT_FALSE(empty);
    EXPECT_EQ(empty.get(), nullptr);
    EXPECT_FALSE(empty.shared());

    auto a = Rc<Counted>::make("route");
    EXPECT_TRUE(a);
    EXPECT_FALSE(a.shared());
    EXPECT_EQ(a->text, "route");
    Rc<Counted> b = a;
    EXPECT_TRUE(a.shared());
    EXPECT_TRUE(b.shared());
    EXPECT_EQ(a, b);
    EXPECT_EQ(&*a, &*b);
    EXPECT_EQ(Counted::alive, 1);

    auto c = Rc<Counted>::make("route"); // equal, not the same
    EXPECT_NE(a, c);
    EXPECT_EQ(Counted::alive, 2);

    b = nullptr;
    EXPECT_FALSE(a.shared());
    Rc<Counted> moved = std::move(a);
    EXPECT_FALSE(a); // NOLINT(bugprone-use-after-move)
    EXPECT_EQ(moved->text, "route");
    moved = c; // the first value's last holder lets go of it
    EXPECT_EQ(Counted::alive, 1);
    EXPECT_TRUE(c.shared());
  }
  EXPECT_EQ(Counted::alive, 0);
}

TEST(Rc, CopiesMadeAndDroppedOnSeveralThreadsFreeTheValueOnce)
{
  {
    auto shared = Rc<Counted>::make("x");
    std::vector<Rc<Counted>> copies(4000);
    parallel_for(
        copies.size(), [&](size_t i) { copies[i] = shared; }, 1);
    EXPECT_TRUE(shared.shared());
    parallel_for(
        copies.size(), [&](size_t i) { copies[i] = nullptr; }, 1);
    EXPECT_FALSE(shared.shared());
    EXPECT_EQ(Counted::alive, 1);
  }
  EXPECT_EQ(Counted::alive, 0);
}

} // namespace
} // namespace edgegen::util
