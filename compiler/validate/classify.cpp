#include "validate/classify.hpp"

#include "util/strings.hpp"

#include <utility>

namespace edgegen::validate {

namespace {

// valijson 1.0's descriptions (validation_visitor.hpp), by keyword. A prefix
// comes before the shorter ones it extends. "" marks the wrappers that only
// say that a child value failed: the child has its own error.
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
    {"Value could not be converted", "multipleOf"},
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
    {"Failed to validate against dependent schema", "dependencies"},
    {"Failed to validate against child schema #", "allOf"},
    {"Invalid property name '", "propertyNames"}, // ours: see property_name_errors()
    {"Failed to validate against schema associated with property name", ""},
    {"Failed to validate item #", ""},
    {"Failed to validate against additional properties schema", ""},
    {"Failed to validate against schema associated with pattern", ""},
};

} // namespace

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
      size_t end = at == std::string::npos ? at : description.find(' ', at + 6);
      out.subject = at == std::string::npos ? "" : description.substr(at + 6, end - at - 6);
    } else if (out.keyword == "oneOf" && description.find("exactly one") != std::string::npos) {
      out.subject = "many";
    }
    return out;
  }
  return {"?", "", description};
}

bool is_structural(const std::string& keyword)
{
  return keyword == "not" || keyword == "oneOf" || keyword == "anyOf" || keyword == "if" || keyword == "dependencies" ||
         keyword == "allOf";
}

} // namespace edgegen::validate
