#include "emit/traefik/traefik.hpp"

#include <charconv>

namespace edgegen::emit::traefik {

std::string label_text(const util::Value& value)
{
  switch (value.kind()) {
  case util::Value::Kind::boolean:
    return value.as_bool() ? "true" : "false";
  case util::Value::Kind::integer:
    return std::to_string(value.as_int());
  case util::Value::Kind::floating: {
    // Shortest text that reads back as the same double, independent of the
    // locale (std::to_string would print "0,500000" under some).
    char buffer[32];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value.as_double());
    return std::string(buffer, result.ptr);
  }
  case util::Value::Kind::string:
    return value.as_string();
  default:
    return {};
  }
}

} // namespace edgegen::emit::traefik
