#pragma once

// What `render` and `render --check` print about the output directory.

#include "write/write.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace edgegen::cli {

// "out/prod/x.yml" for display, whether or not --out ends in '/'.
std::string out_path(const std::string& out, std::string_view path);

// `render --check`: a line per file that differs, is missing, is no longer
// rendered or would be loaded without being rendered, then what to do.
void report_drift(const write::Drift& drift, const std::string& out, const std::string& source, std::ostream& err);

// `render`: the files written and removed and the count (to `log`), and a
// warning (to `err`) for each file edgegen did not write that the edge loads.
void report_written(const write::WriteReport& written, const std::vector<write::ForeignFile>& foreign,
                    const std::string& out, std::ostream& log, std::ostream& err);

} // namespace edgegen::cli
