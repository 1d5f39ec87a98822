#include "serialise/numbers.hpp"

#include <charconv>
#include <cstring>
#include <stdexcept>

namespace edgegen::serialise {

void append_integer(std::string& out, int64_t value)
{
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void append_finite_double(std::string& out, double value)
{
  // std::to_chars without a format gives the shortest round-trip form and,
  // unlike printf, never looks at the locale.
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (result.ec != std::errc()) {
    throw std::logic_error("to_chars failed for a double");
  }
  std::string_view text(buffer, static_cast<size_t>(result.ptr - buffer));
  size_t exponent = text.find('e');
  std::string_view mantissa = text.substr(0, exponent);
  out += mantissa;
  if (mantissa.find('.') == std::string_view::npos) {
    out += ".0";
  }
  if (exponent != std::string_view::npos) {
    out += text.substr(exponent);
  }
}

} // namespace edgegen::serialise
