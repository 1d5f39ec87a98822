#include "pipeline.hpp"

#include "cli/report.hpp"
#include "serialise/serialise.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
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

} // namespace
} // namespace edgegen
