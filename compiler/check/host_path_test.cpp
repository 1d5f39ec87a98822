// The rule of a route of host and path is held as its values
// (rules::HostPath), not parsed: routing a request over those values must
// say what routing it over the parsed rule says, for any host and path a
// route can be given, and for any request.
#include "check/requests.hpp"
#include "model/model.hpp"
#include "model/routing.hpp"
#include "rules/request.hpp"

#include <gtest/gtest.h>

namespace edgegen::check {
namespace {

using namespace model;

Route route_of(const std::string& host, const std::string& path, bool exact)
{
  Route route;
  route.set_host(host);
  route.edit().path = path;
  route.edit().exact_path = exact;
  route.set_match(route_match(route));
  return route;
}

TEST(HostPath, RoutesARequestAsTheParsedRuleDoes)
{
  const std::vector<std::string> hosts = {"a.example.com",
                                          "A.Example.COM",
                                          "a.example.com.",
                                          "*.example.com",
                                          "*.Example.com",
                                          "*.example.com.",
                                          "*",
                                          "*.",
                                          "example.com",
                                          "10.0.0.1",
                                          "b\xC3\xA9.example.com",
                                          "a`b.example.com",
                                          "*.a+b(c)[d]{e}|f?g^h$.com",
                                          "a..example.com",
                                          ""};
  const std::vector<std::pair<std::string, bool>> paths = {{"", false}, {"/", false},   {"/api", false}, {"/api", true},
                                                           {"/", true}, {"api", false}, {"/a b%", false}};
  Config config;
  Project project;
  project.name = "p";
  for (const auto& host : hosts) {
    for (const auto& [path, exact] : paths) {
      project.routes.push_back(route_of(host, path, exact));
    }
  }
  config.projects.push_back(std::move(project));
  const Project& p = config.projects.front();
  const RouteRules parsed(config);

  const std::vector<std::string> request_hosts = {"a.example.com",
                                                  "b.example.com",
                                                  "a.b.example.com",
                                                  "example.com",
                                                  "a.example.com.",
                                                  "a-1.example.com",
                                                  "a_b.example.com",
                                                  "A.example.com",
                                                  "10.0.0.1",
                                                  "",
                                                  "x.",
                                                  "x.a+b(c)[d]{e}|f?g^h$.com",
                                                  "a..example.com"};
  const std::vector<std::string> request_paths = {"/", "/api", "/api/v1", "/apix", "/x", "/a b%25"};
  size_t tried = 0, matched = 0;
  for (const Route& route : p.routes) {
    const rules::Rule rule = parse_route_rule(route);
    const rules::HostPath values = parsed.host_path(p, route);
    EXPECT_EQ(values.builds, rules::builds(rule)) << rule_text(route);
    EXPECT_EQ(values.ok, rule.ok()) << rule_text(route);
    for (const auto& host : request_hosts) {
      for (const auto& path : request_paths) {
        rules::Request request;
        request.scheme = "https";
        request.port = 443;
        request.host = host;
        request.path = path;
        request.escaped_path = path;
        bool expected = rules::matches(rule, request);
        EXPECT_EQ(rules::matches(values, request), expected) << rule_text(route) << " for " << host << path;
        ++tried;
        matched += expected ? 1 : 0;
      }
      // The request the served-hosts check makes for a host: the same one,
      // or none, from the values as from the parsed rule.
      if (host.empty()) {
        continue; // the check always names its host
      }
      auto from_rule = detail::witness_request(rule, "https", 443, host);
      auto from_values = detail::witness_request(values, "https", 443, host);
      ASSERT_EQ(from_values.has_value(), from_rule.has_value()) << rule_text(route) << " for " << host;
      if (from_rule) {
        EXPECT_EQ(detail::describe(*from_values), detail::describe(*from_rule)) << rule_text(route);
      }
    }
  }
  // The cases mean something: many requests match, many do not.
  EXPECT_EQ(tried, hosts.size() * paths.size() * request_hosts.size() * request_paths.size());
  EXPECT_GT(matched, tried / 20);
  EXPECT_LT(matched, tried / 2);
}

// A router of a route of host and path routes through its values; one with
// neither a rule nor a host matches nothing.
TEST(HostPath, TheRoutingTableHoldsNoParsedRuleForARouteOfHostAndPath)
{
  Config config;
  Project project;
  project.name = "p";
  project.routes.push_back(route_of("a.example.com", "/api", false));
  config.projects.push_back(std::move(project));
  RoutingTable table = routing_table(config);
  ASSERT_EQ(table.routers.size(), 1u);
  const rules::Router& router = table.routers.front();
  EXPECT_EQ(router.rule, nullptr);
  ASSERT_NE(router.host_path.host, nullptr);
  EXPECT_EQ(*router.host_path.host, "a.example.com");
  rules::Request request;
  request.host = "a.example.com";
  request.path = "/api/x";
  EXPECT_TRUE(router.matches(request));
  request.path = "/web";
  EXPECT_FALSE(router.matches(request));
  EXPECT_FALSE(rules::Router{}.matches(request));
}

} // namespace
} // namespace edgegen::check
