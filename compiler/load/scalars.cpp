// YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution):
// yaml-cpp follows YAML 1.1, where `no` is false and `0777` is octal. Users
// write YAML 1.2 (Traefik, compose and Kubernetes read it so), so we resolve
// plain scalars ourselves.
#include "load/load.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <regex>

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

} // namespace

void resolve_plain_scalar(const std::string& text, Node& node)
{
  static const std::regex k_decimal("[-+]?[0-9]+");
  static const std::regex k_octal("0o[0-7]+");
  static const std::regex k_hex("0x[0-9a-fA-F]+");
  static const std::regex k_float("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  node.text = text;
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
    node.kind = Node::Kind::null;
    return;
  }
  if (text == "true" || text == "True" || text == "TRUE") {
    node.kind = Node::Kind::boolean;
    node.boolean = true;
    return;
  }
  if (text == "false" || text == "False" || text == "FALSE") {
    node.kind = Node::Kind::boolean;
    node.boolean = false;
    return;
  }
  // Only scalars that start like a number can be one; skip the regexes otherwise.
  char c = text[0];
  bool numeric_start = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
  if (numeric_start) {
    if (std::regex_match(text, k_decimal) && parse_integer(text, 10, 0, node)) {
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

} // namespace edgegen::load
