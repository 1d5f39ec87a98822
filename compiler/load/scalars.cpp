// YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution):
// yaml-cpp follows YAML 1.1, where `no` is false and `0777` is octal. Users
// write YAML 1.2 (Traefik, compose and Kubernetes read it so), so we resolve
// plain scalars ourselves, and tagged ones, and read how each string was
// written from the bytes.
#include "load/load.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <regex>
#include <string_view>

namespace edgegen::load {

namespace {

bool parse_integer(const std::string& text, int base, size_t skip, Node& node)
{
  bool negative = !text.empty() && text[0] == '-';
  size_t sign = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
  std::string digits = text.substr(sign + skip);
  errno = 0;
  char* end = nullptr;
  unsigned long long value = std::strtoull(digits.c_str(), &end, base);
  if (errno == ERANGE || *end != '\0') {
    return false;
  }
  if (value > static_cast<unsigned long long>(std::numeric_limits<int64_t>::max())) {
    return false;
  }
  node.kind = Node::Kind::integer;
  node.integer = negative ? -static_cast<int64_t>(value) : static_cast<int64_t>(value);
  return true;
}

// [-+]?[0-9]+, the commonest number (ports, counts), without a regex.
bool is_decimal(const std::string& text)
{
  size_t i = text[0] == '-' || text[0] == '+' ? 1 : 0;
  if (i == text.size()) {
    return false;
  }
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return false;
    }
  }
  return true;
}

} // namespace

void resolve_plain_scalar(const std::string& text, Node& node)
{
  static const std::regex k_octal("0o[0-7]+");
  static const std::regex k_hex("0x[0-9a-fA-F]+");
  static const std::regex k_float("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  node.text = text;
  // The null and boolean words are five bytes at most: longer scalars skip
  // the comparisons.
  const std::string_view word(text);
  const bool short_word = word.size() <= 5;
  if (short_word && (word.empty() || word == "~" || word == "null" || word == "Null" || word == "NULL")) {
    node.kind = Node::Kind::null;
    return;
  }
  if (short_word && (word == "true" || word == "True" || word == "TRUE")) {
    node.kind = Node::Kind::boolean;
    node.boolean = true;
    return;
  }
  if (short_word && (word == "false" || word == "False" || word == "FALSE")) {
    node.kind = Node::Kind::boolean;
    node.boolean = false;
    return;
  }
  // Only scalars that start like a number can be one; skip the regexes otherwise.
  char c = text[0];
  bool numeric_start = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
  if (numeric_start) {
    if (is_decimal(text) && parse_integer(text, 10, 0, node)) {
      return;
    }
    if (std::regex_match(text, k_octal) && parse_integer(text, 8, 2, node)) {
      return;
    }
    if (std::regex_match(text, k_hex) && parse_integer(text, 16, 2, node)) {
      return;
    }
    if (std::regex_match(text, k_float)) {
      node.kind = Node::Kind::floating;
      node.floating = std::strtod(text.c_str(), nullptr);
      return;
    }
    static const std::regex k_special("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    if (std::regex_match(text, k_special)) {
      node.kind = Node::Kind::floating;
      bool nan = text.find('n') != std::string::npos || text.find('N') != std::string::npos;
      node.floating = nan ? std::nan("") : (text[0] == '-' ? -HUGE_VAL : HUGE_VAL);
      return;
    }
  }
  node.kind = Node::Kind::string;
}

// yaml-cpp does not tell how a scalar was written; its mark points at the
// first character (the quote or block indicator), so the bytes do.
void note_style(std::string_view bytes, const std::vector<size_t>& line_starts, Node& out)
{
  if (out.line < 1 || static_cast<size_t>(out.line) > line_starts.size()) {
    return;
  }
  size_t at = line_starts[out.line - 1] + out.column - 1;
  size_t eol = std::min(bytes.find('\n', at), bytes.size());
  if (at >= eol) {
    return;
  }
  std::string_view rest = bytes.substr(at, eol - at);
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

void resolve_tagged_scalar(const std::string& tag, const std::string& text, Node& out, diag::Diagnostics& diagnostics)
{
  if (tag == "?") {
    resolve_plain_scalar(text, out);
    return;
  }
  if (tag == "!" || tag == "tag:yaml.org,2002:str") {
    out.kind = Node::Kind::string;
    out.text = text;
    return;
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
      return;
    }
  }
  diagnostics.error("E0111", out.location(), "unsupported tag '" + tag + "' on value \"" + text + "\"",
                    "edgegen reads plain YAML 1.2: remove the tag");
  out.kind = Node::Kind::string;
  out.text = text;
}

} // namespace edgegen::load
