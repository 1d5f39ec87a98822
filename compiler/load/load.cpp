#include "load/load.hpp"

#include "diag/parallel.hpp"
#include "util/strings.hpp"

namespace edgegen::load {

namespace {

// Line and column (1-based, in bytes) of a byte offset.
std::pair<int, int> position_of(std::string_view text, size_t offset)
{
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, static_cast<int>(offset - line_start) + 1};
}

// YAML forbids control characters other than tab, LF and CR; NUL in
// particular would end strings early further down.
size_t find_control_character(std::string_view text)
{
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      return i;
    }
  }
  return std::string_view::npos;
}

bool identify(const Node& root, Document& document, diag::Diagnostics& diagnostics)
{
  const Node* api_version = root.find("apiVersion");
  const Node* kind = root.find("kind");
  bool ok = true;
  if (!api_version) {
    diagnostics.error("E0104", root.location(), "document has no apiVersion",
                      std::string("add `apiVersion: ") + k_api_version + "`");
    ok = false;
  } else if (!api_version->is_string() || api_version->text != k_api_version) {
    diagnostics.error("E0104", api_version->location("/apiVersion"), "unknown apiVersion " + api_version->describe(),
                      std::string("edgegen reads `apiVersion: ") + k_api_version + "`");
    ok = false;
  }
  if (!kind) {
    diagnostics.error("E0105", root.location(), "document has no kind",
                      "kind is one of " + util::join(kind_names(), ", "));
    return false;
  }
  const auto& names = kind_names();
  for (size_t i = 0; i < names.size(); ++i) {
    if (kind->is_string() && kind->text == names[i]) {
      document.kind = static_cast<Kind>(i);
      document.kind_name = names[i];
      const Node* metadata = root.find("metadata");
      const Node* name = metadata ? metadata->find("name") : nullptr;
      if (name && name->is_string()) {
        document.name = name->text;
      }
      return ok;
    }
  }
  std::string suggestion = kind->is_string() ? util::closest_match(kind->text, names) : std::string();
  diagnostics.error("E0105", kind->location("/kind"), "unknown kind " + kind->describe(),
                    suggestion.empty() ? "kind is one of " + util::join(names, ", ")
                                       : "did you mean \"" + suggestion + "\"?");
  return false;
}

void load_file(const source::SourceFile& file, std::vector<Document>& out, diag::Diagnostics& diagnostics)
{
  std::string_view bytes = file.text();
  if (util::starts_with(bytes, "\xEF\xBB\xBF")) {
    bytes.remove_prefix(3); // a UTF-8 byte order mark is allowed and ignored
  }
  size_t bad = util::find_invalid_utf8(bytes);
  if (bad != std::string_view::npos) {
    auto [line, column] = position_of(bytes, bad);
    diagnostics.error("E0103", {file.display_name(), line, column, ""}, "file is not valid UTF-8",
                      "save the file as UTF-8");
    return;
  }
  bad = find_control_character(bytes);
  if (bad != std::string_view::npos) {
    auto [line, column] = position_of(bytes, bad);
    char code[8];
    std::snprintf(code, sizeof code, "0x%02X", static_cast<unsigned char>(bytes[bad]));
    diagnostics.error("E0103", {file.display_name(), line, column, ""},
                      std::string("control character ") + code + " is not allowed in YAML");
    return;
  }
  // The scan allows some slack over k_max_depth: the exact limit is applied,
  // with the value's own location, while converting.
  if (auto problem = prescan(bytes, 2 * k_max_depth)) {
    diag::Location location{file.display_name(), problem->line, problem->column, ""};
    diagnostics.error("E0106", location, "values are nested more than " + std::to_string(k_max_depth) + " levels deep");
    return;
  }
  std::vector<Node> roots = read_yaml(file.display_name(), bytes, diagnostics);
  for (size_t i = 0; i < roots.size(); ++i) {
    Node& root = roots[i];
    if (root.is_null()) {
      continue; // empty document, e.g. after a trailing ---
    }
    if (!root.is_map()) {
      diagnostics.error("E0108", root.location(), "document is " + root.describe() + ", not a mapping",
                        "a document is a mapping with apiVersion, kind, metadata and spec");
      continue;
    }
    check_unsafe_values(root, diagnostics);
    Document document;
    document.file = &file.display_name();
    document.path = &file.path;
    document.index = static_cast<int>(i);
    document.bytes = bytes;
    if (identify(root, document, diagnostics)) {
      document.root = std::move(root);
      out.push_back(std::move(document));
    }
  }
}

} // namespace

std::vector<Document> load(const source::SourceTree& tree, diag::Diagnostics& diagnostics)
{
  // Files are independent: parse them on every core, then merge in path
  // order so that the result does not depend on which thread ran first.
  std::vector<std::vector<Document>> per_file(tree.files.size());
  diag::parallel_for(tree.files.size(), diagnostics,
                     [&](size_t i, diag::Diagnostics& found) { load_file(tree.files[i], per_file[i], found); });
  std::vector<Document> out;
  for (auto& documents : per_file) {
    for (auto& document : documents) {
      out.push_back(std::move(document));
    }
  }
  return out;
}

} // namespace edgegen::load
