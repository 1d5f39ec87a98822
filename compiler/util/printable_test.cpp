#include "util/printable.hpp"

#include <gtest/gtest.h>

namespace edgegen::util {
namespace {

TEST(Printable, InvalidUtf8AndControlCharactersBecomeHex)
{
  EXPECT_EQ(printable("plain é text"), "plain é text");
  EXPECT_EQ(printable("bad-\xff\xfe-name"), "bad-\\xFF\\xFE-name");
  EXPECT_EQ(printable("a\x1b[31mb\nc\td\x7f"), "a\\x1B[31mb\\x0Ac\\x09d\\x7F");
  EXPECT_EQ(printable(std::string_view("\0", 1)), "\\x00");
}

} // namespace
} // namespace edgegen::util
