#include "util/printable.hpp"

#include "util/strings.hpp"

namespace edgegen::util {

std::string printable(std::string_view s)
{
  static const char k_hex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : escape_invalid_utf8(s)) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      out += "\\x";
      out += k_hex[byte >> 4];
      out += k_hex[byte & 15];
    } else {
      out += c;
    }
  }
  return out;
}

} // namespace edgegen::util
