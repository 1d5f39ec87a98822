#include "util/paths.hpp"

#include <gtest/gtest.h>

namespace edgegen::util {
namespace {

TEST(PathProblem, CleanPathsPass)
{
  EXPECT_EQ(path_problem("clusters/prod", PathKind::relative), "");
  EXPECT_EQ(path_problem("a", PathKind::any), "");
  EXPECT_EQ(path_problem("/etc/traefik/acme/acme.json", PathKind::absolute), "");
  EXPECT_EQ(path_problem("/etc/traefik/auth/users", PathKind::any), "");
  EXPECT_EQ(path_problem("a..b/.c/c.", PathKind::relative), ""); // dots inside names are names
}

TEST(PathProblem, EveryWayOutIsNamed)
{
  EXPECT_EQ(path_problem("../../other-team", PathKind::relative), "it has a \"..\" segment");
  EXPECT_EQ(path_problem("a/b/..", PathKind::relative), "it has a \"..\" segment");
  EXPECT_EQ(path_problem("/etc/../..", PathKind::absolute), "it has a \"..\" segment");
  EXPECT_EQ(path_problem("/etc", PathKind::relative), "it is absolute");
  EXPECT_EQ(path_problem("etc/x", PathKind::absolute), "it is not absolute");
  EXPECT_EQ(path_problem("./a", PathKind::relative), "it has a \".\" segment");
  EXPECT_EQ(path_problem(".", PathKind::relative), "it has a \".\" segment");
  EXPECT_EQ(path_problem("a//b", PathKind::relative), "it has an empty segment (\"//\", or \"/\" at the end)");
  EXPECT_EQ(path_problem("a/", PathKind::relative), "it has an empty segment (\"//\", or \"/\" at the end)");
  EXPECT_EQ(path_problem("/", PathKind::absolute), "it has an empty segment (\"//\", or \"/\" at the end)");
  EXPECT_EQ(path_problem("a\\..\\b", PathKind::relative), "it holds a backslash");
  EXPECT_EQ(path_problem(std::string_view("a\0b", 3), PathKind::relative), "it holds a control character");
  EXPECT_EQ(path_problem("a\nb", PathKind::any), "it holds a control character");
  EXPECT_EQ(path_problem("a\x7f", PathKind::any), "it holds a control character");
  EXPECT_EQ(path_problem("", PathKind::any), "it is empty");
  EXPECT_EQ(path_problem("../traefik", PathKind::host), "");
  EXPECT_EQ(path_problem("./secrets\r", PathKind::host), "it holds a control character");
}

} // namespace
} // namespace edgegen::util
