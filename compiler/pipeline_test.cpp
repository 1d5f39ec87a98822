#include "pipeline.hpp"
#include "render.hpp"

#include "cli/report.hpp"
#include "serialise/serialise.hpp"
#include "testing.hpp"
#include "write/memory_disk.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

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

// A project of one service and one route.
const std::string k_routed = R"(  services:
    web: {port: 8080}
  routes:
    - host: p.example.com
      service: web
)";

// Warnings are reported before the emit stage, so render_or_check lets go
// of them. Errors, which stop a render, stay.
TEST(Pipeline, ReleasingWhatTheChecksReadLetsGoOfWarningsButNotOfErrors)
{
  const std::string spec = k_routed + "  middlewares:\n    unused: {compress: {}}\n";
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

// compile() lets go of the input's bytes once the model is built. Each file
// keeps its Git blob id, which edgegen.lock.json records, and the tree reads
// the bytes again from its source for a report.
TEST(Pipeline, CompileLetsGoOfTheInputAndKeepsEachFilesBlobId)
{
  const std::string project = testing::project("p", k_routed);
  Compilation c = testing::compile(testing::edge(), {{"p.yaml", project}});
  ASSERT_FALSE(c.diagnostics.has_errors()) << testing::errors(c);
  ASSERT_TRUE(c.tree.bytes_released);
  EXPECT_FALSE(c.tree.block); // the pages of the packed bytes are given back
  ASSERT_TRUE(c.tree.reread);
  const source::SourceFile* p = nullptr;
  for (const auto& file : c.tree.files) {
    EXPECT_TRUE(file.text().empty()) << file.path;
    EXPECT_EQ(file.blob_id.size(), 40u) << file.path;
    p = file.path == "p.yaml" ? &file : p;
  }
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->blob_id, serialise::git_blob_id(project));
  EXPECT_EQ(c.tree.reread(*p), project);

  write::MemoryDisk disk;
  RenderRequest request;
  request.out = "out";
  request.disk = &disk;
  render(c, request);
  const auto tree = disk.tree("out");
  ASSERT_TRUE(tree.count("edgegen.lock.json"));
  const std::string& lock = tree.at("edgegen.lock.json");
  EXPECT_NE(lock.find("\"path\": \"p.yaml\""), std::string::npos) << lock;
  EXPECT_NE(lock.find(p->blob_id), std::string::npos) << lock;
}

} // namespace
} // namespace edgegen
