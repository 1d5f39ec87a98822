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

// For trees built from flat keys (compose labels, Traefik's KV keys): the
// child `key` of map `node`, added (at `at`) if missing; a scalar typed as
// Traefik reads it (integers and booleans plain, anything else a string);
// a middleware type in Traefik's spelling (flat keys may be any case).
load::Node& child(load::Node& node, const std::string& key, const load::Node& at);
void set_scalar(load::Node& node, const std::string& text);
std::string middleware_type(const std::string& written);

} // namespace edgegen::import
