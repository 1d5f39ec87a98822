// The only file that includes yaml-cpp. It turns yaml-cpp's nodes into our
// own Node trees and guards against what yaml-cpp 0.7 lets through: duplicate
// keys, alias cycles and alias bombs, and YAML 1.1 scalar resolution.
#include "load/load.hpp"

#include "util/strings.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <sstream>

namespace edgegen::load {

namespace {

class Converter
{
public:
  Converter(const std::string& file, std::string_view bytes, diag::Diagnostics& diagnostics)
      : m_file(file), m_bytes(bytes), m_diagnostics(diagnostics)
  {
    m_line_starts.push_back(0);
    for (size_t i = 0; i < bytes.size(); ++i) {
      if (bytes[i] == '\n') {
        m_line_starts.push_back(i + 1);
      }
    }
  }

  // False when the document had to be abandoned (a diagnostic says why).
  bool convert(const YAML::Node& in, Node& out, int depth)
  {
    out.file = &m_file;
    out.line = in.Mark().line + 1;
    out.column = in.Mark().column + 1;
    if (++m_count > k_max_nodes) {
      m_diagnostics.error("E0107", out.location(),
                          "document expands to more than " + std::to_string(k_max_nodes) + " values",
                          "aliases (*name) multiply what they refer to; write the values out instead");
      return false;
    }
    if (depth > k_max_depth) {
      m_diagnostics.error("E0106", out.location(),
                          "values are nested more than " + std::to_string(k_max_depth) + " levels deep");
      return false;
    }
    for (const auto& open : m_stack) {
      if (open.is(in)) {
        m_diagnostics.error("E0107", out.location(), "alias refers to a value that contains it");
        return false;
      }
    }
    switch (in.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      out.kind = Node::Kind::null;
      return true;
    case YAML::NodeType::Scalar:
      return scalar(in, out);
    case YAML::NodeType::Sequence: {
      out.kind = Node::Kind::list;
      m_stack.push_back(in);
      out.items.resize(in.size());
      size_t i = 0;
      for (const auto& item : in) {
        if (!convert(item, out.items[i++], depth + 1)) {
          return false;
        }
      }
      m_stack.pop_back();
      return true;
    }
    case YAML::NodeType::Map:
      return map(in, out, depth);
    }
    return true;
  }

private:
  bool scalar(const YAML::Node& in, Node& out)
  {
    bool ok = scalar_value(in, out);
    if (out.is_string()) {
      note_style(out);
    }
    return ok;
  }

  // yaml-cpp does not tell how a scalar was written; its mark points at the
  // first character (the quote or block indicator), so the bytes do.
  void note_style(Node& out) const
  {
    if (out.line < 1 || static_cast<size_t>(out.line) > m_line_starts.size()) {
      return;
    }
    size_t at = m_line_starts[out.line - 1] + out.column - 1;
    size_t eol = std::min(m_bytes.find('\n', at), m_bytes.size());
    if (at >= eol) {
      return;
    }
    std::string_view rest = m_bytes.substr(at, eol - at);
    char first = rest[0];
    if (first == '|' || first == '>') {
      out.style = first;
    } else if (first == '"' || first == '\'') {
      out.style = first;
      for (size_t i = 1; i < rest.size(); ++i) {
        if (first == '"' && rest[i] == '\\') {
          ++i;
        } else if (rest[i] == first && !(first == '\'' && i + 1 < rest.size() && rest[i + 1] == '\'')) {
          out.one_line = true;
          break;
        } else if (rest[i] == first) {
          ++i; // '' inside single quotes
        }
      }
    } else {
      out.one_line = util::starts_with(rest, out.text);
    }
  }

  bool scalar_value(const YAML::Node& in, Node& out)
  {
    const std::string& tag = in.Tag();
    const std::string& text = in.Scalar();
    if (tag == "?") {
      resolve_plain_scalar(text, out);
      return true;
    }
    if (tag == "!" || tag == "tag:yaml.org,2002:str") {
      out.kind = Node::Kind::string;
      out.text = text;
      return true;
    }
    static const std::string k_core = "tag:yaml.org,2002:";
    if (util::starts_with(tag, k_core)) {
      std::string type = tag.substr(k_core.size());
      resolve_plain_scalar(text, out);
      bool ok = (type == "int" && out.kind == Node::Kind::integer) ||
                (type == "float" && (out.kind == Node::Kind::floating || out.kind == Node::Kind::integer)) ||
                (type == "bool" && out.kind == Node::Kind::boolean) || (type == "null" && out.kind == Node::Kind::null);
      if (type == "float" && out.kind == Node::Kind::integer) {
        out.kind = Node::Kind::floating;
        out.floating = static_cast<double>(out.integer);
      }
      if (ok) {
        return true;
      }
    }
    m_diagnostics.error("E0111", out.location(), "unsupported tag '" + tag + "' on value \"" + text + "\"",
                        "edgegen reads plain YAML 1.2: remove the tag");
    out.kind = Node::Kind::string;
    out.text = text;
    return true;
  }

  bool map(const YAML::Node& in, Node& out, int depth)
  {
    out.kind = Node::Kind::map;
    m_stack.push_back(in);
    out.items.reserve(in.size());
    for (const auto& member : in) {
      const YAML::Node& key = member.first;
      int line = key.Mark().line + 1;
      int column = key.Mark().column + 1;
      if (!key.IsScalar()) {
        m_diagnostics.error("E0101", {m_file, line, column, ""}, "mapping keys must be plain strings");
        return false;
      }
      const std::string& name = key.Scalar();
      bool duplicate = false;
      for (size_t i = 0; i < out.keys.size(); ++i) {
        if (out.keys[i] == name) {
          m_diagnostics.error("E0102", {m_file, line, column, ""}, "duplicate key \"" + name + "\"",
                              "first defined at line " + std::to_string(out.key_marks[i].first));
          duplicate = true;
        }
      }
      if (duplicate) {
        continue;
      }
      out.keys.push_back(name);
      out.key_marks.emplace_back(line, column);
      out.items.emplace_back();
      if (!convert(member.second, out.items.back(), depth + 1)) {
        return false;
      }
    }
    m_stack.pop_back();
    return true;
  }

  const std::string& m_file;
  std::string_view m_bytes;
  std::vector<size_t> m_line_starts; // byte offset of each line
  diag::Diagnostics& m_diagnostics;
  std::vector<YAML::Node> m_stack; // maps and lists being converted, to find alias cycles
  size_t m_count = 0;
};

} // namespace

std::vector<Node> read_yaml(const std::string& file, std::string_view bytes, diag::Diagnostics& diagnostics)
{
  std::vector<YAML::Node> documents;
  try {
    std::istringstream in{std::string(bytes)};
    documents = YAML::LoadAll(in);
  } catch (const YAML::Exception& e) {
    // yaml-cpp's marks are 0-based; an unknown mark is -1.
    int line = e.mark.line >= 0 ? e.mark.line + 1 : 0;
    int column = e.mark.column >= 0 ? e.mark.column + 1 : 0;
    diagnostics.error("E0101", {file, line, column, ""}, "invalid YAML: " + e.msg);
    return {};
  }
  if (documents.size() > k_max_documents) {
    diagnostics.error("E0114", {file, 0, 0, ""},
                      "file holds " + std::to_string(documents.size()) + " documents, more than the limit of " +
                          std::to_string(k_max_documents));
    return {};
  }
  std::vector<Node> out(documents.size());
  // Nodes point at the interned name, which their locations share.
  Converter converter(diag::FileName(file).str(), bytes, diagnostics);
  for (size_t i = 0; i < documents.size(); ++i) {
    if (!converter.convert(documents[i], out[i], 0)) {
      return {};
    }
  }
  return out;
}

} // namespace edgegen::load
