#pragma once

// For the unit tests of rules/: a rule's problems as one comparable string.

#include "rules/rule.hpp"

#include <string>

namespace edgegen::rules::testing {

// "CODE@offset: message" of every problem, joined by " | "; empty when the
// rule is accepted.
inline std::string problems_of(const std::string& text, Protocol protocol = Protocol::http)
{
  std::string out;
  for (const auto& p : parse_rule(text, protocol).problems) {
    out += (out.empty() ? "" : " | ") + p.code + "@" + std::to_string(p.offset) + ": " + p.message;
  }
  return out;
}

} // namespace edgegen::rules::testing
