#pragma once

#include "diag/diagnostics.hpp"
#include "source/source.hpp"

#include <ostream>
#include <string>

namespace edgegen::cli {

enum class Format { text, json, github, sarif };

// Prints diagnostics in the chosen format; `tree` supplies the lines shown
// under text diagnostics, which `colour` paints with ANSI escapes (for a
// terminal).
void report(const diag::Diagnostics& diagnostics, Format format, const source::SourceTree& tree, std::ostream& out,
            bool colour = false);

// SARIF 2.1.0 (sarif.cpp).
void report_sarif(const std::vector<diag::Diagnostic>& all, std::ostream& out);

} // namespace edgegen::cli
