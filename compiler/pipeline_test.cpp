#include "pipeline.hpp"

#include "cli/report.hpp"
#include "serialise/serialise.hpp"

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

// render_or_check lets go of the routes' parse trees before it emits: every
// example's files are the same bytes with them and without them.
TEST(Pipeline, TheTargetsEmitTheSameFilesOnceTheRulesParseTreesAreReleased)
{
  size_t examples = 0;
  for (const auto& entry : std::filesystem::directory_iterator("examples")) {
    if (!entry.is_directory()) {
      continue;
    }
    Compilation c = compile(*source::directory_source(entry.path().string()));
    ASSERT_FALSE(c.diagnostics.has_errors()) << entry.path();
    size_t trees = 0;
    for (const auto& config : c.model.environments) {
      for (const auto& project : config.projects) {
        for (const auto& route : project.routes) {
          trees += route.match.rule.parsed() ? 1 : 0;
        }
      }
    }
    std::vector<emit::OutputFile> before = emit_files(c);
    release_checked(c);
    for (const auto& config : c.model.environments) {
      for (const auto& project : config.projects) {
        for (const auto& route : project.routes) {
          EXPECT_FALSE(route.match.rule.parsed()) << entry.path() << ": " << route.output_name;
          EXPECT_TRUE(route.match.rule.matchers.empty()) << entry.path() << ": " << route.output_name;
        }
      }
    }
    auto files = [](const std::vector<emit::OutputFile>& emitted) {
      std::map<std::string, std::string> out;
      for (const auto& file : serialise::render_files(emitted, {})) {
        out[file.path] = file.bytes;
      }
      return out;
    };
    std::map<std::string, std::string> expected = files(before);
    std::map<std::string, std::string> released = files(emit_files(c));
    EXPECT_EQ(released.size(), expected.size()) << entry.path();
    for (const auto& [path, bytes] : expected) {
      auto found = released.find(path);
      ASSERT_NE(found, released.end()) << entry.path() << ": " << path;
      EXPECT_TRUE(found->second == bytes) << entry.path() << ": " << path << " differs";
    }
    examples += trees > 0 ? 1 : 0;
  }
  EXPECT_GE(examples, 8u);
}

} // namespace
} // namespace edgegen
