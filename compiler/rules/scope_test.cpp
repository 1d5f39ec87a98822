#include "rules/rule.hpp"

#include <gtest/gtest.h>

namespace edgegen::rules {
namespace {

std::string joined(const util::CompactVector<std::string>& list)
{
  std::string out;
  for (const auto& item : list) {
    out += (out.empty() ? "" : " ") + item;
  }
  return out;
}

std::string paths(const Scope& scope)
{
  std::string out;
  for (const auto& p : scope.paths) {
    out += (out.empty() ? "" : " ") + std::string(p.exact ? "=" : "^") + p.value;
  }
  return out;
}

TEST(Scope, HostsUnderAnEvenNumberOfNegationsAreServedTheOthersExcluded)
{
  Scope s = scope_of(parse_rule("Host(`a.example.com`) && !Host(`b.example.com`)"));
  EXPECT_EQ(joined(s.hosts), "a.example.com");
  EXPECT_EQ(joined(s.excluded_hosts), "b.example.com");

  s = scope_of(parse_rule("!(!(Host(`a.com`) && Pathprefix(`/x`)))"));
  EXPECT_EQ(joined(s.hosts), "a.com");
  EXPECT_EQ(paths(s), "^/x");

  s = scope_of(parse_rule("!(Host(`a.com`) || Host(`b.com`)) && Path(`/y`)"));
  EXPECT_EQ(joined(s.hosts), "");
  EXPECT_EQ(joined(s.excluded_hosts), "a.com b.com");
  EXPECT_EQ(paths(s), "=/y");

  s = scope_of(parse_rule("!(Host(`a.com`) && !Path(`/css`))"));
  EXPECT_EQ(joined(s.excluded_hosts), "a.com");
  EXPECT_EQ(paths(s), "=/css"); // a double negation takes it back
}

TEST(Scope, EveryBranchOfAnOrAndNestedParenthesesCount)
{
  Scope s = scope_of(parse_rule("Host(`a.com`) || (Host(`b.com`) && (PathPrefix(`/x`) || Host(`c.com`)))"));
  EXPECT_EQ(joined(s.hosts), "a.com b.com c.com");
  EXPECT_EQ(paths(s), "^/x");
  s = scope_of(parse_rule("Host(`a.com`) || host(`a.com`) || HOST(`A.com.`)"));
  EXPECT_EQ(joined(s.hosts), "a.com"); // once, as Traefik compares it
}

TEST(Scope, OnlyNamedHostsCount)
{
  EXPECT_EQ(joined(scope_of(parse_rule("Host(`*`) && PathPrefix(`/x`)")).hosts), "");
  EXPECT_EQ(joined(scope_of(parse_rule("HostRegexp(`^.+\\.a\\.com$`)")).hosts), "");
  EXPECT_EQ(joined(scope_of(parse_rule("Header(`Host`, `a.com`)")).hosts), "");
  // Traefik refuses two hosts in one Host(); the rule serves none of them.
  EXPECT_EQ(joined(scope_of(parse_rule("Host(`a.com`, `b.com`)")).hosts), "");
  EXPECT_EQ(joined(scope_of(parse_rule("Host(`a.com`) &&")).hosts), ""); // no tree
}

TEST(Scope, TheTreeFollowsGoPrecedence)
{
  Rule rule = parse_rule("Host(`a`) || Host(`b`) && Path(`/c`)");
  ASSERT_TRUE(rule.parsed());
  EXPECT_EQ(rule.root().kind, Node::Kind::any);
  EXPECT_EQ(rule.nodes[rule.root().second].kind, Node::Kind::all);
  EXPECT_EQ(rule.nodes[rule.root().first].kind, Node::Kind::matcher);
  rule = parse_rule("!(Host(`a`) || Host(`b`))");
  EXPECT_EQ(rule.root().kind, Node::Kind::negation);
  EXPECT_EQ(rule.nodes[rule.root().first].kind, Node::Kind::any);
}

TEST(Scope, NormalizedHostsAreLowerCaseWithoutATrailingDot)
{
  EXPECT_EQ(normalize_host("Foo.Example.COM."), "foo.example.com");
  EXPECT_EQ(normalize_host("*.Example.com"), "*.example.com");
}

} // namespace
} // namespace edgegen::rules
