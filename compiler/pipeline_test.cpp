#include "pipeline.hpp"

#include "cli/report.hpp"
#include "write/write.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace edgegen {
namespace {

// Every input the fuzzer ever found a crash or a hang with (fuzz/regressions/)
// goes through the whole pipeline again, as the fuzz target runs it.
TEST(Pipeline, FuzzRegressionsRunCleanly)
{
  std::filesystem::path dir = "fuzz/regressions";
  ASSERT_TRUE(std::filesystem::is_directory(dir)) << "run the tests from the repository root";
  size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    auto source = source::memory_source({{"in.yaml", bytes.str(), ""}});
    Compilation c = compile(*source, true);
    if (!c.diagnostics.has_errors()) {
      write::render_files(c.files, {});
    }
    std::ostringstream out;
    cli::report(c.diagnostics, cli::Format::text, c.tree, out);
    ++count;
  }
  EXPECT_GT(count, 0u);
}

} // namespace
} // namespace edgegen
