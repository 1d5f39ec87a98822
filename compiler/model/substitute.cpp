#include "model/internal.hpp"

#include "util/strings.hpp"

#include <algorithm>

namespace edgegen::model::detail {

namespace {

bool is_name_char(char c, bool first)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         (!first && ((c >= '0' && c <= '9') || c == '-' || c == '.'));
}

std::vector<std::string> names_of(const Vars& vars)
{
  std::vector<std::string> out;
  for (const auto& [name, value] : vars) {
    out.push_back(name);
  }
  return out;
}

// Replaces ${name} in one string. `$${` is a literal `${`.
std::string expand(const Node& node, const Vars& vars, const std::string& environment, diag::Diagnostics& diagnostics)
{
  const std::string& in = node.text;
  std::string out;
  out.reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    size_t dollar = std::min(in.find('$', i), in.size());
    out.append(in, i, dollar - i);
    i = dollar;
    if (i == in.size()) {
      break;
    }
    if (in.compare(i, 3, "$${") == 0) {
      out += "${";
      i += 3;
      continue;
    }
    if (in.compare(i, 2, "${") != 0) {
      out += in[i++];
      continue;
    }
    size_t close = in.find('}', i + 2);
    std::string name = close == std::string::npos ? std::string() : in.substr(i + 2, close - i - 2);
    bool valid = !name.empty();
    for (size_t k = 0; k < name.size() && valid; ++k) {
      valid = is_name_char(name[k], k == 0);
    }
    if (!valid) {
      diagnostics.error("E0302", node.location(), "malformed variable reference in \"" + in + "\"",
                        "write ${name} with a name of letters, digits, '_', '-' and '.', or $${ for a literal ${");
      return in;
    }
    auto found = vars.find(name);
    if (found == vars.end()) {
      std::string suggestion = util::closest_match(name, names_of(vars));
      std::string where = environment.empty() ? std::string() : " in environment \"" + environment + "\"";
      diagnostics.error("E0301", node.location(), "undefined variable \"" + name + "\"" + where,
                        suggestion.empty() ? "define it in the Environment's spec.vars or in Edge.spec.vars"
                                           : "did you mean \"" + suggestion + "\"?");
      out += in.substr(i, close + 1 - i);
    } else {
      out += found->second;
    }
    i = close + 1;
  }
  return out;
}

} // namespace

std::string variable_value(const std::string& name, const Node& value, diag::Diagnostics& diagnostics)
{
  std::string text = scalar_string(value);
  if (text.find('$') == std::string::npos) {
    return text;
  }
  // A value is used as written, never expanded again: one pass cannot leave
  // a ${ behind, and no chain or cycle of variables can exist.
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text.compare(i, 3, "$${") == 0) {
      out += "${";
      i += 3;
    } else if (text.compare(i, 2, "${") == 0) {
      size_t close = text.find('}', i + 2);
      bool reference = close != std::string::npos && close > i + 2;
      for (size_t k = i + 2; reference && k < close; ++k) {
        reference = is_name_char(text[k], k == i + 2);
      }
      if (!reference) {
        return "${" + name + "}"; // malformed: E0302, where the spec holding the variables is substituted
      }
      diagnostics.error("E0425", value.location(), "variable \"" + name + "\" refers to a variable: \"" + text + "\"",
                        "a variable's value is used as written, never expanded: write it out in full, or $${ for a "
                        "literal ${");
      return "${" + name + "}"; // left unresolved where it is used, as the checks expect
    } else {
      out += text[i++];
    }
  }
  return out;
}

Node substitute(const Node& node, const Vars& vars, const std::string& environment, diag::Diagnostics& diagnostics)
{
  if (node.is_string()) {
    Node out = node;
    if (out.text.find('$') != std::string::npos) {
      out.text = expand(node, vars, environment, diagnostics);
    }
    return out;
  }
  Node out = node.without_items();
  out.items.reserve(node.items.size());
  for (const Node& item : node.items) {
    out.items.push_back(substitute(item, vars, environment, diagnostics));
  }
  return out;
}

} // namespace edgegen::model::detail
