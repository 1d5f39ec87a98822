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
  return R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata:
  name: team-a
spec:
  services:
    api:
      port: 8000
    v2:
      port: 8001
  middlewares:
    limit:
      rateLimit:
        average: )" +
         average + R"(
  routes:
)" + routes;
}

const std::string k_api = R"(    - name: api
      host: a.example.com
      pathPrefix: /api
      service: api
      middlewares: [limit]
)";
const std::string k_web = R"(    - name: web
      host: www.example.com
      service: api
)";

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
            R"(default:
  routes:
    + https://www.example.com → team-a/api (http://team-a-api:8000)
  certificates:
    + www.example.com (le, HTTP-01 on web)

Plan: 1 route to add, 0 to change, 0 to remove; 1 certificate to order
)");
}

TEST(Plan, PathMovesToAnotherService)
{
  std::string moved = k_api;
  moved.replace(moved.find("service: api"), 12, "service: v2");
  EXPECT_EQ(plan(project(k_api), project(moved)),
            R"(default:
  routes:
    ~ https://a.example.com/api (route team-a/api)
        ~ service team-a/api → team-a/v2
        ~ servers http://team-a-api:8000 → http://team-a-v2:8001

Plan: 0 routes to add, 1 to change, 0 to remove; 0 certificates to order
)");
}

TEST(Plan, UnnamedRouteFollowingItsServiceIsOneChange)
{
  std::string before = R"(    - host: a.example.com
      service: api
)";
  std::string after = R"(    - host: a.example.com
      service: v2
      priority: 30
)";
  EXPECT_EQ(plan(project(before), project(after)),
            R"(default:
  routes:
    ~ https://a.example.com (route team-a/v2)
        ~ name team-a/api → team-a/v2
        ~ service team-a/api → team-a/v2
        ~ servers http://team-a-api:8000 → http://team-a-v2:8001
        ~ priority 20000 → 30

Plan: 0 routes to add, 1 to change, 0 to remove; 0 certificates to order
)");
}

TEST(Plan, MiddlewareOptionsWithTheRoutesTheyTouch)
{
  EXPECT_EQ(plan(project(k_api + k_web), project(k_api + k_web, "50")),
            R"(default:
  middlewares:
    ~ team-a/limit (rateLimit), used by team-a/api
        ~ rateLimit.average 100 → 50

Plan: 0 routes to add, 0 to change, 0 to remove; 0 certificates to order; 1 middleware to change
)");
}

TEST(Plan, MiddlewareSecretsAreRedacted)
{
  auto login = [](const std::string& users) {
    return R"(apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: login
spec:
  basicAuth:
    users: [")" +
           users + R"("]
    realm: ops
)";
  };
  Compilation before = compile_files(
      {{"projects/a.yaml", project(k_api)}, {"login.yaml", login("ops:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/")}});
  Compilation after = compile_files(
      {{"projects/a.yaml", project(k_api)}, {"login.yaml", login("ops:$apr1$Bx0pJg4R$5vS0hq2T2pT0lbD7rX0hB1")}});
  // E0461 (hashes in the repository) is a check's error: the plan still reads the model, and repeats no hash.
  ASSERT_EQ(testing::messages(after).size(), 1u);
  EXPECT_EQ(plan_text(make_plan(before.model, after.model), false),
            R"(default:
  middlewares:
    ~ login (basicAuth), used by no route
        ~ basicAuth.users <redacted> → <redacted>

Plan: 0 routes to add, 0 to change, 0 to remove; 0 certificates to order; 1 middleware to change
)");
}

TEST(Plan, RemovedRouteStopsServingItsHost)
{
  EXPECT_EQ(plan(project(k_api + k_web), project(k_api)),
            R"(default:
  routes:
    - https://www.example.com → team-a/api (http://team-a-api:8000)
  certificates:
    - www.example.com (le, HTTP-01 on web)
  ! www.example.com stops being served: no router of the head answers it (requests get 404)

Plan: 0 routes to add, 0 to change, 1 to remove; 0 certificates to order, 1 to drop; 1 risk flagged
)");
}

TEST(Plan, RouteThatStartsShadowingAnother)
{
  Compilation before = compile_files({{"projects/a.yaml", project(k_api + k_web)}});
  std::string shadowing = R"(    - name: all
      host: a.example.com
      service: v2
      priority: 30000
)";
  Compilation after = compile_files({{"projects/a.yaml", project(k_api + k_web + shadowing)}});
  EXPECT_EQ(testing::messages(after).size(), 1u); // E0423: the plan still reads the model
  EXPECT_EQ(plan_text(make_plan(before.model, after.model), false),
            R"(default:
  routes:
    + https://a.example.com → team-a/v2 (http://team-a-v2:8001)
  ! route team-a/all starts shadowing route team-a/api: it matches every request of it, with a higher priority (30000 > 20004), so team-a/api is never reached

Plan: 1 route to add, 0 to change, 0 to remove; 0 certificates to order; 1 risk flagged
)");
}

TEST(Plan, LetsEncryptWeeklyLimitPerRegisteredDomain)
{
  std::string routes;
  for (int i = 0; i < 51; ++i) {
    routes += "    - name: r" + std::to_string(i) + "\n      host: h" + std::to_string(i) +
              R"(.team.example.com
      service: api
)";
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
  EXPECT_EQ(text.substr(text.find(R"(

! )")),
            R"(

! )" + p.risks[0] +
                R"(

)" + plan_summary(p) +
                "\n");
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
  EXPECT_EQ(plan(project(k_api + k_web), project(k_api, "50"), true),
            R"(### edgegen plan

Plan: 0 routes to add, 0 to change, 1 to remove; 0 certificates to order, 1 to drop; 1 middleware to change; 1 risk flagged

<details><summary>default: 0 routes to add, 0 to change, 1 to remove; 0 certificates to order, 1 to drop; 1 middleware to change; 1 risk flagged</summary>

```diff
@@ routes @@
- https://www.example.com → team-a/api (http://team-a-api:8000)
@@ certificates @@
- www.example.com (le, HTTP-01 on web)
@@ middlewares @@
~ team-a/limit (rateLimit), used by team-a/api
    ~ rateLimit.average 100 → 50
```

Risks:
- :warning: www.example.com stops being served: no router of the head answers it (requests get 404)

)"
            // The changed router (the middleware's user) and its neighbours;
            // the removed one is in no map of the head.
            R"(```mermaid
flowchart LR
  classDef host fill:#e8f1fb,stroke:#4a78b0
  classDef router fill:#fff,stroke:#555
  classDef highlight fill:#ffe08a,stroke:#c77c00,stroke-width:3px
  classDef middleware fill:#f3ecfa,stroke:#8a63b8
  classDef service fill:#e9f7ec,stroke:#3f8f55
  classDef server fill:#f4f4f4,stroke:#888
  h_a_example_com["a.example.com"]:::host
  m_team_a_limit["team-a-limit<br>rateLimit"]:::middleware
  r_team_a_api["team-a-api<br>Host(#96;a.example.com#96;) #amp;#amp; PathPrefix(#96;/api#96;)<br>entry points: websecure; priority 20004<br>TLS, issuer le"]:::highlight
  s_team_a_api["team-a-api"]:::service
  u_http___team_a_api_8000["http://team-a-api:8000"]:::server
  h_a_example_com --> r_team_a_api
  r_team_a_api -->|1| m_team_a_limit
  r_team_a_api --> s_team_a_api
  s_team_a_api --> u_http___team_a_api_8000
```

</details>

)");
}

TEST(Plan, MarkdownOfNoChange)
{
  EXPECT_EQ(plan(project(k_api), project(k_api), true), R"(### edgegen plan

No changes. The edge stays as it is.
)");
}

} // namespace
} // namespace edgegen::review
