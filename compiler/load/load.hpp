#pragma once

#include "diag/diagnostics.hpp"
#include "load/node.hpp"
#include "source/source.hpp"

#include <optional>
#include <string>
#include <vector>

namespace edgegen::load {

// Limits that bound the work one input can cause (each has its own error).
constexpr int k_max_depth = 64;           // nesting of lists and maps (E0106)
constexpr size_t k_max_nodes = 1000000;   // values per file, aliases expanded (E0107)
constexpr size_t k_max_documents = 10000; // documents per file (E0114)

// Stage entry: every document of every file, parsed as YAML 1.2 with
// locations. Files that are not valid YAML, or documents that are not
// edgegen.dev/v1alpha1 objects of a known kind, become diagnostics and are
// left out. The tree must outlive the documents (they point at its paths).
std::vector<Document> load(const source::SourceTree& tree, diag::Diagnostics& diagnostics);

} // namespace edgegen::load

namespace edgegen::load {

// The YAML layer alone: bytes -> one Node per document (null for empty ones).
// `file` names the input in locations and must outlive the nodes.
std::vector<Node> read_yaml(const std::string& file, std::string_view bytes, diag::Diagnostics& diagnostics);

namespace detail {
// read_yaml with yaml-cpp alone, never the block reader (for the tests that
// compare the two).
std::vector<Node> read_yaml_cpp(const std::string& file, std::string_view bytes, diag::Diagnostics& diagnostics);
} // namespace detail

// The first place where the text nests collections more than `limit`
// levels deep (judged from indentation, dashes and brackets); nullopt if
// there is none.
struct Prescan
{
  int line;
  int column;
};
std::optional<Prescan> prescan(std::string_view text, int limit);

// Reports strings and keys that must never reach the output: Go template
// syntax (E0116) and inline private keys (E0117).
void check_unsafe_values(const Node& node, diag::Diagnostics& diagnostics);

// YAML 1.2 core schema resolution of a plain scalar into `node`.
void resolve_plain_scalar(const std::string& text, Node& node);

// A scalar with the parser's tag ("?" plain, "!" quoted, or a core schema
// tag) into `out`; another tag is an error (E0111).
void resolve_tagged_scalar(const std::string& tag, const std::string& text, Node& out, diag::Diagnostics& diagnostics);

// How the string `out` was written (its style, and whether on one line),
// read from the bytes at its location; `line_starts` holds the byte offset
// of each line.
void note_style(std::string_view bytes, const std::vector<size_t>& line_starts, Node& out);

} // namespace edgegen::load
