#pragma once

#include "diag/diagnostics.hpp"
#include "util/parallel.hpp"

#include <limits>
#include <utility>
#include <vector>

namespace edgegen::diag {

// util::parallel_for for work that reports: body(i, sink) reports into a sink
// of its own, and the sinks are appended to `out` in index order, so what is
// reported never depends on which thread ran first.
template <typename Body>
void parallel_for(size_t n, Diagnostics& out, const Body& body, size_t grain = 16,
                  size_t most = std::numeric_limits<size_t>::max())
{
  std::vector<Diagnostics> found(n);
  for (auto& sink : found) {
    sink.leave_out(out.left_out());
    sink.silence(out.silenced());
  }
  util::parallel_for(
      n, [&](size_t i) { body(i, found[i]); }, grain, most);
  size_t total = out.size();
  for (const auto& sink : found) {
    total += sink.size();
  }
  out.reserve(total); // grown once, not doubled while the sinks are still held
  for (auto& sink : found) {
    out.append(std::move(sink)); // each sink's storage freed as it goes
  }
}

} // namespace edgegen::diag
