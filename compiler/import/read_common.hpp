#pragma once

// Small readers shared by the static and dynamic readers.
#include "diag/diagnostics.hpp"
#include "load/node.hpp"

#include <initializer_list>
#include <string>

namespace edgegen::import {

// A scalar's text ("" for none or a collection).
std::string text_of(const load::Node* node);

// The node at `keys` below `node`, or nullptr.
const load::Node* find_path(const load::Node& node, std::initializer_list<const char*> keys);

// W0615: key `index` of `map` (at `path`, "" for the top) is a setting
// edgegen does not model, left out of the import.
void not_carried(const load::Node& map, size_t index, const std::string& path, diag::Diagnostics& diagnostics);

} // namespace edgegen::import
