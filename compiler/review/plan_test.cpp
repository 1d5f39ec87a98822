#include "review/plan.hpp"

#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::review {
namespace {

using testing::compile_files;

// A project of team-a with services api (8000) and v2 (8001), a project
// middleware `limit`, and `routes` (YAML list items, indented by 4).
std::string project(const std::string& routes, const std::string& average = "100")
{
  return "apiVersion: edgegen.dev/v1alpha1\nkind: Project\nmetadata:\n  name: team-a\nspec:\n"
         "  services:\n    api:\n      port: 8000\n    v2:\n      port: 8001\n"
         "  middlewares:\n    limit:\n      rateLimit:\n        average: " +
         average + "\n  routes:\n" + routes;
}

const std::string k_api = "    - name: api\n      host: a.example.com\n      pathPrefix: /api\n      service: api\n"
                          "      middlewares: [limit]\n";
const std::string k_web = "    - name: web\n      host: www.example.com\n      service: api\n";

// The plan from `base` to `head` (projects/a.yaml on each side), as text.
std::string plan(const std::string& base, const std::string& head, bool markdown = false)
{
  Compilation before = compile_files({{"projects/a.yaml", base}});
  Compilation after = compile_files({{"projects/a.yaml", head}});
  EXPECT_FALSE(before.diagnostics.has_errors()) << testing::messages(before).front();
  EXPECT_FALSE(after.diagnostics.has_errors()) << testing::messages(after).front();
  Plan p = make_plan(before.model, after.model);
  return markdown ? plan_markdown(p, after.model) : plan_text(p, false);
}

TEST(Plan, NothingChanges)
{
  EXPECT_EQ(plan(project(k_api), project(k_api) + "# a comment\n"), "No changes. The edge stays as it is.\n");
}

TEST(Plan, RouteAdded)
{
  EXPECT_EQ(plan(project(k_api), project(k_api + k_web)),
            "default:\n"
            "  routes:\n"
            "    + https://www.example.com → team-a/api (http://team-a-api:8000)\n"
            "  certificates:\n"
            "    + www.example.com (le, HTTP-01 on web)\n"
            "\n"
            "Plan: 1 route to add, 0 to change, 0 to remove; 1 certificate to order\n");
}

TEST(Plan, PathMovesToAnotherService)
{
  std::string moved = k_api;
  moved.replace(moved.find("service: api"), 12, "service: v2");
  EXPECT_EQ(plan(project(k_api), project(moved)),
            "default:\n"
            "  routes:\n"
            "    ~ https://a.example.com/api (route team-a/api)\n"
            "        ~ service team-a/api → team-a/v2\n"
            "        ~ servers http://team-a-api:8000 → http://team-a-v2:8001\n"
            "\n"
            "Plan: 0 routes to add, 1 to change, 0 to remove; 0 certificates to order\n");
}

TEST(Plan, UnnamedRouteFollowingItsServiceIsOneChange)
{
  std::string before = "    - host: a.example.com\n      service: api\n";
  std::string after = "    - host: a.example.com\n      service: v2\n      priority: 30\n";
  EXPECT_EQ(plan(project(before), project(after)),
            "default:\n"
            "  routes:\n"
            "    ~ https://a.example.com (route team-a/v2)\n"
            "        ~ name team-a/api → team-a/v2\n"
            "        ~ service team-a/api → team-a/v2\n"
            "        ~ servers http://team-a-api:8000 → http://team-a-v2:8001\n"
            "        ~ priority 20000 → 30\n"
            "\n"
            "Plan: 0 routes to add, 1 to change, 0 to remove; 0 certificates to order\n");
}

TEST(Plan, MiddlewareOptionsWithTheRoutesTheyTouch)
{
  EXPECT_EQ(plan(project(k_api + k_web), project(k_api + k_web, "50")),
            "default:\n"
            "  middlewares:\n"
            "    ~ team-a/limit (rateLimit), used by team-a/api\n"
            "        ~ rateLimit.average 100 → 50\n"
            "\n"
            "Plan: 0 routes to add, 0 to change, 0 to remove; 0 certificates to order; 1 middleware to change\n");
}

TEST(Plan, MiddlewareSecretsAreRedacted)
{
  auto login = [](const std::string& users) {
    return "apiVersion: edgegen.dev/v1alpha1\nkind: Middleware\nmetadata:\n  name: login\nspec:\n  basicAuth:\n"
           "    users: [\"" +
           users + "\"]\n    realm: ops\n";
  };
  Compilation before = compile_files(
      {{"projects/a.yaml", project(k_api)}, {"login.yaml", login("ops:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/")}});
  Compilation after = compile_files(
      {{"projects/a.yaml", project(k_api)}, {"login.yaml", login("ops:$apr1$Bx0pJg4R$5vS0hq2T2pT0lbD7rX0hB1")}});
  // E0461 (hashes in the repository) is a check's error: the plan still reads the model, and repeats no hash.
  ASSERT_EQ(testing::messages(after).size(), 1u);
  EXPECT_EQ(plan_text(make_plan(before.model, after.model), false),
            "default:\n"
            "  middlewares:\n"
            "    ~ login (basicAuth), used by no route\n"
            "        ~ basicAuth.users <redacted> → <redacted>\n"
            "\n"
            "Plan: 0 routes to add, 0 to change, 0 to remove; 0 certificates to order; 1 middleware to change\n");
}

TEST(Plan, RemovedRouteStopsServingItsHost)
{
  EXPECT_EQ(plan(project(k_api + k_web), project(k_api)),
            "default:\n"
            "  routes:\n"
            "    - https://www.example.com → team-a/api (http://team-a-api:8000)\n"
            "  certificates:\n"
            "    - www.example.com (le, HTTP-01 on web)\n"
            "  ! www.example.com stops being served: no router of the head answers it (requests get 404)\n"
            "\n"
            "Plan: 0 routes to add, 0 to change, 1 to remove; 0 certificates to order, 1 to drop; 1 risk flagged\n");
}

TEST(Plan, RouteThatStartsShadowingAnother)
{
  Compilation before = compile_files({{"projects/a.yaml", project(k_api + k_web)}});
  std::string shadowing = "    - name: all\n      host: a.example.com\n      service: v2\n      priority: 30000\n";
  Compilation after = compile_files({{"projects/a.yaml", project(k_api + k_web + shadowing)}});
  EXPECT_EQ(testing::messages(after).size(), 1u); // E0423: the plan still reads the model
  EXPECT_EQ(plan_text(make_plan(before.model, after.model), false),
            "default:\n"
            "  routes:\n"
            "    + https://a.example.com → team-a/v2 (http://team-a-v2:8001)\n"
            "  ! route team-a/all starts shadowing route team-a/api: it matches every request of it, with a higher "
            "priority (30000 > 20004), so team-a/api is never reached\n"
            "\n"
            "Plan: 1 route to add, 0 to change, 0 to remove; 0 certificates to order; 1 risk flagged\n");
}

TEST(Plan, LetsEncryptWeeklyLimitPerRegisteredDomain)
{
  std::string routes;
  for (int i = 0; i < 51; ++i) {
    routes += "    - name: r" + std::to_string(i) + "\n      host: h" + std::to_string(i) +
              ".team.example.com\n      service: api\n";
  }
  Compilation before = compile_files({{"projects/a.yaml", project(k_api)}});
  Compilation after = compile_files({{"projects/a.yaml", project(k_api + routes)}});
  Plan p = make_plan(before.model, after.model);
  ASSERT_EQ(p.risks.size(), 1u);
  EXPECT_EQ(p.risks[0], "51 new Let's Encrypt certificates under example.com: past its limit of 50 per registered "
                        "domain per week; the orders past it fail until the week has passed");
  EXPECT_EQ(plan_summary(p),
            "Plan: 51 routes to add, 0 to change, 0 to remove; 51 certificates to order; 1 risk flagged");
  std::string text = plan_text(p, false);
  EXPECT_EQ(text.substr(text.find("\n\n! ")), "\n\n! " + p.risks[0] + "\n\n" + plan_summary(p) + "\n");
  // 50 new names stay within the limit.
  routes = routes.substr(0, routes.rfind("    - name: r50"));
  EXPECT_TRUE(
      make_plan(before.model, compile_files({{"projects/a.yaml", project(k_api + routes)}}).model).risks.empty());
}

TEST(Plan, ColoursTheSigns)
{
  Compilation before = compile_files({{"projects/a.yaml", project(k_api)}});
  Compilation after = compile_files({{"projects/a.yaml", project(k_api + k_web)}});
  EXPECT_EQ(plan_text(make_plan(before.model, after.model), true),
            "default:\n"
            "  routes:\n"
            "    \033[32m+ https://www.example.com → team-a/api (http://team-a-api:8000)\033[m\n"
            "  certificates:\n"
            "    \033[32m+ www.example.com (le, HTTP-01 on web)\033[m\n"
            "\n"
            "Plan: 1 route to add, 0 to change, 0 to remove; 1 certificate to order\n");
}

TEST(Plan, RegisteredDomainIsTheLastTwoLabels)
{
  EXPECT_EQ(registered_domain("a.b.example.com"), "example.com");
  EXPECT_EQ(registered_domain("*.apps.example.com"), "example.com");
  EXPECT_EQ(registered_domain("example.com"), "example.com");
  EXPECT_EQ(registered_domain("localhost"), "localhost");
}

TEST(Plan, Markdown)
{
  EXPECT_EQ(
      plan(project(k_api + k_web), project(k_api, "50"), true),
      "### edgegen plan\n"
      "\n"
      "Plan: 0 routes to add, 0 to change, 1 to remove; 0 certificates to order, 1 to drop; 1 middleware to "
      "change; 1 risk flagged\n"
      "\n"
      "<details><summary>default: 0 routes to add, 0 to change, 1 to remove; 0 certificates to order, 1 to "
      "drop; 1 middleware to change; 1 risk flagged</summary>\n"
      "\n"
      "```diff\n"
      "@@ routes @@\n"
      "- https://www.example.com → team-a/api (http://team-a-api:8000)\n"
      "@@ certificates @@\n"
      "- www.example.com (le, HTTP-01 on web)\n"
      "@@ middlewares @@\n"
      "~ team-a/limit (rateLimit), used by team-a/api\n"
      "    ~ rateLimit.average 100 → 50\n"
      "```\n"
      "\n"
      "Risks:\n"
      "- :warning: www.example.com stops being served: no router of the head answers it (requests get 404)\n"
      "\n"
      // The changed router (the middleware's user) and its neighbours;
      // the removed one is in no map of the head.
      "```mermaid\n"
      "flowchart LR\n"
      "  classDef host fill:#e8f1fb,stroke:#4a78b0\n"
      "  classDef router fill:#fff,stroke:#555\n"
      "  classDef highlight fill:#ffe08a,stroke:#c77c00,stroke-width:3px\n"
      "  classDef middleware fill:#f3ecfa,stroke:#8a63b8\n"
      "  classDef service fill:#e9f7ec,stroke:#3f8f55\n"
      "  classDef server fill:#f4f4f4,stroke:#888\n"
      "  h_a_example_com[\"a.example.com\"]:::host\n"
      "  m_team_a_limit[\"team-a-limit<br>rateLimit\"]:::middleware\n"
      "  r_team_a_api[\"team-a-api<br>Host(#96;a.example.com#96;) #amp;#amp; PathPrefix(#96;/api#96;)<br>entry points: "
      "websecure; priority 20004<br>TLS, issuer le\"]:::highlight\n"
      "  s_team_a_api[\"team-a-api\"]:::service\n"
      "  u_http___team_a_api_8000[\"http://team-a-api:8000\"]:::server\n"
      "  h_a_example_com --> r_team_a_api\n"
      "  r_team_a_api -->|1| m_team_a_limit\n"
      "  r_team_a_api --> s_team_a_api\n"
      "  s_team_a_api --> u_http___team_a_api_8000\n"
      "```\n"
      "\n"
      "</details>\n"
      "\n");
}

TEST(Plan, MarkdownOfNoChange)
{
  EXPECT_EQ(plan(project(k_api), project(k_api), true), "### edgegen plan\n\nNo changes. The edge stays as it is.\n");
}

} // namespace
} // namespace edgegen::review
