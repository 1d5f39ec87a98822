#include "validate/report.hpp"

#include "util/strings.hpp"
#include "validate/classify.hpp"
#include "validate/schema_facts.hpp"
#include "validate/schema_walk.hpp"
#include "validate/wording.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace edgegen::validate {

namespace {

using Path = std::vector<std::string>;

constexpr size_t k_max_listed = 10; // allowed properties listed in a hint

bool contains(const std::vector<std::string>& list, const std::string& item)
{
  return std::find(list.begin(), list.end(), item) != list.end();
}

// The value an error is about and its pointer: the deepest node its path reaches.
struct Target
{
  const load::Node* node = nullptr;
  std::string pointer;

  std::string at() const { return show_pointer(pointer) + ": "; }
  diag::Location location() const { return node->location(pointer); }
  // Where the key `key` of this mapping was written (the mapping itself if unknown).
  diag::Location key_location(const std::string& key) const
  {
    size_t index = std::find(node->keys.begin(), node->keys.end(), key) - node->keys.begin();
    return index < node->items.size() ? node->key_location(index, pointer + "/" + diag::pointer_token(key))
                                      : location();
  }
};

Target resolve(const load::Node& root, const Path& path)
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
    target.pointer += "/" + diag::pointer_token(token);
  }
  return target;
}

// Collects the diagnostics of one document, then filters the cascade.
class Reporter
{
public:
  explicit Reporter(const load::Document& document) : m_document(document) {}

  // All errors whose path is `path`.
  void report(const Path& path, const std::vector<Classified>& errors);
  void flush(diag::Diagnostics& diagnostics);

private:
  struct Pending
  {
    diag::Diagnostic diagnostic;
    Path path;
    bool generic = false; // "matches none of the allowed forms": a deeper error says it better
  };

  void add(const Path& path, const char* code, diag::Location location, std::string message, std::string hint = {},
           bool generic = false)
  {
    m_pending.push_back(
        {{diag::Severity::error, code, std::move(location), std::move(message), std::move(hint), {}, {}},
         path,
         generic});
  }

  std::vector<std::string> unknown_properties(const Path& path, const Target& target, const SchemaFacts& facts);
  void not_allowed(const Path& path, const Target& target, const SchemaFacts& facts);
  void constraint(const Path& path, const Target& target, const SchemaFacts& facts, const Classified& error);
  void structure(const Path& path, const Target& target, const SchemaFacts& facts,
                 const std::vector<std::string>& meant, const std::vector<Classified>& errors, bool reported);

  const load::Document& m_document;
  std::vector<Pending> m_pending;
};

void Reporter::report(const Path& path, const std::vector<Classified>& errors)
{
  SchemaFacts facts = schema_facts(m_document.kind, m_document.root, path);
  Target target = resolve(m_document.root, path);
  auto has = [&](const char* keyword) {
    return std::any_of(errors.begin(), errors.end(), [&](const Classified& e) { return e.keyword == keyword; });
  };
  if (!facts.type_matches && has("type")) {
    // Whatever else is said about a value of the wrong type is noise.
    add(path, "E0201", target.location(),
        target.at() + "expected " + show_types(facts.types) + ", got " + show_value(*target.node));
    return;
  }
  // Errors of constraints that surely apply here are reported as they are;
  // the others come from the branches of a oneOf/anyOf/not/if.
  std::vector<const Classified*> genuine;
  bool structural = false;
  std::set<std::string> seen;
  for (const auto& error : errors) {
    if (error.keyword.empty() || !seen.insert(error.keyword + '\n' + error.subject).second) {
      continue;
    }
    bool applies = error.keyword == "?" || contains(facts.keywords, error.keyword);
    if (error.keyword == "required") {
      applies = contains(facts.required, error.subject);
    } else if (error.keyword == "additionalProperties") {
      applies = !facts.rejected_keys.empty();
    } else if (error.keyword == "type" || is_structural(error.keyword)) {
      applies = false; // a type that applies here was handled above
    }
    if (applies) {
      genuine.push_back(&error);
    } else {
      structural = true;
    }
  }
  // A misspelt key also leaves its property "missing": say it once.
  std::vector<std::string> meant =
      has("additionalProperties") ? unknown_properties(path, target, facts) : std::vector<std::string>();
  bool empty_string = target.node->is_string() && target.node->text.empty();
  for (const Classified* error : genuine) {
    const std::string& keyword = error->keyword;
    if (keyword == "additionalProperties" || (keyword == "pattern" && empty_string && has("minLength"))) {
      continue; // done above; "must not be empty" says it better
    } else if (keyword == "required") {
      if (!contains(meant, error->subject)) {
        add(path, "E0202", target.location(), target.at() + "missing required property \"" + error->subject + "\"");
      }
    } else if (keyword == "propertyNames") {
      add(path, "E0205", target.key_location(error->subject),
          target.at() + quote(error->subject) + " is " + facts.key_message);
    } else if (keyword == "enum" || keyword == "const") {
      not_allowed(path, target, facts);
    } else {
      constraint(path, target, facts, *error);
    }
  }
  if (structural) {
    structure(path, target, facts, meant, errors, !genuine.empty());
  }
}

// Reports every key of the mapping at `target` that the schema does not
// know (valijson names only the first); returns the properties they were
// probably meant to be.
std::vector<std::string> Reporter::unknown_properties(const Path& path, const Target& target, const SchemaFacts& facts)
{
  std::vector<std::string> meant;
  for (const auto& key : facts.rejected_keys) {
    std::string hint;
    std::string close = util::closest_match(key, facts.properties);
    if (!close.empty()) {
      hint = "did you mean \"" + close + "\"?";
      meant.push_back(close);
    } else if (facts.properties.empty()) {
      hint = "this mapping takes no properties";
    } else {
      size_t listed = std::min(k_max_listed, facts.properties.size());
      hint = "allowed properties: " +
             util::join(std::vector<std::string>(facts.properties.begin(), facts.properties.begin() + listed), ", ") +
             (listed < facts.properties.size() ? ", …" : "");
    }
    add(path, "E0203", target.key_location(key),
        "unknown property " + quote(key) + " in " + show_pointer(target.pointer), hint);
  }
  return meant;
}

// E0204: a value outside an enum or const.
void Reporter::not_allowed(const Path& path, const Target& target, const SchemaFacts& facts)
{
  const std::string value = show_value(*target.node);
  std::string close = target.node->is_string() ? util::closest_match(target.node->text, facts.allowed_values) : "";
  add(path, "E0204", target.location(),
      facts.allowed_values.size() == 1
          ? target.at() + "expected " + facts.allowed_values[0] + ", got " + value
          : target.at() + value + " is not one of " + util::join(facts.allowed_values, ", "),
      close.empty() ? "" : "did you mean \"" + close + "\"?");
}

// E0205: a value of the right type that breaks a constraint on its content.
void Reporter::constraint(const Path& path, const Target& target, const SchemaFacts& facts, const Classified& error)
{
  const std::string& keyword = error.keyword;
  const std::string value = show_value(*target.node);
  double limit = facts.limits.count(keyword) ? facts.limits.at(keyword) : -1;
  std::string n = show_number(limit);
  size_t index = 0;
  std::string message;
  if (keyword == "uniqueItems" && target.node->is_list() &&
      parse_index(error.subject, target.node->items.size(), index)) {
    const load::Node& item = target.node->items[index];
    std::string pointer = target.pointer + "/" + error.subject;
    add(path, "E0205", item.location(pointer), pointer + ": " + show_value(item) + " is listed more than once");
    return;
  } else if (keyword == "pattern") {
    message =
        value + (facts.pattern_message.empty() ? " does not match " + facts.pattern : " is " + facts.pattern_message);
  } else if (keyword == "format") {
    message = value + " is not a valid" + error.description.substr(std::string("String should be a valid").size());
  } else if (limit < 0) {
    // Unknown wording or a keyword without a number: the validator's words, in our style.
    message = util::to_lower(error.description.substr(0, 1)) + error.description.substr(1);
    message.erase(message.find_last_not_of('.') + 1);
  } else if ((keyword == "minLength" || keyword == "minItems" || keyword == "minProperties") && limit <= 1) {
    message = "must not be empty";
  } else if (keyword == "maxLength" || keyword == "minLength") {
    message = value + (keyword == "maxLength" ? " is longer than " : " is shorter than ") + n + " characters";
  } else if (keyword == "maximum" || keyword == "exclusiveMaximum") {
    message = value + (keyword == "maximum" ? " is greater than " : " is not less than ") + n;
  } else if (keyword == "minimum" || keyword == "exclusiveMinimum") {
    message = value + (keyword == "minimum" ? " is less than " : " is not greater than ") + n;
  } else if (keyword == "maxItems" || keyword == "maxProperties") {
    message = "has more than " + n + (keyword == "maxItems" ? " items" : " properties");
  } else if (keyword == "minItems" || keyword == "minProperties") {
    message = "needs at least " + n + (keyword == "minItems" ? " items" : " properties");
  } else {
    message = value + " is not a multiple of " + n;
  }
  add(path, "E0205", target.location(), target.at() + message);
}

// E0206 (or E0201): a oneOf/anyOf/not/if failed. The rule's own message
// says best what is wrong; without one, say what we can.
void Reporter::structure(const Path& path, const Target& target, const SchemaFacts& facts,
                         const std::vector<std::string>& meant, const std::vector<Classified>& errors, bool reported)
{
  if (!facts.failed_rules.empty()) {
    for (const auto& rule : facts.failed_rules) {
      bool explained = std::any_of(meant.begin(), meant.end(), [&](const std::string& name) {
        return rule.find("\"" + name + "\"") != std::string::npos; // by a typo reported above
      });
      if (!explained) {
        add(path, "E0206", target.location(), target.at() + rule);
      }
    }
  } else if (!facts.type_alternatives.empty()) {
    add(path, "E0201", target.location(),
        target.at() + "expected " + show_types(facts.type_alternatives) + ", got " + show_value(*target.node));
  } else if (!reported) { // else an error reported here likely made the branches fail
    bool many = std::any_of(errors.begin(), errors.end(), [](const Classified& e) { return e.subject == "many"; });
    add(path, "E0206", target.location(),
        target.at() + show_value(*target.node) +
            (many ? " matches more than one of the allowed forms" : " does not match any of the allowed forms"),
        "", true);
  }
}

void Reporter::flush(diag::Diagnostics& diagnostics)
{
  auto deeper = [](const Path& path, const Path& than) {
    return path.size() > than.size() && std::equal(than.begin(), than.end(), path.begin());
  };
  size_t added = 0;
  std::set<std::string> seen;
  for (const auto& pending : m_pending) {
    bool explained = pending.generic && std::any_of(m_pending.begin(), m_pending.end(), [&](const Pending& other) {
                       return deeper(other.path, pending.path);
                     });
    const diag::Diagnostic& d = pending.diagnostic;
    if (explained || !seen.insert(d.code + '\n' + diag::format_location(d.location) + '\n' + d.message).second) {
      continue;
    }
    diagnostics.add(d);
    ++added;
  }
  if (added == 0) {
    // valijson fails some subschemas (`false`, propertyNames) without a word: still say so.
    diagnostics.error("E0206", m_document.root.location(),
                      std::string("document does not match the ") + load::kind_name(m_document.kind) + " schema");
  }
}

} // namespace

void report_errors(const load::Document& document, const std::vector<RawError>& errors, diag::Diagnostics& diagnostics)
{
  std::map<Path, std::vector<Classified>> by_path;
  for (const auto& error : errors) {
    by_path[error.path].push_back(classify(error.description));
  }
  Reporter reporter(document);
  for (const auto& [path, classified] : by_path) {
    reporter.report(path, classified);
  }
  reporter.flush(diagnostics);
}

} // namespace edgegen::validate
