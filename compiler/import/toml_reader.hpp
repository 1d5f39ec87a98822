#pragma once

#include "diag/diagnostics.hpp"
#include "load/node.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace edgegen::import {

// A TOML file as the one document the YAML reader would give for the same
// data, with locations; a syntax error is E0430 at its line and column.
// `file` names the input in locations and must outlive the nodes.
std::vector<load::Node> read_toml(const std::string& file, std::string_view bytes, diag::Diagnostics& diagnostics);

} // namespace edgegen::import
