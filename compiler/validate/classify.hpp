#pragma once

#include <string>

namespace edgegen::validate {

// A validator error by the JSON Schema keyword that produced it. valijson
// 1.0's errors carry only an English description, so the keyword is read
// back from its wording (classify.cpp lists every description it has).
struct Classified
{
  std::string keyword; // "required", "pattern", …; "" for a cascade wrapper, "?" if unknown
  std::string subject; // the property of "required"/"propertyNames", the later index of "uniqueItems",
                       // "many" for a oneOf that matched several branches
  std::string description;
};

Classified classify(const std::string& description);

// Keywords that combine subschemas: their errors are explained by the rule
// that failed, never reported in the validator's words.
bool is_structural(const std::string& keyword);

} // namespace edgegen::validate
