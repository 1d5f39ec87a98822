#pragma once

#include "import/desired.hpp"
#include "import/group.hpp"
#include "import/traefik_config.hpp"

#include <string>
#include <vector>

namespace edgegen::import {

// One difference between the input and the render of the imported tree,
// as a line: "~ router shop@file: priority 10 → 0", "- router x@file: not
// in the render", "+ ...: only in the render". `rename` marks a name that
// had to change, which --accept-renames accepts.
struct Difference
{
  std::string text;
  bool rename = false;
};

// Compares the input (`in`, its secrets already replaced by references)
// with the render read back (`out`): routers (rule as parsed, effective
// entry points, TLS and resolver, priority, middlewares in order,
// service), services (servers, health check, passHostHeader), middlewares
// (type and options) and certificate resolvers, under the plan's names.
std::vector<Difference> compare(const TraefikConfig& in, const TraefikConfig& out, const Plan& plan,
                                const Naming& naming);

// A rule as its parse tree, printed: spacing, quotes and parentheses that
// change nothing do not count.
std::string canonical_rule(const std::string& text);

// A value on one line, for differences: {a: 1, b: [x, y]}.
std::string write_value(const util::Value& value);

} // namespace edgegen::import
