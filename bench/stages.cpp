// Micro-benchmarks of the pipeline's stages over a generated fixture held in
// memory (no disk I/O except in Write): bytes/s for load, emit and hash,
// documents/s for validate. Run: build/edgegen_bench [--benchmark_filter=…]
#include "check/check.hpp"
#include "emit/emit.hpp"
#include "load/load.hpp"
#include "model/build.hpp"
#include "serialise/serialise.hpp"
#include "validate/validate.hpp"
#include "write/disk.hpp"
#include "write/write.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

namespace {

using namespace edgegen;

// A fixture like bench/generate_fixture.py's, built in memory.
source::SourceTree fixture(int projects)
{
  source::SourceTree tree;
  tree.files.push_back({"edge.yaml",
                        "apiVersion: edgegen.dev/v1alpha1\nkind: Edge\nmetadata:\n  name: bench\nspec:\n"
                        "  defaultIssuer: le\n  vars:\n    domain: example.com\n---\n"
                        "apiVersion: edgegen.dev/v1alpha1\nkind: Issuer\nmetadata:\n  name: le\nspec:\n"
                        "  acme:\n    email: ops@example.com\n    solver:\n      http01: {}\n---\n"
                        "apiVersion: edgegen.dev/v1alpha1\nkind: Middleware\nmetadata:\n  name: secure-headers\n"
                        "spec:\n  preset: secure-headers\n",
                        ""});
  for (int i = 0; i < projects; ++i) {
    std::string name = "team-" + std::to_string(i);
    tree.files.push_back(
        {"projects/" + name + ".yaml",
         "apiVersion: edgegen.dev/v1alpha1\nkind: Project\nmetadata:\n  name: " + name +
             "\nspec:\n  services:\n    api:\n      port: 8000\n    web:\n      port: 80\n"
             "  routes:\n    - name: api\n      host: " +
             name +
             ".${domain}\n      pathPrefix: /api\n"
             "      service: api\n      middlewares: [secure-headers, rate-limit]\n"
             "    - name: web\n      host: " +
             name +
             ".${domain}\n      service: web\n"
             "    - name: beta\n      rule: Host(`beta-" +
             name +
             ".${domain}`) && Header(`X-Beta`, `1`)\n"
             "      service: web\n      priority: 100\n"
             "  middlewares:\n    rate-limit:\n      rateLimit:\n        average: 100\n        burst: 50\n",
         ""});
  }
  return tree;
}

size_t bytes_of(const source::SourceTree& tree)
{
  size_t n = 0;
  for (const auto& f : tree.files) {
    n += f.bytes.size();
  }
  return n;
}

void Load(benchmark::State& state)
{
  auto tree = fixture(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    diag::Diagnostics d;
    benchmark::DoNotOptimize(load::load(tree, d));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(tree)));
}

void Validate(benchmark::State& state)
{
  auto tree = fixture(static_cast<int>(state.range(0)));
  diag::Diagnostics d;
  auto documents = load::load(tree, d);
  for (auto _ : state) {
    benchmark::DoNotOptimize(validate::validate(documents, d));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * documents.size()));
}

void ModelAndCheck(benchmark::State& state)
{
  auto tree = fixture(static_cast<int>(state.range(0)));
  diag::Diagnostics d;
  auto documents = load::load(tree, d);
  auto valid = validate::validate(documents, d);
  for (auto _ : state) {
    state.PauseTiming(); // build takes its documents
    auto copy = documents;
    state.ResumeTiming();
    auto model = model::build(std::move(copy), valid, d);
    check::check(model, d);
    benchmark::DoNotOptimize(model);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * documents.size()));
}

void EmitAndSerialise(benchmark::State& state)
{
  auto tree = fixture(static_cast<int>(state.range(0)));
  diag::Diagnostics d;
  auto documents = load::load(tree, d);
  auto model = model::build(documents, validate::validate(documents, d), d);
  size_t bytes = 0;
  for (auto _ : state) {
    auto files = serialise::render_files(emit::emit(model, {}), {});
    bytes = 0;
    for (const auto& f : files) {
      bytes += f.bytes.size();
    }
    benchmark::DoNotOptimize(files);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

void Hash(benchmark::State& state)
{
  std::string data(static_cast<size_t>(state.range(0)), 'x');
  for (auto _ : state) {
    benchmark::DoNotOptimize(serialise::sha256_hex(data));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * data.size()));
}

// Writing an up-to-date tree: every file compared, none rewritten.
void WriteUnchanged(benchmark::State& state)
{
  auto tree = fixture(static_cast<int>(state.range(0)));
  diag::Diagnostics d;
  auto documents = load::load(tree, d);
  auto model = model::build(documents, validate::validate(documents, d), d);
  auto files = serialise::render_files(emit::emit(model, {}), {});
  auto dir = std::filesystem::temp_directory_path() / "edgegen-bench-write";
  std::filesystem::remove_all(dir);
  write::write_tree(write::real_disk(), dir.string(), files);
  for (auto _ : state) {
    benchmark::DoNotOptimize(write::write_tree(write::real_disk(), dir.string(), files));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * files.size()));
  std::filesystem::remove_all(dir);
}

BENCHMARK(Load)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(Validate)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(ModelAndCheck)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(EmitAndSerialise)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(Hash)->Arg(1 << 20)->Unit(benchmark::kMicrosecond);
BENCHMARK(WriteUnchanged)->Arg(1000)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
