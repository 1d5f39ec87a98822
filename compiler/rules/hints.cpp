// Hints that suggest a rule are checked with the parser they advise about.
#include "rules/internal.hpp"

#include "util/strings.hpp"

#include <cstdio>

namespace edgegen::rules::detail {

namespace {

bool fits_backticks(std::string_view value)
{
  if (util::find_invalid_utf8(value) != std::string_view::npos) {
    return false;
  }
  for (char c : value) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '`' || byte < 0x20 || byte == 0x7F) {
      return false;
    }
  }
  return true;
}

// Set while a suggested rule is being checked, whose own hints nobody reads.
thread_local bool t_checking_hint = false;

} // namespace

std::string go_literal(std::string_view value)
{
  if (fits_backticks(value)) {
    return "`" + std::string(value) + "`";
  }
  std::string out = "\"";
  size_t invalid = util::find_invalid_utf8(value);
  for (size_t i = 0; i < value.size(); ++i) {
    auto byte = static_cast<unsigned char>(value[i]);
    if (i == invalid) {
      size_t next = util::find_invalid_utf8(value.substr(i + 1));
      invalid = next == std::string_view::npos ? next : i + 1 + next;
    } else if (value[i] == '"' || value[i] == '\\') {
      out += '\\';
      out += value[i];
      continue;
    } else if (byte >= 0x20 && byte != 0x7F) {
      out += value[i];
      continue;
    }
    static const std::string_view k_escapes = "\n\t\r";
    static const char* const k_spelled[] = {"\\n", "\\t", "\\r"};
    if (size_t k = k_escapes.find(value[i]); i != invalid && k != std::string_view::npos) {
      out += k_spelled[k];
    } else {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02x", byte);
      out += buffer;
    }
  }
  return out + "\"";
}

std::string call_of(std::string_view name, const std::vector<std::string>& values)
{
  std::vector<std::string> literals;
  for (const auto& value : values) {
    literals.push_back(go_literal(value));
  }
  return std::string(name) + "(" + util::join(literals, ", ") + ")";
}

std::string write_hint(const std::string& rule, Protocol protocol, std::string otherwise, std::string_view lead)
{
  if (t_checking_hint) {
    return "";
  }
  struct Checking
  {
    Checking() { t_checking_hint = true; }
    ~Checking() { t_checking_hint = false; }
  } checking;
  bool ok = parse_rule(rule, protocol).ok();
  return ok ? std::string(lead) + "write " + rule : std::move(otherwise);
}

} // namespace edgegen::rules::detail
