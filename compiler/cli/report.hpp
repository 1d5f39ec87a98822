#pragma once

#include "diag/diagnostics.hpp"
#include "source/source.hpp"

#include <ostream>
#include <string>

namespace edgegen::cli {

enum class Format { text, json, github };

// Prints diagnostics in the chosen format; `tree` supplies the lines shown
// under text diagnostics.
void report(const diag::Diagnostics& diagnostics, Format format, const source::SourceTree& tree, std::ostream& out);

} // namespace edgegen::cli
