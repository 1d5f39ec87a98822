#include "pipeline.hpp"
#include "render.hpp"

#include "cli/report.hpp"
#include "serialise/serialise.hpp"
#include "testing.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace edgegen {
namespace {

// Every input the fuzzer ever found a crash or a hang with (fuzz/regressions/),
// and its hostile seeds (fuzz/seeds/), go through the whole pipeline again,
// as the fuzz target runs them: every output format must take them.
TEST(Pipeline, FuzzRegressionsRunCleanly)
{
  size_t count = 0;
  for (std::filesystem::path dir : {"fuzz/regressions", "fuzz/seeds"}) {
    ASSERT_TRUE(std::filesystem::is_directory(dir)) << "run the tests from the repository root";
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      auto source = source::memory_source({{"in.yaml", bytes.str(), ""}});
      Compilation c = compile(*source);
      serialise::render_files(emit_files(c), {});
      for (auto format : {cli::Format::text, cli::Format::json, cli::Format::github, cli::Format::sarif}) {
        std::ostringstream out;
        EXPECT_NO_THROW(cli::report(c.diagnostics, format, c.tree, out)) << entry.path();
      }
      ++count;
    }
  }
  EXPECT_GT(count, 5u);
}

// Routes of a compilation that still hold a parse tree of their rule.
size_t routes_with_a_parse_tree(const Compilation& c)
{
  size_t count = 0;
  for (const auto& config : c.model.environments) {
    for (const auto& project : config.projects) {
      for (const auto& route : project.routes) {
        count += route.match.rule.parsed() || !route.match.rule.matchers.empty() ? 1 : 0;
      }
    }
  }
  return count;
}

// render_or_check lets go of the routes' parse trees before it emits: every
// example's files are the same bytes with them and without them.
TEST(Pipeline, TheTargetsEmitTheSameFilesOnceTheRulesParseTreesAreReleased)
{
  RenderRequest in_memory;
  in_memory.mode = RenderRequest::Mode::memory;
  size_t examples = 0;
  for (const auto& entry : std::filesystem::directory_iterator("examples")) {
    if (!entry.is_directory()) {
      continue;
    }
    Compilation c = compile(*source::directory_source(entry.path().string()));
    ASSERT_FALSE(c.diagnostics.has_errors()) << entry.path();
    examples += routes_with_a_parse_tree(c) > 0 ? 1 : 0;
    const std::map<std::string, std::string> expected = render(c, in_memory).files;
    release_checked(c);
    EXPECT_EQ(routes_with_a_parse_tree(c), 0u) << entry.path();
    const std::map<std::string, std::string> released = render(c, in_memory).files;
    EXPECT_EQ(released.size(), expected.size()) << entry.path();
    for (const auto& [path, bytes] : expected) {
      auto found = released.find(path);
      ASSERT_NE(found, released.end()) << entry.path() << ": " << path;
      EXPECT_TRUE(found->second == bytes) << entry.path() << ": " << path << " differs";
    }
  }
  EXPECT_GE(examples, 8u);
}

// Warnings are reported before the emit stage, so render_or_check lets go
// of them with the parse trees. Errors, which stop a render, stay.
TEST(Pipeline, ReleasingWhatTheChecksReadLetsGoOfWarningsButNotOfErrors)
{
  const std::string spec = R"(  services:
    web: {port: 8080}
  routes:
    - host: p.example.com
      service: web
  middlewares:
    unused: {compress: {}}
)";
  Compilation warned = testing::compile(testing::edge(), {{"p.yaml", testing::project("p", spec)}});
  ASSERT_FALSE(warned.diagnostics.has_errors()) << testing::errors(warned);
  const std::vector<std::string> warnings = testing::messages(warned, true);
  ASSERT_EQ(warnings.size(), 3u); // the Edge's two and the project's
  EXPECT_EQ(warnings.back(),
            "p.yaml:12:5: W0601: middleware \"unused\" is not used by any route, chain or the dashboard");
  release_checked(warned);
  EXPECT_TRUE(warned.diagnostics.empty());

  Compilation failed = testing::compile(testing::edge(), {{"p.yaml", testing::project("p", spec + "    bad: 1\n")}});
  ASSERT_TRUE(failed.diagnostics.has_errors());
  const std::vector<std::string> before = testing::messages(failed, true);
  release_checked(failed);
  EXPECT_EQ(testing::messages(failed, true), before);
}

} // namespace
} // namespace edgegen
