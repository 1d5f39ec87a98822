// TOML (Traefik's other configuration syntax) into the tree the YAML reader
// gives, each value with its line and column. The only user of toml++.
#include "import/toml_reader.hpp"

#include <toml++/toml.h>

#include <sstream>

namespace edgegen::import {

namespace {

void convert(const toml::node& in, load::Node& out, const std::string* file)
{
  out.file = file;
  out.line = static_cast<int>(in.source().begin.line);
  out.column = static_cast<int>(in.source().begin.column);
  out.key_line = out.line;
  out.key_column = out.column;
  if (const auto* table = in.as_table()) {
    out.kind = load::Node::Kind::map;
    for (const auto& [key, value] : *table) {
      out.keys.emplace_back(key.str());
      out.items.emplace_back();
      convert(value, out.items.back(), file);
      out.items.back().key_line = static_cast<int>(key.source().begin.line);
      out.items.back().key_column = static_cast<int>(key.source().begin.column);
    }
  } else if (const auto* array = in.as_array()) {
    out.kind = load::Node::Kind::list;
    for (const auto& value : *array) {
      out.items.emplace_back();
      convert(value, out.items.back(), file);
    }
  } else if (const auto* text = in.as_string()) {
    out.kind = load::Node::Kind::string;
    out.text = text->get();
  } else if (const auto* integer = in.as_integer()) {
    out.kind = load::Node::Kind::integer;
    out.integer = integer->get();
    out.text = std::to_string(out.integer);
  } else if (const auto* floating = in.as_floating_point()) {
    out.kind = load::Node::Kind::floating;
    out.floating = floating->get();
    out.text = std::to_string(out.floating);
  } else if (const auto* boolean = in.as_boolean()) {
    out.kind = load::Node::Kind::boolean;
    out.boolean = boolean->get();
    out.text = out.boolean ? "true" : "false";
  } else {
    // Dates and times: as written, which is how Traefik's options spell them.
    std::ostringstream written;
    in.visit([&](const auto& value) { written << value; });
    out.kind = load::Node::Kind::string;
    out.text = written.str();
  }
}

} // namespace

std::vector<load::Node> read_toml(const std::string& file, std::string_view bytes, diag::Diagnostics& diagnostics)
{
  std::vector<load::Node> out;
  try {
    toml::table table = toml::parse(bytes, file);
    out.emplace_back();
    convert(table, out.back(), &file);
    out.back().line = 1;
    out.back().column = 1;
  } catch (const toml::parse_error& error) {
    diagnostics.error("E0430",
                      diag::Location(file, static_cast<int>(error.source().begin.line),
                                     static_cast<int>(error.source().begin.column)),
                      "invalid TOML: " + std::string(error.description()));
  }
  return out;
}

} // namespace edgegen::import
