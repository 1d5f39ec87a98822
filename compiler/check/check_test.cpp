#include "check/check.hpp"

#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::check {
namespace {

using testing::compile_files;
using testing::messages;
using V = std::vector<std::string>;

const char* k_project_head = R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata:
  name: team-a
spec:
  services:
    api:
      port: 8000
  routes:
)";

TEST(Check, UnknownServiceIsReportedAtTheReference)
{
  auto c = compile_files({{"a.yaml", std::string(k_project_head) + R"(    - host: a.${domain}
      service: apii
)"}});
  EXPECT_EQ(messages(c), V{"a.yaml:11:16: E0401: unknown service \"apii\""});
  EXPECT_EQ(c.diagnostics.sorted()[0].hint, "did you mean \"api\"?");
}

TEST(Check, UnknownMiddlewareAndIssuerAreBothReported)
{
  auto c = compile_files({{"a.yaml", std::string(k_project_head) + R"(    - host: a.${domain}
      service: api
      middlewares: [nope]
      issuer: zerossl
)"}});
  EXPECT_EQ(messages(c),
            (V{"a.yaml:12:21: E0402: unknown middleware \"nope\"", "a.yaml:13:15: E0403: unknown issuer \"zerossl\""}));
}

TEST(Check, SameHostAndPathInTwoProjects)
{
  std::string b = k_project_head;
  b.replace(b.find("team-a"), 6, "team-b");
  auto c = compile_files({{"a.yaml", std::string(k_project_head) + R"(    - host: x.${domain}
      pathPrefix: /api
      service: api
)"},
                          {"b.yaml", b + R"(    - host: x.${domain}
      pathPrefix: /api
      service: api
)"}});
  EXPECT_EQ(
      messages(c),
      V{"b.yaml:10:7: E0421: host \"x.example.com\" and pathPrefix \"/api\" is already routed (project \"team-a\")"});
}

// Every later route that claims what an earlier one claims is reported
// once, against the first; a plain route beside a TLS one claims nothing
// of it, nor does another priority.
TEST(Check, ALaterClaimIsReportedAgainstTheFirstClaimant)
{
  auto project = [](const std::string& name, const std::string& routes) {
    std::string head = k_project_head;
    head.replace(head.find("team-a"), 6, name);
    return head + routes;
  };
  const std::string same = "    - host: x.${domain}\n      service: api\n";
  auto c = compile_files({{"a.yaml", project("team-a", same)},
                          {"b.yaml", project("team-b", same)},
                          {"c.yaml", project("team-c", same + "    - name: plain\n      host: x.${domain}\n"
                                                              "      service: api\n      tls: false\n"
                                                              "    - name: other\n      host: x.${domain}\n"
                                                              "      service: api\n      priority: 5\n")}});
  std::vector<std::string> found;
  for (const auto& d : c.diagnostics.sorted()) {
    if (d.code == "E0421") {
      found.push_back(diag::format_location(d.location) + " " + d.message + "; " + d.hint);
    }
  }
  const std::string hint = "; the other route is at a.yaml:10:7; Traefik would serve only one of them";
  EXPECT_EQ(found, (V{"b.yaml:10:7 host \"x.example.com\" and pathPrefix \"/\" is already routed (project "
                      "\"team-a\")" +
                          hint,
                      "c.yaml:10:7 host \"x.example.com\" and pathPrefix \"/\" is already routed (project "
                      "\"team-a\")" +
                          hint}));
}

TEST(Check, DuplicateProjectName)
{
  auto c = compile_files({{"a.yaml", std::string(k_project_head) + R"(    - host: a.${domain}
      service: api
)"},
                          {"b.yaml", std::string(k_project_head) + R"(    - host: b.${domain}
      service: api
)"}});
  EXPECT_EQ(messages(c), V{"b.yaml:1:1: E0411: duplicate Project \"team-a\""});
  EXPECT_EQ(c.diagnostics.sorted()[0].hint, "first defined at a.yaml:1:1");
}

TEST(Check, TwoRoutesToOneServiceNeedNames)
{
  auto c = compile_files({{"a.yaml", std::string(k_project_head) + R"(    - host: a.${domain}
      service: api
    - host: b.${domain}
      service: api
)"}});
  EXPECT_EQ(messages(c), V{"a.yaml:12:7: E0412: duplicate route name \"api\" in project \"team-a\""});
}

TEST(Check, OutputNameCollisionAcrossProjects)
{
  // Project "a" route "b-c" and project "a-b" route "c" are both router "a-b-c".
  auto project = [](const std::string& name, const std::string& route) {
    return R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata:
  name: )" +
           name +
           R"(
spec:
  services:
    s:
      port: 80
  routes:
    - name: )" +
           route + "\n      host: " + name +
           R"(.example.com
      service: s
)";
  };
  auto c = compile_files({{"a.yaml", project("a", "b-c")}, {"b.yaml", project("a-b", "c")}});
  EXPECT_EQ(messages(c), V{"b.yaml:10:7: E0413: Traefik router name \"a-b-c\" is produced twice"});
}

TEST(Check, EveryLaterClaimOfAnOutputNameIsReportedAgainstTheFirst)
{
  // Middleware "x-y-z" (shared), project "x"'s "y-z" and project "x-y"'s
  // "z" are one Traefik middleware; the services and the routers of both
  // projects clash alike, each kind in its own namespace.
  auto own_project = [](const std::string& name, const std::string& own) {
    return testing::project(name, "  services:\n    " + own + ":\n      port: 80\n  middlewares:\n    " + own +
                                      ":\n      compress: {}\n  routes:\n    - name: " + own + "\n      host: " + name +
                                      ".example.com\n      service: " + own + "\n      middlewares: [" + own + "]\n");
  };
  auto c = compile_files({{"m.yaml", R"(apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: x-y-z
spec:
  compress: {}
)"},
                          {"x.yaml", own_project("x", "y-z")},
                          {"xy.yaml", own_project("x-y", "z")}});
  EXPECT_EQ(messages(c), (V{"x.yaml:10:5: E0413: Traefik middleware name \"x-y-z\" is produced twice",
                            "xy.yaml:7:5: E0413: Traefik service name \"x-y-z\" is produced twice",
                            "xy.yaml:10:5: E0413: Traefik middleware name \"x-y-z\" is produced twice",
                            "xy.yaml:13:7: E0413: Traefik router name \"x-y-z\" is produced twice"}));
  std::vector<std::string> hints;
  for (const auto& d : c.diagnostics.sorted()) {
    hints.push_back(d.hint);
  }
  EXPECT_EQ(hints,
            (V{"also produced by m.yaml:1:1; rename one of them", "also produced by x.yaml:7:5; rename one of them",
               "also produced by m.yaml:1:1; rename one of them", "also produced by x.yaml:13:7; rename one of them"}));
}

TEST(Check, UndefinedVariableNamesTheEnvironment)
{
  auto c = compile_files({{"a.yaml", std::string(k_project_head) + R"(    - host: a.${domian}
      service: api
)"}});
  EXPECT_EQ(messages(c), V{"a.yaml:10:13: E0301: undefined variable \"domian\" in environment \"default\""});
  EXPECT_EQ(c.diagnostics.sorted()[0].hint, "did you mean \"domain\"?");
}

TEST(Check, AFindingOfEveryEnvironmentIsReportedOnceAndOneOfSomeEnvironmentsForEach)
{
  // Three environments, checked one after the other: each later one leaves
  // out what an earlier one reported already, as it is reported.
  std::string environments;
  for (const char* name : {"dev", "staging", "prod"}) {
    environments += std::string("---\napiVersion: edgegen.dev/v1alpha1\nkind: Environment\nmetadata:\n  name: ") +
                    name + "\nspec:\n  vars:\n" + (std::string(name) == "dev" ? "    sub: dev\n" : "    other: x\n");
  }
  auto c = testing::compile(testing::edge() + environments, {{"p.yaml", testing::project("p", R"(  services:
    api:
      port: 8000
      healthCheck: {path: /healthz}
  routes:
    - host: a.${sub}.example.com
      service: api
    - host: b.example.com
      service: apii
)")}});
  EXPECT_EQ(messages(c, true),
            (V{"edge.yaml:1:1: W0613: the kubernetes target writes no Traefik configuration, so entry point \"web\" "
               "redirects to \"websecure\" only if Traefik's Helm release says so (cert-manager's HTTP-01 solver waits "
               "on \"websecure\")",
               "edge.yaml:24:1: W0603: issuer \"dns\" is not used by any environment, route or certificate",
               "p.yaml:9:7: W0621: service \"api\" of project \"p\": the kubernetes target does not write its "
               "healthCheck: Traefik's Kubernetes providers health-check only the ExternalName Services of an "
               "IngressRoute, and send a Service's requests to its ready Pods",
               "p.yaml:11:13: E0301: undefined variable \"sub\" in environment \"prod\"",
               "p.yaml:11:13: E0301: undefined variable \"sub\" in environment \"staging\"",
               "p.yaml:14:16: E0401: unknown service \"apii\""}));
  EXPECT_EQ(c.diagnostics.error_count(), 3u);
}

TEST(Check, TlsRouteWithoutAnyIssuer)
{
  std::vector<source::SourceFile> files = {{"edge.yaml", R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata:
  name: e
spec: {}
)"},
                                           {"a.yaml", std::string(k_project_head) + R"(    - host: a.example.com
      service: api
)"}};
  auto source = source::memory_source(files);
  auto c = compile(*source);
  EXPECT_EQ(messages(c), V{"a.yaml:10:7: E0405: route uses TLS but no issuer provides its certificate"});
}

TEST(Check, MissingEdge)
{
  auto c = compile_files({{"a.yaml", std::string(k_project_head) + R"(    - host: a.example.com
      service: api
)"}},
                         false);
  EXPECT_EQ(messages(c), V{": E0304: no Edge document found"});
}

} // namespace
} // namespace edgegen::check
