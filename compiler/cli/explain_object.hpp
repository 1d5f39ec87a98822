#pragma once

#include "pipeline.hpp"

#include <ostream>
#include <string>

namespace edgegen::cli {

// `edgegen explain KIND/NAME`: the object's spec as `environment` reads it
// (empty: the only environment), each value with where it was written and,
// for a value an Environment's patch replaced, where the values before it
// were: the object's own file:line:col first, then each patch's. Returns the
// exit code. Throws util::EnvironmentError for an object or environment
// that does not exist, or a missing --env where there are several.
int explain_object(const Patching& input, const std::string& object, const std::string& environment, std::ostream& out);

// Whether `argument` names an object (KIND/NAME) rather than a code.
bool names_object(const std::string& argument);

} // namespace edgegen::cli
