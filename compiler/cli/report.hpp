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

// True unless reading, validating or resolving the input failed (E01xx
// reading, E02xx schema, E03xx variables and documents): the model then has
// every part, though checks may have found errors in it. `route` routes
// through such a model and `plan` plans from it, as Traefik would load it.
bool model_is_whole(const diag::Diagnostics& diagnostics);

// SARIF 2.1.0 (sarif.cpp).
void report_sarif(const std::vector<diag::Diagnostic>& all, std::ostream& out);

} // namespace edgegen::cli
