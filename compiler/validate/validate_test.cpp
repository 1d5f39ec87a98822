#include "validate/validate.hpp"

#include "load/load.hpp"
#include "testing.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace edgegen::validate {
namespace {

// One run of load + validate over in-memory files. Held by pointer: the
// documents point at the tree's file names.
struct Run
{
  source::SourceTree tree;
  diag::Diagnostics diagnostics;
  std::vector<load::Document> documents;
  std::vector<bool> passed;

  // Every diagnostic as "file:line:col: CODE: message", sorted.
  std::vector<std::string> lines() const
  {
    std::vector<std::string> out;
    for (const auto& d : diagnostics.sorted()) {
      out.push_back(diag::format_location(d.location) + ": " + d.code + ": " + d.message);
    }
    return out;
  }
  std::string hint(size_t index = 0) const { return diagnostics.sorted().at(index).hint; }
  std::string pointer(size_t index = 0) const { return diagnostics.sorted().at(index).location.pointer; }
};

std::unique_ptr<Run> run(const std::vector<std::pair<std::string, std::string>>& files)
{
  auto r = std::make_unique<Run>();
  for (const auto& [path, text] : files) {
    source::SourceFile file;
    file.path = path;
    file.bytes = text;
    r->tree.files.push_back(std::move(file));
  }
  r->documents = load::load(r->tree, r->diagnostics);
  EXPECT_FALSE(r->diagnostics.has_errors()) << "the test input must load cleanly";
  r->passed = validate(r->documents, r->diagnostics);
  return r;
}

std::unique_ptr<Run> run(const std::string& text)
{
  return run({{"in.yaml", text}});
}

using Lines = std::vector<std::string>;
using testing::k_examples;

// Spec lines start at line 6.
const std::string k_project = R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata:
  name: team-a
spec:
)";

TEST(Validate, DocumentationExamplesPass)
{
  auto r = run(k_examples);
  EXPECT_EQ(r->lines(), Lines{});
  EXPECT_EQ(r->passed, std::vector<bool>(8, true));
}

TEST(Validate, UnknownPropertyIsReportedAtItsKeyWithASuggestion)
{
  auto r = run(k_project + R"(  services:
    api: {port: 8000}
  routes:
    - hots: team-a.example.com
      service: api
)");
  // Not also `route needs either "host" or "rule"`: the typo explains it.
  EXPECT_EQ(r->lines(), Lines{"in.yaml:9:7: E0203: unknown property \"hots\" in /spec/routes/0"});
  EXPECT_EQ(r->hint(), "did you mean \"host\"?");
  EXPECT_EQ(r->pointer(), "/spec/routes/0/hots");
  EXPECT_EQ(r->passed, std::vector<bool>{false});
}

TEST(Validate, UnknownPropertyWithoutACloseNameListsTheAllowedOnes)
{
  auto r = run(k_project + R"(  services:
    api: {port: 8000, weight: 3}
)");
  EXPECT_EQ(r->lines(), Lines{"in.yaml:7:23: E0203: unknown property \"weight\" in /spec/services/api"});
  EXPECT_EQ(r->hint(), "allowed properties: healthCheck, host, image, passHostHeader, port, scheme, tls, urls");
}

// compile() frees the schemas after the validate stage; the next validation
// parses them again and words its errors the same, patterns included.
TEST(Validate, SchemasReleasedAreParsedAgainOnTheNextValidation)
{
  const std::string input = k_project + R"(  services:
    api: {port: 8000, weight: 3}
  routes:
    - host: "team a.example.com"
      service: api
)";
  auto before = run(input);
  release_schemas();
  auto after = run(input);
  release_schemas();
  auto again = run(input);
  ASSERT_EQ(before->lines().size(), 2u);
  EXPECT_EQ(after->lines(), before->lines());
  EXPECT_EQ(again->lines(), before->lines());
  EXPECT_EQ(run(k_examples)->passed, std::vector<bool>(8, true));
}

TEST(Validate, EveryUnknownPropertyOfAMappingIsReported)
{
  auto r = run(k_project + R"(  servces: {}
  rotes: []
)");
  EXPECT_EQ(r->lines(), (Lines{"in.yaml:6:3: E0203: unknown property \"servces\" in /spec",
                               "in.yaml:7:3: E0203: unknown property \"rotes\" in /spec"}));
  EXPECT_EQ(r->hint(0), "did you mean \"services\"?");
  EXPECT_EQ(r->hint(1), "did you mean \"routes\"?");
}

TEST(Validate, MisspeltRequiredPropertyIsOneError)
{
  auto r = run(k_project + R"(  routes:
    - host: a.example.com
      sevrice: api
)");
  EXPECT_EQ(r->lines(), Lines{"in.yaml:8:7: E0203: unknown property \"sevrice\" in /spec/routes/0"});
  EXPECT_EQ(r->hint(), "did you mean \"service\"?");
}

TEST(Validate, WrongType)
{
  auto r = run(k_project + R"(  services:
    api:
      port: "80"
)");
  EXPECT_EQ(r->lines(), Lines{"in.yaml:8:13: E0201: /spec/services/api/port: expected integer, got \"80\""});
  EXPECT_EQ(r->pointer(), "/spec/services/api/port");
}

TEST(Validate, WrongTypeOfAMappingHidesWhatItsSchemaWouldSayInside)
{
  auto r = run(k_project + R"(  routes:
    - team-a.example.com
)");
  EXPECT_EQ(r->lines(), Lines{"in.yaml:7:7: E0201: /spec/routes/0: expected mapping, got \"team-a.example.com\""});
}

TEST(Validate, TypeUnion)
{
  auto r = run(k_project + R"(  middlewares:
    rl:
      rateLimit: {average: true}
)");
  EXPECT_EQ(r->lines(), Lines{"in.yaml:8:28: E0201: /spec/middlewares/rl/rateLimit/average: expected string or "
                              "number, got true"});
}

TEST(Validate, MissingRequiredPropertyIsReportedAtTheMapping)
{
  auto r = run(k_project + R"(  routes:
    - host: a.example.com
      pathPrefix: /api
)");
  EXPECT_EQ(r->lines(), Lines{"in.yaml:7:7: E0202: /spec/routes/0: missing required property \"service\""});
}

TEST(Validate, MissingSpec)
{
  auto r = run(R"(apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata: {name: prod}
)");
  EXPECT_EQ(r->lines(), Lines{"in.yaml:1:1: E0202: document: missing required property \"spec\""});
}

TEST(Validate, ValueNotAllowed)
{
  auto r = run(k_project + R"(  services:
    api: {port: 80, scheme: htps}
)");
  EXPECT_EQ(r->lines(), Lines{"in.yaml:7:29: E0204: /spec/services/api/scheme: \"htps\" is not one of http, "
                              "https, h2c"});
  EXPECT_EQ(r->hint(), "did you mean \"https\"?");
}

TEST(Validate, InvalidNameSaysWhatANameIs)
{
  auto r = run(R"(apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: Team_A
spec: {compress: {}}
)");
  EXPECT_EQ(r->lines(), Lines{"in.yaml:4:9: E0205: /metadata/name: \"Team_A\" is not a valid name (lower-case letters, "
                              "digits and '-', starting and ending with a letter or digit)"});
}

TEST(Validate, InvalidNameAsAKeyIsReportedAtTheKey)
{
  auto r = run(k_project + R"(  services:
    Api: {port: 80}
)");
  EXPECT_EQ(r->lines(), Lines{"in.yaml:7:5: E0205: /spec/services: \"Api\" is not a valid name (lower-case "
                              "letters, digits and '-', starting and ending with a letter or digit, at most 63 "
                              "characters)"});
}

TEST(Validate, Constraints)
{
  auto r = run(k_project + R"(  services:
    api: {port: 70000}
    web: {port: 0}
    db: {urls: []}
  routes:
    - {host: 'a b', service: api, path: api}
)");
  EXPECT_EQ(r->lines(),
            (Lines{"in.yaml:7:17: E0205: /spec/services/api/port: 70000 is greater than 65535",
                   "in.yaml:8:17: E0205: /spec/services/web/port: 0 is less than 1",
                   "in.yaml:9:16: E0205: /spec/services/db/urls: must not be empty",
                   "in.yaml:11:14: E0205: /spec/routes/0/host: \"a b\" is not a valid host name (letters, digits, "
                   "'.', '-', '*' for a wildcard and ${variables})",
                   "in.yaml:11:41: E0205: /spec/routes/0/path: \"api\" is not a valid path (it starts with '/' and "
                   "has no spaces)"}));
}

TEST(Validate, DuplicateListItemIsReportedAtTheDuplicate)
{
  auto r = run(R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata: {name: e}
spec:
  targets: [traefik, dns, traefik]
)");
  EXPECT_EQ(r->lines(), Lines{"in.yaml:5:27: E0205: /spec/targets/2: \"traefik\" is listed more than once"});
}

TEST(Validate, NameLongerThan63)
{
  auto r = run(R"(apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: )" + std::string(64, 'a') +
               R"(
spec: {compress: {}}
)");
  EXPECT_EQ(r->lines(), Lines{"in.yaml:4:9: E0205: /metadata/name: \"" + std::string(60, 'a') +
                              "…\" is longer than 63 characters"});
}

TEST(Validate, RouteRules)
{
  auto r = run(k_project + R"(  routes:
    - service: api
)"                                                                                                 // 7
                           "    - {host: a.example.com, path: /a, pathPrefix: /b, service: api}\n" // 8
                           "    - {rule: Host(`a`), host: a.example.com, service: api}\n"          // 9
                           "    - {rule: Host(`a`), service: api}\n");                             // 10
  EXPECT_EQ(r->lines(),
            (Lines{"in.yaml:7:7: E0206: /spec/routes/0: a route needs either \"host\" or \"rule\"",
                   "in.yaml:8:7: E0206: /spec/routes/1: \"path\" and \"pathPrefix\" cannot both be given",
                   "in.yaml:9:7: E0206: /spec/routes/2: \"rule\" replaces \"host\", \"path\" and \"pathPrefix\": "
                   "give either the rule or those"}));
}

TEST(Validate, ServiceNeedsPortOrUrls)
{
  auto r = run(k_project + R"(  services:
    api: {host: api.internal}
)");
  EXPECT_EQ(r->lines(), Lines{"in.yaml:7:10: E0206: /spec/services/api: a service needs \"port\" or \"urls\""});
}

TEST(Validate, IssuerNeedsExactlyOneKind)
{
  const std::string head = R"(apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: le}
)";
  auto r = run({{"a.yaml", head + "spec: {}\n"},
                {"b.yaml", head + R"(spec:
  acme: {email: a@example.com}
  files: {certificates: [{certFile: c, keyFile: k, domains: [example.com]}]}
)"},
                {"c.yaml", head + R"(spec:
  acme:
    email: a@example.com
    solver: {http01: {}, dns01: {provider: cloudflare}}
)"}});
  EXPECT_EQ(r->lines(),
            (Lines{"a.yaml:4:7: E0206: /spec: an issuer needs exactly one of \"acme\" or \"files\"",
                   "b.yaml:5:3: E0206: /spec: an issuer needs exactly one of \"acme\" or \"files\"",
                   "c.yaml:7:13: E0206: /spec/acme/solver: a solver needs exactly one of \"http01\" or \"dns01\""}));
}

TEST(Validate, MiddlewareHoldsOneTypeOrAPreset)
{
  const std::string head = R"(apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata: {name: m}
)";
  auto r = run({{"a.yaml", head + "spec: {headers: {frameDeny: true}, compress: {}}\n"},
                {"b.yaml", head + "spec: {preset: rate-limit, headers: {frameDeny: true}}\n"},
                {"c.yaml", head + "spec: {preset: compress}\n"},
                {"d.yaml", head + "spec: {}\n"},
                {"e.yaml", head + "spec: {headers: {frameDenny: true}}\n"}});
  EXPECT_EQ(r->lines(),
            (Lines{"a.yaml:4:7: E0206: /spec: a middleware holds exactly one type: combine several with a \"chain\"",
                   "b.yaml:4:7: E0206: /spec: preset \"rate-limit\" is a \"rateLimit\" middleware: only "
                   "\"rateLimit\" can refine it",
                   "d.yaml:4:7: E0205: /spec: must not be empty",
                   "d.yaml:4:7: E0206: /spec: a middleware needs a type such as \"headers\" or \"rateLimit\", or a "
                   "\"preset\"",
                   "e.yaml:4:18: E0203: unknown property \"frameDenny\" in /spec/headers"}));
  EXPECT_EQ(r->passed, (std::vector<bool>{false, false, true, false, false}));
  EXPECT_EQ(r->hint(4), "did you mean \"frameDeny\"?");
}

TEST(Validate, CascadeIsFilteredToTheMostSpecificError)
{
  // valijson also reports "failed to validate against schema associated with
  // property" for /spec/middlewares/rl/rateLimit, …/rl, /spec/middlewares and
  // /spec, and the type error in each branch of the middleware rules.
  auto r = run(k_project + R"(  middlewares:
    rl:
      rateLimit: {burst: many}
)");
  EXPECT_EQ(r->lines(), Lines{"in.yaml:8:26: E0201: /spec/middlewares/rl/rateLimit/burst: expected number, got "
                              "\"many\""});
}

TEST(Validate, ErrorsOfAMappingAndOfItsValuesAreAllReported)
{
  auto r = run(k_project + R"(  routes:
    - host: a.example.com
      priority: high
)");
  EXPECT_EQ(r->lines(), (Lines{"in.yaml:7:7: E0202: /spec/routes/0: missing required property \"service\"",
                               "in.yaml:8:17: E0201: /spec/routes/0/priority: expected integer, got \"high\""}));
}

TEST(Validate, AllErrorsOfAllDocumentsInOneRun)
{
  auto r = run({{"a.yaml", k_project + R"(  services:
    api: {port: x}
---
)" + k_project +
                               R"(  services:
    api: {port: 80}
---
)" + k_project + "  bogus: 1\n"},
                {"b.yaml", R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata: {name: Edge}
spec:
  targets: [trafik]
)"}});
  EXPECT_EQ(r->lines(),
            (Lines{"a.yaml:7:17: E0201: /spec/services/api/port: expected integer, got \"x\"",
                   "a.yaml:22:3: E0203: unknown property \"bogus\" in /spec",
                   "b.yaml:3:18: E0205: /metadata/name: \"Edge\" is not a valid name (lower-case letters, digits "
                   "and '-', starting and ending with a letter or digit)",
                   "b.yaml:5:13: E0204: /spec/targets/0: \"trafik\" is not one of traefik, traefik-redis, "
                   "kubernetes, flux, argocd, compose, dns"}));
  EXPECT_EQ(r->passed, (std::vector<bool>{false, true, false, false}));
}

TEST(Validate, OverlongStringsAreRefusedBeforeSchemaValidation)
{
  std::string huge(k_max_string_bytes + 1, 'a');
  auto r = run(k_project + "  routes:\n    - host: " + huge + R"(
      bogus: 1
)");
  // No E0202/E0203: the document is not given to the validator at all.
  EXPECT_EQ(r->lines(),
            Lines{"in.yaml:7:13: E0115: /spec/routes/0/host: string of 4097 bytes is longer than the limit of 4096 "
                  "bytes"});
  EXPECT_EQ(r->passed, std::vector<bool>{false});
}

TEST(Validate, OverlongKeysAreRefused)
{
  std::string huge(k_max_string_bytes + 1, 'k');
  auto r = run(k_project + "  ? " + huge + R"(
  : 1
)"); // plain keys are limited to 1024 characters
  EXPECT_EQ(r->lines(), Lines{"in.yaml:6:5: E0115: /spec: key of 4097 bytes is longer than the limit of 4096 bytes"});
}

TEST(Validate, StringsUpToTheLimitAreMatchedSafely)
{
  std::string host(k_max_string_bytes, 'a');
  std::string bad = std::string(k_max_string_bytes - 1, 'a') + " ";
  auto r =
      run(k_project + "  routes:\n    - {host: " + host + ", service: a}\n    - {host: '" + bad + "', service: a}\n");
  ASSERT_EQ(r->lines().size(), 1u);
  EXPECT_EQ(r->lines()[0].substr(0, 45), "in.yaml:8:14: E0205: /spec/routes/1/host: \"aa");
}

TEST(Validate, KeysThatNeedEscapingInPointers)
{
  auto r = run(k_project + R"(  "a/b~c": 1
  "[0]": 2
)");
  EXPECT_EQ(r->lines(), (Lines{"in.yaml:6:3: E0203: unknown property \"a/b~c\" in /spec",
                               "in.yaml:7:3: E0203: unknown property \"[0]\" in /spec"}));
  EXPECT_EQ(r->pointer(0), "/spec/a~1b~0c");
}

} // namespace
} // namespace edgegen::validate
