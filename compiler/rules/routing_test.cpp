#include "rules/routing.hpp"

#include <gtest/gtest.h>

#include <deque>

namespace edgegen::rules {
namespace {

struct Table
{
  std::deque<Rule> rules; // stable addresses for the routers
  std::deque<std::string> names;
  std::vector<Router> routers;
  std::vector<EntryPoint> entry_points = {
      {"web", 80, "websecure", 443}, {"websecure", 443, "", 0}, {"internal", 8080, "", 0}};

  void add(const std::string& name, const std::string& rule, std::optional<int64_t> priority = {},
           std::vector<std::string> on = {"websecure"}, bool tls = true)
  {
    rules.push_back(parse_rule(rule));
    routers.push_back({names.emplace_back(name),
                       &rules.back(),
                       priority,
                       std::move(on),
                       static_cast<uint32_t>(rule.size()),
                       static_cast<uint32_t>(routers.size()),
                       tls,
                       false,
                       {}});
  }

  Outcome go(const std::string& url, const std::string& method = "GET", const std::string& entry_point = {})
  {
    Request request;
    auto error = make_request(url, method, {}, "", request);
    EXPECT_FALSE(error) << *error;
    return route_request(routers, entry_points, request, entry_point);
  }
};

std::string winner(const Outcome& o)
{
  return o.winner ? std::string(o.winner->name) : "-";
}

TEST(Routing, TheHighestPriorityThatMatchesWinsAndTheDefaultIsTheRuleLength)
{
  Table t;
  t.add("site", "Host(`a.example.com`)");                            // 21
  t.add("api", "Host(`a.example.com`) && PathPrefix(`/api`)");       // 43
  t.add("low", "Host(`a.example.com`) && PathPrefix(`/api/v2`)", 1); // explicit, low
  Outcome o = t.go("https://a.example.com/api/v2/items");
  EXPECT_EQ(o.kind, Outcome::Kind::routed);
  EXPECT_EQ(o.status, 200);
  EXPECT_EQ(winner(o), "api");
  ASSERT_EQ(o.matched.size(), 3u);
  EXPECT_EQ(o.matched[1]->name, "site");
  EXPECT_EQ(o.matched[2]->name, "low");
  EXPECT_FALSE(o.tie);
  EXPECT_EQ(winner(t.go("https://a.example.com/")), "site");
  EXPECT_EQ(t.go("https://b.example.com/").status, 404);
}

TEST(Routing, TlsRoutersServeOnlyTlsRequestsAndPlainOnesOnlyPlainOnes)
{
  Table t;
  t.add("secure", "Host(`a.example.com`)", {}, {"internal"}, true);
  t.add("plain", "Host(`a.example.com`)", {}, {"internal"}, false);
  EXPECT_EQ(winner(t.go("https://a.example.com:8080/")), "secure");
  EXPECT_EQ(winner(t.go("http://a.example.com:8080/")), "plain");
}

TEST(Routing, TheEntryPointIsTheOneOnTheRequestsPortOrTheNamedOne)
{
  Table t;
  t.add("inside", "Host(`a.example.com`)", {}, {"internal"}, false);
  EXPECT_EQ(winner(t.go("http://a.example.com:8080/")), "inside");
  EXPECT_EQ(t.go("http://a.example.com:9999/").kind, Outcome::Kind::no_entry_point);
  EXPECT_EQ(winner(t.go("http://a.example.com:9999/", "GET", "internal")), "inside");
}

TEST(Routing, ARedirectingEntryPointRedirectsEveryRequestWithAHost)
{
  Table t;
  t.add("site", "Host(`a.example.com`)", {}, {"web"}, false);
  Outcome o = t.go("http://a.example.com/x?y=1");
  EXPECT_EQ(o.kind, Outcome::Kind::redirected);
  EXPECT_EQ(o.status, 301);
  EXPECT_EQ(o.location, "https://a.example.com/x?y=1");
  EXPECT_EQ(t.go("http://a.example.com/x", "POST").status, 308);
  // Only a router above the redirection's MaxInt-1 takes the request first.
  t.add("acme", "PathPrefix(`/.well-known/acme-challenge/`)", INT64_MAX - 1000, {"web"}, false);
  EXPECT_EQ(t.go("http://a.example.com/.well-known/acme-challenge/t").kind, Outcome::Kind::redirected);
}

TEST(Routing, EqualPrioritiesAreATieDecidedByNameAndTooHighOnesDisableTheRouter)
{
  Table t;
  t.add("b", "Host(`a.example.com`)", 5);
  t.add("a", "Host(`a.example.com`)", 5);
  Outcome o = t.go("https://a.example.com/");
  EXPECT_EQ(winner(o), "a");
  EXPECT_TRUE(o.tie);
  t.add("off", "Host(`a.example.com`)", k_max_priority + 1);
  EXPECT_EQ(winner(t.go("https://a.example.com/")), "a");
}

TEST(Routing, ARuleThatDoesNotParseNeverMatches)
{
  Table t;
  t.add("broken", "Host(`a.example.com`");
  EXPECT_EQ(t.go("https://a.example.com/").status, 404);
}

} // namespace
} // namespace edgegen::rules
