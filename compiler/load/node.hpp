#pragma once

#include "diag/location.hpp"
#include "util/chunks.hpp"
#include "util/compact_vector.hpp"
#include "util/symbol.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace edgegen::load {

// One value of a loaded YAML document, as JSON sees it (YAML 1.2 core schema),
// with the place it was written. Our own type: yaml-cpp never leaves load/.
struct Node
{
  enum class Kind : uint8_t { null, boolean, integer, floating, string, list, map };
  // The lists come from chunks of their own (util::ChunkMemory): the trees
  // are let go whole once the model is built, and their pages go back to
  // the system with them. A map's keys are interned (util::Symbol): a large
  // edge writes the same few keys hundreds of thousands of times.
  using List = util::CompactVector<Node, util::ChunkMemory>;
  using Keys = util::CompactVector<util::Symbol, util::ChunkMemory>;

  // Laid out small (88 bytes; the lists are a pointer each): a large edge
  // holds millions of these.
  Kind kind = Kind::null;
  // How a string was written: 0 plain, '\'' or '"' quoted, '|' or '>' block,
  // and whether it sits on one line. With both, a problem at an offset inside
  // the value (a rule's syntax error) can be shown at its own column.
  char style = 0;
  bool one_line = false;
  bool boolean = false;
  int line = 0;
  int column = 0;
  int key_line = 0; // a mapping's value: where its key was written
  int key_column = 0;
  const std::string* file = nullptr; // interned (diag::FileName::str())
  union {
    int64_t integer = 0; // kind integer
    double floating;     // kind floating
  };
  std::string text; // the string value, or a scalar as written
  List items;       // list items, or map values
  Keys keys;        // map keys, parallel to items, in source order

  bool is_map() const { return kind == Kind::map; }
  bool is_list() const { return kind == Kind::list; }
  bool is_string() const { return kind == Kind::string; }
  bool is_null() const { return kind == Kind::null; }

  // Map member by key, or nullptr.
  const Node* find(std::string_view key) const;
  // The key's own location (for "unknown property" and duplicates).
  diag::Location key_location(size_t index, const std::string& pointer = {}) const;
  // This value's location.
  diag::Location location(const std::string& pointer = {}) const;
  // JSON spelling of a scalar, for messages: "abc" quoted, 42, true, null.
  std::string describe() const;
  // The same value written in the same place: kind, scalar, style,
  // locations and every child alike.
  bool same_as(const Node& other) const;
  // A copy of everything but the items (keys included), for a caller that
  // makes the items anew: copying them too would copy each subtree twice.
  Node without_items() const;
};

// The kinds of the edgegen.dev/v1alpha1 API.
enum class Kind { edge, environment, issuer, middleware, project, route_test };

constexpr const char* k_api_version = "edgegen.dev/v1alpha1";

// One document of one input file, identified by apiVersion and kind.
struct Document
{
  const std::string* file = nullptr; // display name; owned by the SourceTree, which outlives the pipeline
  const std::string* path = nullptr; // relative to the source root
  int index = 0;                     // position of the document in its file
  Kind kind = Kind::edge;
  std::string kind_name; // as written: "Project"
  std::string name;      // metadata.name, if it is a string
  Node root;
  std::string_view bytes; // the text of its file that line and column count in (owned by the SourceTree)
  // A copy patched by an Environment (patch/) also holds values of that
  // Environment's file: its interned name (as Node::file) and its text.
  const std::string* patch_file = nullptr;
  std::string_view patch_bytes;

  // The text of the file `node` was written in.
  std::string_view bytes_of(const Node& node) const
  {
    return patch_file && node.file == patch_file ? patch_bytes : bytes;
  }
};

const char* kind_name(Kind kind);
const std::vector<std::string>& kind_names();

} // namespace edgegen::load
