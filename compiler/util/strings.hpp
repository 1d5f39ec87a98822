#pragma once

#include "util/compact_vector.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace edgegen::util {

bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
std::vector<std::string> split(std::string_view s, char separator);
std::string join(const std::vector<std::string>& parts, std::string_view separator);
std::string join(const CompactVector<std::string>& parts, std::string_view separator);
std::string to_lower(std::string_view s);
// A-Z to a-z, every other byte as it is (what to_lower does to each byte).
inline char ascii_lower(char c)
{
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Edit distance counting adjacent swaps as one edit, for "did you mean" hints.
size_t edit_distance(std::string_view a, std::string_view b);
// The candidate closest to `name` within a distance that still reads as a
// typo (a third of the length, at least 1, at most 3); empty if none.
std::string closest_match(std::string_view name, const std::vector<std::string>& candidates);

// A Go string literal for `value`: `raw` in backticks unless the value holds
// a backtick, then "interpreted" with \" and \\ escaped.
std::string go_quote(std::string_view value);
// The same, appended to `out`.
void append_go_quote(std::string& out, std::string_view value);

// Byte offset of the first invalid UTF-8 sequence, or npos if `s` is valid.
size_t find_invalid_utf8(std::string_view s);

// `s` with every byte that is not part of valid UTF-8 written as \xNN, so
// that any text can be shown in every output format.
std::string escape_invalid_utf8(std::string_view s);

// The line (1-based, without its newline) of `text`; empty if out of range.
std::string_view line_of(std::string_view text, int line);

} // namespace edgegen::util
