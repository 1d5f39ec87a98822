#include "validate/report.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

namespace edgegen::validate {

namespace {

constexpr size_t k_max_shown = 60; // bytes of a string shown in a message
constexpr size_t k_max_listed = 10; // allowed properties listed in a hint

// valijson 1.0's descriptions, by the keyword that produces them (its errors
// carry no keyword). A prefix comes before the shorter ones it extends. ""
// marks the wrappers that only say that a child value failed: the child has
// its own error, so they are cascade.
const std::pair<const char*, const char*> k_descriptions[] = {
  {"Value type not permitted", "type"},
  {"Missing required property '", "required"},
  {"Object contains a property that could not be validated", "additionalProperties"},
  {"Failed to match against any enum values", "enum"},
  {"Failed to match expected value set by 'const'", "const"},
  {"Failed to match regex", "pattern"},
  {"String should be no more than", "maxLength"},
  {"String should be no fewer than", "minLength"},
  {"String should be a valid", "format"},
  {"Expected number less than or equal to", "maximum"},
  {"Expected number less than", "exclusiveMaximum"},
  {"Expected number greater than or equal to", "minimum"},
  {"Expected number greater than", "exclusiveMinimum"},
  {"Value should be a multiple of", "multipleOf"},
  {"Array should contain no more than", "maxItems"},
  {"Array should contain no fewer than", "minItems"},
  {"Array contains more items than allowed", "additionalItems"},
  {"Cannot validate item #", "additionalItems"},
  {"Elements at indexes #", "uniqueItems"},
  {"Object should have no more than", "maxProperties"},
  {"Object should have no fewer than", "minProperties"},
  {"Target should not validate against schema specified in 'not'", "not"},
  {"Failed to validate against any child schemas allowed by oneOf", "oneOf"},
  {"Failed to validate against exactly one child schema", "oneOf"},
  {"Failed to validate against any schemas allowed by anyOf", "anyOf"},
  {"Failed to validate against a conditional schema", "if"},
  {"Missing dependency '", "dependencies"},
  {"Invalid property name '", "propertyNames"}, // our own, see schema_check.cpp
  {"Failed to validate against dependent schema", "dependencies"},
  {"Failed to validate against child schema #", "allOf"},
  {"Failed to validate against schema associated with property name", ""},
  {"Failed to validate item #", ""},
  {"Failed to validate against additional properties schema", ""},
  {"Failed to validate against schema associated with pattern", ""},
};

// Keywords that combine subschemas: their errors are explained by the rule
// that failed (SchemaFacts::failed_rules), never reported in valijson's words.
const std::set<std::string> k_structural = {"not", "oneOf", "anyOf", "if", "dependencies", "allOf"};

struct Classified
{
  std::string keyword; // "" for a wrapper, "?" for a description we do not know
  std::string subject; // the property of "required", the later index of "uniqueItems"
  std::string description;
};

Classified classify(const std::string& description)
{
  for (const auto& [prefix, keyword] : k_descriptions) {
    if (!util::starts_with(description, prefix)) {
      continue;
    }
    Classified out{keyword, "", description};
    size_t first = description.find('\'');
    size_t last = description.rfind('\'');
    if ((out.keyword == "required" || out.keyword == "dependencies" || out.keyword == "propertyNames") &&
        first < last) {
      out.subject = description.substr(first + 1, last - first - 1);
    } else if (out.keyword == "uniqueItems") {
      size_t at = description.find(" and #");
      out.subject = at == std::string::npos ? "" : description.substr(at + 6, description.find(' ', at + 6) - at - 6);
    } else if (out.keyword == "oneOf" && description.find("exactly one") != std::string::npos) {
      out.subject = "many";
    }
    return out;
  }
  return {"?", "", description};
}

bool parse_index(const std::string& token, size_t size, size_t& index)
{
  auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), index);
  return error == std::errc() && end == token.data() + token.size() && index < size;
}

// The value an error is about, and its pointer: the deepest node its path reaches.
struct Target
{
  const load::Node* node = nullptr;
  std::string pointer;
};

Target resolve(const load::Node& root, const std::vector<std::string>& path)
{
  Target target{&root, ""};
  for (const auto& token : path) {
    const load::Node& node = *target.node;
    size_t index = 0;
    if (node.is_map() && node.find(token)) {
      target.node = node.find(token);
    } else if (node.is_list() && parse_index(token, node.items.size(), index)) {
      target.node = &node.items[index];
    } else {
      break;
    }
    target.pointer += "/" + load::pointer_token(token);
  }
  return target;
}

std::string quote(const std::string& text)
{
  size_t end = text.size();
  if (end > k_max_shown) {
    end = k_max_shown;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      --end; // do not cut a UTF-8 sequence
    }
  }
  std::string out = "\"";
  for (size_t i = 0; i < end; ++i) {
    char c = text[i];
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out + (end < text.size() ? "…\"" : "\"");
}

std::string show_number(double value)
{
  if (std::floor(value) == value && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  std::string out = std::to_string(value);
  out.erase(out.find_last_not_of('0') + 1);
  return out;
}

std::string show_types(const std::vector<std::string>& types)
{
  std::vector<std::string> names;
  for (const auto& type : types) {
    names.push_back(type == "object" ? "mapping" : type == "array" ? "list" : type);
  }
  if (names.size() < 2) {
    return names.empty() ? "a value" : names[0];
  }
  std::string last = names.back();
  names.pop_back();
  return util::join(names, ", ") + " or " + last;
}

// util::closest_match, plus one swap of adjacent letters ("hots" for "host"),
// the commonest typo, which plain edit distance counts as two edits.
std::string probable_match(const std::string& name, const std::vector<std::string>& candidates)
{
  std::string close = util::closest_match(name, candidates);
  for (size_t i = 0; close.empty() && i + 1 < name.size(); ++i) {
    std::string swapped = name;
    std::swap(swapped[i], swapped[i + 1]);
    if (swapped != name && std::find(candidates.begin(), candidates.end(), swapped) != candidates.end()) {
      close = swapped;
    }
  }
  return close;
}

bool contains(const std::vector<std::string>& list, const std::string& item)
{
  return std::find(list.begin(), list.end(), item) != list.end();
}

} // namespace

std::string show_pointer(const std::string& pointer)
{
  return pointer.empty() ? "document" : pointer;
}

std::string show_value(const load::Node& node)
{
  return node.is_string() ? quote(node.text) : node.describe();
}

namespace {

// Collects the diagnostics of one document, then filters the cascade.
class Reporter
{
public:
  Reporter(const load::Document& document, const SchemaCheck& check) : m_document(document), m_check(check) {}

  void report(const std::vector<std::string>& path, const std::vector<Classified>& errors);
  void flush(diag::Diagnostics& diagnostics);

private:
  struct Pending
  {
    diag::Diagnostic diagnostic;
    std::vector<std::string> path;
    bool generic = false; // "matches none of the allowed forms": a deeper error explains it better
  };

  void add(const std::vector<std::string>& path, std::string code, diag::Location location,
           std::string message, std::string hint = {}, bool generic = false)
  {
    m_pending.push_back({{diag::Severity::error, std::move(code), std::move(location), std::move(message),
                          std::move(hint)},
                         path,
                         generic});
  }

  std::vector<std::string> unknown_properties(const std::vector<std::string>& path, const Target& target,
                                              const SchemaFacts& facts);
  void invalid_key(const std::vector<std::string>& path, const Target& target, const SchemaFacts& facts,
                   const std::string& key);
  void constraint(const std::vector<std::string>& path, const Target& target, const SchemaFacts& facts,
                  const Classified& error);

  const load::Document& m_document;
  const SchemaCheck& m_check;
  std::vector<Pending> m_pending;
};

void Reporter::report(const std::vector<std::string>& path, const std::vector<Classified>& errors)
{
  SchemaFacts facts = m_check.facts(path);
  Target target = resolve(m_document.root, path);
  const std::string at = show_pointer(target.pointer) + ": ";
  const diag::Location location = target.node->location(target.pointer);
  auto has = [&](const char* keyword) {
    return std::any_of(errors.begin(), errors.end(), [&](const Classified& e) { return e.keyword == keyword; });
  };
  if (!facts.type_matches && has("type")) {
    // Everything else said about a value of the wrong type is noise.
    add(path, "E0201", location, at + "expected " + show_types(facts.types) + ", got " + show_value(*target.node));
    return;
  }
  // Errors of constraints that apply here for sure are reported as they are;
  // the others come from the branches of a oneOf/anyOf/not/if.
  std::vector<const Classified*> genuine;
  bool structural = false;
  std::set<std::string> seen;
  for (const auto& error : errors) {
    if (error.keyword.empty() || !seen.insert(error.keyword + '\n' + error.subject).second) {
      continue;
    }
    bool applies = error.keyword == "required" ? contains(facts.required, error.subject)
                   : error.keyword == "additionalProperties" ? !facts.rejected_keys.empty()
                   : error.keyword == "type" || k_structural.count(error.keyword) ? false
                   : error.keyword == "?" || contains(facts.keywords, error.keyword);
    if (applies) {
      genuine.push_back(&error);
    } else {
      structural = true;
    }
  }
  // A misspelt key also makes its property "missing": say it once.
  std::vector<std::string> meant = has("additionalProperties") ? unknown_properties(path, target, facts)
                                                                : std::vector<std::string>();
  for (const Classified* error : genuine) {
    if (error->keyword == "additionalProperties") {
      continue;
    } else if (error->keyword == "required") {
      if (!contains(meant, error->subject)) {
        add(path, "E0202", location, at + "missing required property \"" + error->subject + "\"");
      }
    } else if (error->keyword == "pattern" && target.node->is_string() && target.node->text.empty() &&
               has("minLength")) {
      continue; // "must not be empty" says it better
    } else if (error->keyword == "propertyNames") {
      invalid_key(path, target, facts, error->subject);
    } else if (error->keyword == "enum" || error->keyword == "const") {
      std::string hint;
      if (target.node->is_string()) {
        std::string close = probable_match(target.node->text, facts.allowed_values);
        hint = close.empty() ? "" : "did you mean \"" + close + "\"?";
      }
      add(path, "E0204", location,
          facts.allowed_values.size() == 1
              ? at + "expected " + facts.allowed_values[0] + ", got " + show_value(*target.node)
              : at + show_value(*target.node) + " is not one of " + util::join(facts.allowed_values, ", "),
          hint);
    } else {
      constraint(path, target, facts, *error);
    }
  }
  if (!structural) {
    return;
  }
  if (!facts.failed_rules.empty()) {
    for (const auto& rule : facts.failed_rules) {
      bool explained = std::any_of(meant.begin(), meant.end(), [&](const std::string& name) {
        return rule.find("\"" + name + "\"") != std::string::npos;
      });
      if (!explained) {
        add(path, "E0206", location, at + rule);
      }
    }
  } else if (!facts.type_alternatives.empty()) {
    add(path, "E0201", location,
        at + "expected " + show_types(facts.type_alternatives) + ", got " + show_value(*target.node));
  } else if (genuine.empty()) {
    bool many = std::any_of(errors.begin(), errors.end(), [](const Classified& e) { return e.subject == "many"; });
    add(path, "E0206", location,
        at + show_value(*target.node) +
            (many ? " matches more than one of the allowed forms" : " does not match any of the allowed forms"),
        "", true);
  }
}

// Reports every key of the mapping at `target` that the schema does not
// know; returns the properties they were probably meant to be.
std::vector<std::string> Reporter::unknown_properties(const std::vector<std::string>& path, const Target& target,
                                                      const SchemaFacts& facts)
{
  std::vector<std::string> meant;
  const load::Node& node = *target.node;
  for (const auto& key : facts.rejected_keys) {
    auto it = std::find(node.keys.begin(), node.keys.end(), key);
    if (it == node.keys.end() || static_cast<size_t>(it - node.keys.begin()) >= node.key_marks.size()) {
      continue;
    }
    diag::Location location = node.key_location(it - node.keys.begin(), target.pointer + "/" + load::pointer_token(key));
    std::string hint;
    std::string close = probable_match(key, facts.properties);
    if (!close.empty()) {
      hint = "did you mean \"" + close + "\"?";
      meant.push_back(close);
    } else if (facts.properties.empty()) {
      hint = "this mapping takes no properties";
    } else {
      std::vector<std::string> listed(facts.properties.begin(),
                                      facts.properties.begin() + std::min(k_max_listed, facts.properties.size()));
      hint = "allowed properties: " + util::join(listed, ", ") +
             (facts.properties.size() > k_max_listed ? ", …" : "");
    }
    add(path, "E0203", location, "unknown property " + quote(key) + " in " + show_pointer(target.pointer), hint);
  }
  return meant;
}

// E0205 at a key of a mapping keyed by names ("propertyNames").
void Reporter::invalid_key(const std::vector<std::string>& path, const Target& target, const SchemaFacts& facts,
                           const std::string& key)
{
  const load::Node& node = *target.node;
  auto it = std::find(node.keys.begin(), node.keys.end(), key);
  size_t index = it - node.keys.begin();
  diag::Location location = index < node.key_marks.size()
                                ? node.key_location(index, target.pointer + "/" + load::pointer_token(key))
                                : node.location(target.pointer);
  add(path, "E0205", location, show_pointer(target.pointer) + ": " + quote(key) + " is " + facts.key_message);
}

// E0205: a value of the right type that breaks a constraint on its content.
void Reporter::constraint(const std::vector<std::string>& path, const Target& target, const SchemaFacts& facts,
                          const Classified& error)
{
  const std::string& keyword = error.keyword;
  const std::string at = show_pointer(target.pointer) + ": ";
  const std::string value = show_value(*target.node);
  auto limit = facts.limits.count(keyword) ? facts.limits.at(keyword) : -1.0;
  std::string n = show_number(limit);
  std::string message;
  if (keyword == "uniqueItems") {
    size_t index = 0;
    if (target.node->is_list() && parse_index(error.subject, target.node->items.size(), index)) {
      const load::Node& item = target.node->items[index];
      std::string pointer = target.pointer + "/" + error.subject;
      add(path, "E0205", item.location(pointer), pointer + ": " + show_value(item) + " is listed more than once");
      return;
    }
    message = "lists an item more than once";
  } else if (keyword == "pattern") {
    message = value + (facts.pattern_message.empty() ? " does not match " + facts.pattern : " is " + facts.pattern_message);
  } else if (keyword == "format") {
    message = value + " is not a valid" + error.description.substr(std::string("String should be a valid").size());
  } else if (limit < 0) {
    message = util::to_lower(error.description.substr(0, 1)) + error.description.substr(1);
    if (!message.empty() && message.back() == '.') {
      message.pop_back();
    }
  } else if ((keyword == "minLength" || keyword == "minItems" || keyword == "minProperties") && limit <= 1) {
    message = "must not be empty";
  } else if (keyword == "maxLength") {
    message = value + " is longer than " + n + " characters";
  } else if (keyword == "minLength") {
    message = value + " is shorter than " + n + " characters";
  } else if (keyword == "maximum" || keyword == "exclusiveMaximum") {
    message = value + (keyword == "maximum" ? " is greater than " : " is not less than ") + n;
  } else if (keyword == "minimum" || keyword == "exclusiveMinimum") {
    message = value + (keyword == "minimum" ? " is less than " : " is not greater than ") + n;
  } else if (keyword == "maxItems" || keyword == "maxProperties") {
    message = "has more than " + n + (keyword == "maxItems" ? " items" : " properties");
  } else if (keyword == "minItems" || keyword == "minProperties") {
    message = "needs at least " + n + (keyword == "minItems" ? " items" : " properties");
  } else if (keyword == "multipleOf") {
    message = value + " is not a multiple of " + n;
  } else {
    message = util::to_lower(error.description.substr(0, 1)) + error.description.substr(1);
  }
  add(path, "E0205", target.node->location(target.pointer), at + message);
}

void Reporter::flush(diag::Diagnostics& diagnostics)
{
  auto is_deeper = [](const std::vector<std::string>& path, const std::vector<std::string>& prefix) {
    return path.size() > prefix.size() && std::equal(prefix.begin(), prefix.end(), path.begin());
  };
  size_t added = 0;
  std::set<std::string> seen;
  for (const auto& pending : m_pending) {
    if (pending.generic && std::any_of(m_pending.begin(), m_pending.end(), [&](const Pending& other) {
          return is_deeper(other.path, pending.path);
        })) {
      continue;
    }
    const diag::Diagnostic& d = pending.diagnostic;
    if (!seen.insert(d.code + '\n' + diag::format_location(d.location) + '\n' + d.message).second) {
      continue;
    }
    diagnostics.add(d);
    ++added;
  }
  if (added == 0) {
    // valijson fails some subschemas (e.g. `false`) without a word: still say so.
    diagnostics.error("E0206", m_document.root.location(),
                      std::string("document does not match the ") + load::kind_name(m_document.kind) + " schema");
  }
}

} // namespace

void report_errors(const load::Document& document, const SchemaCheck& check, diag::Diagnostics& diagnostics)
{
  std::map<std::vector<std::string>, std::vector<Classified>> by_path;
  for (const auto& error : check.errors()) {
    by_path[error.path].push_back(classify(error.description));
  }
  Reporter reporter(document, check);
  for (const auto& [path, errors] : by_path) {
    reporter.report(path, errors);
  }
  reporter.flush(diagnostics);
}

} // namespace edgegen::validate
