#pragma once

#include <stdexcept>
#include <string>

namespace edgegen::util {

// A problem with the environment rather than the input: a missing directory,
// an unwritable output, an unknown flag. Thrown, caught once in cli/, exit 2.
class EnvironmentError : public std::runtime_error
{
public:
  explicit EnvironmentError(const std::string& message) : std::runtime_error(message) {}
};

} // namespace edgegen::util
