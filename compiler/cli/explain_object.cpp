#include "cli/explain_object.hpp"

#include "util/errors.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <set>

namespace edgegen::cli {

namespace {

using load::Node;

// "base.yaml:3:4 -> env.yaml:8:9": the values before, then the last.
std::string arrows(const std::vector<diag::Position>& before, const diag::Position& last)
{
  std::string out;
  for (const auto& position : before) {
    out += diag::format_location(position) + " -> ";
  }
  return out + diag::format_location(last);
}

// A string as YAML reads it back: plain where nothing could read it as
// another type or as syntax, else JSON-quoted (valid YAML too).
std::string scalar(const Node& node)
{
  if (!node.is_string()) {
    return node.is_list() ? "[]" : node.is_map() ? "{}" : node.describe();
  }
  const std::string& s = node.text;
  static const std::set<std::string> k_words = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"};
  bool plain = !s.empty() && !k_words.count(util::to_lower(s)) && s.find(": ") == std::string::npos &&
               s.find(" #") == std::string::npos && s.back() != ':' && s.back() != ' ' &&
               std::string("-?:,[]{}#&*!|>'\"%@` 0123456789.+").find(s.front()) == std::string::npos;
  for (char c : s) {
    plain = plain && static_cast<unsigned char>(c) >= 0x20 && c != 0x7f;
  }
  return plain ? s : node.describe();
}

struct Line
{
  std::string text;
  std::string comment;
};

class Printer
{
public:
  Printer(const patch::Trace* trace) : m_trace(trace) {}

  std::string chain(const Node& node) const
  {
    diag::Position at{diag::FileName::interned(node.file), node.line, node.column};
    const std::vector<diag::Position>* before = m_trace ? m_trace->before(at) : nullptr;
    return arrows(before ? *before : std::vector<diag::Position>{}, at);
  }

  static bool inline_list(const Node& node)
  {
    return node.is_list() && std::all_of(node.items.begin(), node.items.end(),
                                         [](const Node& item) { return !item.is_list() && !item.is_map(); });
  }

  // `head` is the value's first line up to the value: "  host:" or "  -";
  // what nests under it is at `indent`.
  void value(const Node& node, const std::string& head, const std::string& indent, const std::string& pointer)
  {
    if (node.items.empty() || inline_list(node)) {
      std::string text = scalar(node);
      if (!node.items.empty()) {
        text = "[";
        for (const auto& item : node.items) {
          text += (text.size() > 1 ? ", " : "") + scalar(item);
        }
        text += "]";
      }
      m_lines.push_back({head + " " + text, chain(node)});
      removed(indent, pointer);
      return;
    }
    m_lines.push_back({head, chain(node)});
    if (node.is_map()) {
      members(node, indent, indent, pointer);
      return;
    }
    for (size_t i = 0; i < node.items.size(); ++i) {
      const Node& item = node.items[i];
      std::string inner = pointer + "/" + std::to_string(i);
      if (item.is_map() && !item.items.empty()) {
        members(item, indent + "- ", indent + "  ", inner); // "- key: value", the others below it
      } else {
        value(item, indent + "-", indent + "  ", inner);
      }
    }
  }

  // A map's members: the first at `first`, the others at `indent`.
  void members(const Node& map, const std::string& first, const std::string& indent, const std::string& pointer)
  {
    for (size_t i = 0; i < map.keys.size(); ++i) {
      value(map.items[i], (i == 0 ? first : indent) + scalar_key(map.keys[i]) + ":", indent + "  ",
            pointer + "/" + diag::pointer_token(map.keys[i]));
    }
    removed(indent, pointer);
  }

  // The keys a patch removed from the map at `pointer`.
  void removed(const std::string& indent, const std::string& pointer)
  {
    if (!m_trace) {
      return;
    }
    for (const auto& removal : m_trace->removals) {
      auto slash = removal.pointer.rfind('/');
      if (removal.pointer.substr(0, slash) != pointer) {
        continue;
      }
      m_lines.push_back(
          {indent + "# " + removal.pointer.substr(slash + 1) + ": removed", arrows(removal.before, removal.patch)});
    }
  }

  void print(std::ostream& out) const
  {
    size_t width = 0;
    for (const auto& line : m_lines) {
      width = std::max(width, std::min<size_t>(line.text.size(), 40));
    }
    for (const auto& line : m_lines) {
      out << line.text;
      if (!line.comment.empty()) {
        out << std::string(line.text.size() < width ? width - line.text.size() : 0, ' ') << "  # " << line.comment;
      }
      out << "\n";
    }
  }

  std::vector<Line> m_lines;

private:
  static std::string scalar_key(const std::string& key)
  {
    Node node;
    node.kind = Node::Kind::string;
    node.text = key;
    return scalar(node);
  }

  const patch::Trace* m_trace;
};

// An Edge's settings that an Environment gives in its own spec, not by a
// patch: Environment.spec.targets, issuer and the target settings.
void environment_settings(const Patching& input, const std::string& environment, std::ostream& out)
{
  for (const auto& d : input.documents) {
    if (d.kind != load::Kind::environment || d.name != environment) {
      continue;
    }
    const Node* spec = d.root.find("spec");
    std::string listed;
    for (size_t i = 0; spec && spec->is_map() && i < spec->keys.size(); ++i) {
      const std::string& key = spec->keys[i];
      if (key != "vars" && key != "patches") {
        listed += std::string(listed.empty() ? "" : "\n") + "#   " + key + ": " +
                  diag::format_location(spec->items[i].location());
      }
    }
    if (!listed.empty()) {
      out << "# Environment \"" << environment << "\" also sets, over the Edge's (docs/input-format.md, Environment):\n"
          << listed << "\n";
    }
    return;
  }
}

} // namespace

bool names_object(const std::string& argument)
{
  return argument.find('/') != std::string::npos;
}

int explain_object(const Patching& input, const std::string& object, const std::string& environment, std::ostream& out)
{
  auto slash = object.find('/');
  std::string kind_name = object.substr(0, slash);
  std::string name = object.substr(slash + 1);
  const load::Document* base = nullptr;
  std::vector<std::string> names;
  std::set<std::string> environments;
  bool kind_known = false;
  for (const auto& d : input.documents) {
    if (d.kind == load::Kind::environment && !d.name.empty()) {
      environments.insert(d.name);
    }
    if (util::to_lower(d.kind_name) != util::to_lower(kind_name)) {
      continue;
    }
    kind_known = true;
    names.push_back(d.kind_name + "/" + d.name);
    if (!base && d.name == name) {
      base = &d;
    }
  }
  if (!base) {
    std::vector<std::string> all;
    for (const auto& d : input.documents) {
      all.push_back(d.kind_name + "/" + d.name);
    }
    std::string close = util::closest_match(object, kind_known ? names : all);
    throw util::EnvironmentError(
        "no object " + object + " in the input" +
        (close.empty() ? " (KIND/NAME, as in Project/shop)" : " (did you mean " + close + "?)"));
  }
  if (environments.empty()) {
    environments.insert("default");
  }
  std::string chosen = environment;
  if (chosen.empty()) {
    if (environments.size() > 1) {
      throw util::EnvironmentError(
          "there are " + std::to_string(environments.size()) + " environments: choose one with --env (" +
          util::join(std::vector<std::string>(environments.begin(), environments.end()), ", ") + ")");
    }
    chosen = *environments.begin();
  } else if (!environments.count(chosen)) {
    std::string close = util::closest_match(chosen, std::vector<std::string>(environments.begin(), environments.end()));
    throw util::EnvironmentError("no environment \"" + chosen + "\"" +
                                 (close.empty() ? "" : " (did you mean \"" + close + "\"?)"));
  }
  const Node* spec = base->root.find("spec");
  if (const Node* list = spec ? spec->find("environments") : nullptr; list && list->is_list()) {
    bool in = std::any_of(list->items.begin(), list->items.end(), [&](const Node& n) { return n.text == chosen; });
    if (!in) {
      out << "# " << base->kind_name << " \"" << base->name << "\" does not exist in environment \"" << chosen
          << "\": its environments (" << diag::format_location(list->location()) << ") leave it out\n";
      return 0;
    }
  }
  const patch::Trace* trace = nullptr;
  for (const auto& copy : input.patched) {
    if (copy.environment == chosen && &input.documents[copy.base] == base) {
      trace = &copy.trace;
      spec = copy.document.root.find("spec");
    }
  }
  out << "# " << base->kind_name << " \"" << base->name << "\" in environment \"" << chosen << "\""
      << (trace ? ", as its patches leave it" : ", as written (no patch changes it there)") << ".\n"
      << "# After each value: where it was written; after a value a patch replaced, first where\n"
      << "# the values before it were: the object's own, then each patch's, in the order applied.\n";
  Printer printer(trace);
  if (spec) {
    printer.value(*spec, "spec:", "  ", "");
  }
  printer.print(out);
  if (base->kind == load::Kind::edge) {
    environment_settings(input, chosen, out);
  }
  return 0;
}

} // namespace edgegen::cli
