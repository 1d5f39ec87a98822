// The checks added with the rule parser: locations inside rules, warnings
// and their silencing, shadowing. End-to-end cases are in tests/errors/.
#include "check/check.hpp"
#include "check/internal.hpp"

#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::check {
namespace {

using testing::compile_files;
using testing::messages;
using V = std::vector<std::string>;

std::string project(const std::string& routes, const std::string& metadata = "")
{
  return R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata:
  name: team
)" + metadata +
         R"(spec:
  services:
    web:
      port: 80
  routes:
)" + routes;
}

TEST(Locate, PlainSingleAndDoubleQuotedValuesAndVariables)
{
  std::map<std::string, std::string> vars = {{"domain", "example.com"}};
  diag::Location start{"a.yaml", 3, 10, ""};
  auto column = [&](const std::string& text, char style, size_t offset) {
    return detail::locate_in(start, {text, style, true}, vars, offset).column;
  };
  EXPECT_EQ(column("Host(`a`) &", 0, 10), 20);
  EXPECT_EQ(column("Host(`a`) &", '"', 10), 21);       // after the opening quote
  EXPECT_EQ(column("Host('a') &", '\'', 10), 23);      // two quotes written as ''
  EXPECT_EQ(column("H(\"a\") &", '"', 7), 20);         // \" is two characters
  EXPECT_EQ(column("Host(`${domain}`) &", 0, 20), 28); // "example.com" is longer than ${domain}
  EXPECT_EQ(column("Host(`${domain}`) &", 0, 8), 16);  // inside the variable: at its '$'
  EXPECT_EQ(column("Host(`$${x}`) &", 0, 11), 22);     // $${ is a literal ${
}

TEST(Locate, ValuesWrittenOverSeveralLines)
{
  std::map<std::string, std::string> vars = {{"domain", "example.com"}};
  diag::Location start{"a.yaml", 3, 13, ""};
  // `source`: the value's lines as written, from where it starts at 3:13 of
  // its file (model::WrittenText::lines).
  auto at = [&](const std::string& text, char style, const std::string& source, size_t offset) {
    diag::Location l = detail::locate_in(start, {text, style, false, source}, vars, offset);
    return std::to_string(l.line) + ":" + std::to_string(l.column);
  };
  // Literal: the lines after the | header, with their indentation.
  EXPECT_EQ(at(R"(A(`x`)
  && B(`y`) && C
)",
               '|', R"(|
    A(`x`)
      && B(`y`) && C
  service: web
)",
               20),
            "5:18");
  // Folded: lines joined by a blank; the same word twice is found the second time.
  EXPECT_EQ(at("A(`${domain}`) && B && B", '>', R"(>-
    A(`${domain}`) && B
    && B
)",
               25),
            "5:8");
  // Plain, continued on the next line; an offset on the first line.
  EXPECT_EQ(at("A(`x`) && B", 0, R"(A(`x`)
      && B
)",
               10),
            "4:10");
  EXPECT_EQ(at("A(`x`) && B", 0, R"(A(`x`)
      && B
)",
               2),
            "3:15");
  // A word an escape changed, a blank, or no source: the value's start.
  EXPECT_EQ(at("A(\"x\") && B", '"', "\"A(\\\"x\\\")\n  && B\"", 0), "3:13");
  EXPECT_EQ(at("A && B", 0, "A\n  && B", 1), "3:13");
  EXPECT_EQ(at("A && B", 0, "", 5), "3:13");
  EXPECT_EQ(detail::locate_in(start, {"a\nb", '|', false}, vars, 2).column, 13);
}

TEST(Locate, HostNames)
{
  EXPECT_EQ(detail::host_problem("a.example.com"), "");
  EXPECT_EQ(detail::host_problem("*.example.com"), "");
  EXPECT_EQ(detail::host_problem("10.0.0.1"), "");
  EXPECT_EQ(detail::host_problem("a-.example.com"), "label \"a-\" starts or ends with '-'");
  EXPECT_EQ(detail::host_problem("a.example.com."), "it has an empty label (two dots in a row, or a dot at an end)");
  EXPECT_EQ(detail::host_problem("*a.example.com"), "'*' is allowed only as the whole leftmost label (*.example.com)");
  EXPECT_EQ(detail::host_problem(std::string(64, 'a') + ".com"),
            "label \"aaaaaaaaaaaaaaaaaaaa...\" is longer than 63 characters");
  EXPECT_EQ(detail::host_problem("a..example.com"), "it has an empty label (two dots in a row, or a dot at an end)");
  EXPECT_EQ(detail::host_problem("*."), "it has an empty label (two dots in a row, or a dot at an end)");
  EXPECT_EQ(detail::host_problem("a.Example.com"), "it has upper-case letters; host names are written in lower case");
  EXPECT_EQ(detail::host_problem("a.ex_ample.com"), "label \"ex_ample\" has a character other than a-z, 0-9 and '-'");
  EXPECT_TRUE(detail::covers("*.example.com", "a.example.com"));
  EXPECT_FALSE(detail::covers("*.example.com", "a.b.example.com"));
  EXPECT_FALSE(detail::covers("*.example.com", "example.com"));
}

TEST(Checks, RuleErrorIsReportedAtItsColumnInsideTheRule)
{
  auto c = compile_files({{"a.yaml", project(R"y(    - rule: "Host(`${domain}`) && Paht(`/x`)"
      service: web
)y")}});
  EXPECT_EQ(messages(c), V{"a.yaml:10:35: E0502: unknown matcher Paht()"});
}

TEST(Checks, AnUndefinedVariableInARuleIsReportedOnceWhereItIsWritten)
{
  auto c = compile_files({{"a.yaml", project(R"y(    - rule: "Host(`${nope}.com`) && Path(`/{id}`)"
      service: web
)y")}});
  EXPECT_EQ(messages(c), (V{"a.yaml:10:13: E0301: undefined variable \"nope\" in environment \"default\"",
                            "a.yaml:10:44: E0503: Path() uses a v2 {name:regexp} placeholder; in v3 it matches the "
                            "text literally"}));
}

TEST(Checks, GeneratedRulesGoThroughTheParser)
{
  auto c = compile_files({{"a.yaml", project(R"(    - host: a.${domain}
      pathPrefix: /x/{id}
      service: web
)")}});
  EXPECT_EQ(messages(c), V{"a.yaml:11:19: E0503: PathPrefix() uses a v2 {name:regexp} placeholder; in v3 it "
                           "matches the text literally (in the rule edgegen builds from host and pathPrefix)"});
}

TEST(Checks, ExactHostsOutrankAWildcardUnlessAPriorityIsWrittenBelowIt)
{
  auto c = compile_files({{"a.yaml", project(R"(    - name: any
      host: "*.${domain}"
      service: web
      tls: false
      entryPoints: [websecure]
    - name: one
      host: one.${domain}
      service: web
      tls: false
      priority: 41
    - name: two
      host: two.${domain}
      service: web
      tls: false
)")}});
  // "two" gets the priority of an exact host (20000), above the wildcard's
  // (10000); "one" asks for 41 and is left below it.
  EXPECT_EQ(messages(c), V{"a.yaml:15:7: E0423: route is never reached: route \"team-any\" matches every request "
                           "it matches, with a higher priority (10000 > 41): GET http://one.example.com:443/ goes "
                           "to \"team-any\""});
}

TEST(Checks, ARawRuleWithMoreConditionsIsShadowedByTheHostItNarrows)
{
  auto routes = [](const std::string& priority) {
    return project(R"(    - name: site
      host: a.${domain}
      service: web
    - name: beta
      rule: Host(`a.${domain}`) && Header(`X-Beta`, `1`)
      service: web
)" + priority);
  };
  EXPECT_EQ(messages(compile_files({{"a.yaml", routes("")}})),
            V{"a.yaml:13:7: E0423: route is never reached: route \"team-site\" matches every request it matches, "
              "with a higher priority (20000 > 46): GET https://a.example.com/ with header X-Beta: 1 goes to "
              "\"team-site\""});
  EXPECT_EQ(messages(compile_files({{"a.yaml", routes("      priority: 20001\n")}})), V{});
  // Narrowed, it never takes all of another route's requests.
  EXPECT_EQ(messages(compile_files({{"a.yaml", project(R"(    - name: beta
      rule: Host(`a.${domain}`) && Header(`X-Beta`, `1`)
      service: web
      priority: 20001
    - name: x
      host: a.${domain}
      path: /x
      service: web
      priority: 100
)")}})),
            V{});
}

TEST(Checks, OnlyRoutesOnTheSameEntryPointsShadow)
{
  std::string edge = std::string(testing::k_edge)
                         .replace(std::string(testing::k_edge).find("  vars:"), 0,
                                  R"(  entryPoints:
    web: {address: ":80", redirectTo: websecure}
    websecure: {address: ":443"}
    internal: {address: ":8443"}
)");
  auto routes = [](const std::string& entry_point) {
    return project(R"(    - name: all
      host: a.${domain}
      service: web
      priority: 30000
      entryPoints: [websecure]
    - name: api
      host: a.${domain}
      pathPrefix: /api
      service: web
      entryPoints: [)" +
                   entry_point + "]\n");
  };
  auto apart = compile_files({{"edge.yaml", edge}, {"a.yaml", routes("internal")}}, false);
  EXPECT_EQ(messages(apart), V{});
  auto together = compile_files({{"edge.yaml", edge}, {"a.yaml", routes("websecure")}}, false);
  EXPECT_EQ(messages(together), V{"a.yaml:15:7: E0423: route is never reached: route \"team-all\" matches every "
                                  "request it matches, with a higher priority (30000 > 20004): GET "
                                  "https://a.example.com/api goes to \"team-all\""});
}

TEST(Checks, AHostBelongsToTheFirstProjectAndEachOtherIsToldOnce)
{
  auto named = [](const std::string& name, const std::string& routes) {
    std::string out = project(routes);
    out.replace(out.find("name: team"), 10, "name: " + name);
    return out;
  };
  const std::string edge = R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata:
  name: test
spec:
  defaultIssuer: le
  dashboard:
    host: traefik.example.com
---
)" + testing::k_issuer_le;
  auto c = testing::compile_files(
      {{"edge.yaml", edge},
       {"a.yaml", named("a", "    - {name: shop, host: shop.example.com, service: web}\n")},
       // Two routes under a's host: one report. The same match as a's
       // elsewhere is E0421's, not this one's.
       {"b.yaml", named("b", "    - {name: one, host: shop.example.com, service: web, pathPrefix: /b}\n"
                             "    - {name: two, host: shop.example.com, service: web, path: /b/x}\n")},
       {"c.yaml", named("c", "    - {name: same, host: shop.example.com, service: web}\n")},
       {"d.yaml", named("d", "    - {name: dash, host: traefik.example.com, service: web}\n")}},
      false);
  EXPECT_EQ(messages(c), (V{
                             "b.yaml:10:7: E0422: host \"shop.example.com\" is also routed by project \"a\"",
                             "c.yaml:10:7: E0421: host \"shop.example.com\" and pathPrefix \"/\" is already routed "
                             "(project \"a\")",
                             "d.yaml:10:7: E0422: host \"traefik.example.com\" is the dashboard's "
                             "(Edge.spec.dashboard.host)",
                         }));
}

TEST(Checks, WarningsAreSilencedByTheDocumentsAnnotation)
{
  std::string routes = R"(    - host: a.${domain}
      service: web
)";
  std::string worker = R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata:
  name: jobs
  annotations:
    edgegen.dev/ignore: "W0602 W0605"
spec:
  services:
    worker:
      port: 9000
)";
  auto c = compile_files({{"a.yaml", project(routes) + "---\n" + worker}});
  EXPECT_EQ(messages(c, true), V{});
  auto loud = compile_files({{"a.yaml", project(routes) + "---\n" + worker.substr(0, worker.find("  annotations")) +
                                            worker.substr(worker.find("spec:"))}});
  EXPECT_EQ(messages(loud, true),
            V{"a.yaml:19:5: W0602: service \"worker\" of project \"jobs\" is not used by any route"});
  EXPECT_FALSE(loud.diagnostics.has_errors());
}

TEST(Checks, AnUnresolvedReferenceKeepsTheUnusedWarningQuiet)
{
  auto c = compile_files({{"a.yaml", project(R"(    - host: a.${domain}
      service: wbe
)")}});
  EXPECT_EQ(messages(c, true), V{"a.yaml:11:16: E0401: unknown service \"wbe\""});
}

} // namespace
} // namespace edgegen::check
