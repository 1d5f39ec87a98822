#pragma once

// Characters in messages: a rule's text is UTF-8 that people paste from
// documents and chat, so a stray character is named by its code point (and
// never cut in half), and values are shown with their invisible bytes
// escaped. Not part of the rules interface.

#include <cstdint>
#include <string>
#include <string_view>

namespace edgegen::rules::detail {

// The code point at `offset` of valid UTF-8 text; `length` is set to its
// size in bytes.
uint32_t decode_utf8(std::string_view text, size_t offset, size_t& length);

void append_utf8(std::string& out, uint32_t rune);

// "U+00A0 (no-break space)" for characters with a name here (spaces,
// typographic quotes, invisible ones, controls), else "U+00F3 'ó'", or just
// "U+0085" for a control.
std::string describe_character(uint32_t rune);

// What to type instead of a character that looks like a piece of the rule
// language (a typographic quote, an odd space, a fullwidth parenthesis);
// empty when there is nothing to say.
std::string character_hint(uint32_t rune);

// `text` for a message: bytes below 0x20, 0x7F and bytes that are not UTF-8
// written as \n, \t or \xNN, backslashes as they are.
std::string printable(std::string_view text);

} // namespace edgegen::rules::detail
