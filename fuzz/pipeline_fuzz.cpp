// libFuzzer target over the whole pipeline, in memory: bytes -> load ->
// validate -> model -> check -> emit -> serialise, and the diagnostics
// printed as a user would see them. Any crash, sanitizer report or escaped
// exception is a bug; each one found becomes a file in fuzz/regressions/,
// which the unit tests replay.
#include "cli/report.hpp"
#include "pipeline.hpp"
#include "util/parallel.hpp"
#include "write/write.hpp"

#include <cstddef>
#include <cstdint>
#include <sstream>

// One thread: no threads started per input, and coverage that does not
// depend on which worker took which piece of work.
extern "C" int LLVMFuzzerInitialize(int*, char***)
{
  edgegen::util::max_workers() = 1;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  using namespace edgegen;
  std::string text(reinterpret_cast<const char*>(data), size);
  auto source = source::memory_source({{"in.yaml", text, ""}});
  Compilation c = compile(*source);
  serialise::render_files(emit_files(c), {});
  std::ostringstream out;
  for (auto format : {cli::Format::text, cli::Format::json, cli::Format::github}) {
    cli::report(c.diagnostics, format, c.tree, out);
  }
  // SARIF repeats the same ~180 KB table of rules around every report, ten
  // times the cost of the rest of an input under the sanitizers; its results
  // are escaped as JSON's are. So it runs on one input in 16 (and on every
  // file of the seed corpus and regressions in the unit tests' replay).
  if (size % 16 == 0) {
    cli::report(c.diagnostics, cli::Format::sarif, c.tree, out);
  }
  return 0;
}
