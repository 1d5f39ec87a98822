#pragma once

#include <cstdint>
#include <string>

// Internal to serialise/: locale-independent number text shared by the YAML and
// JSON writers, so that both print the same value the same way.
namespace edgegen::serialise {

// Decimal, no grouping, no locale.
void append_integer(std::string& out, int64_t value);

// Shortest text that reads back as the same double, always with a '.' in the
// mantissa (1.0, 1.5e+20, 1.0e-05): YAML 1.1 (PyYAML) reads "1e+20" as a
// string and "1" as an integer, so the dot is what keeps it a float
// everywhere. Not for NaN or infinities; the callers spell those.
void append_finite_double(std::string& out, double value);

} // namespace edgegen::serialise
