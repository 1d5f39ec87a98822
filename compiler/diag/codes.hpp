#pragma once

#include "diag/diagnostics.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace edgegen::diag {

// One diagnostic code: the single source of the README's table, of
// `edgegen explain CODE` and of the rules in SARIF output. Codes are stable:
// a code is never reused for another meaning.
struct CodeInfo
{
  const char* code;        // "E0421"; E for errors, W for warnings
  const char* meaning;     // one line: README "meaning", SARIF shortDescription
  const char* example;     // README "example" cell (Markdown), a message the code prints
  const char* explanation; // what it means and why it matters
  const char* failing;     // input that gets the code
  const char* fix;         // the same input, fixed
};

// Every code, sorted.
const std::vector<CodeInfo>& codes();

// The entry of `code`, or nullptr.
const CodeInfo* find_code(std::string_view code);

Severity severity_of(std::string_view code);

// The README's table: header and one row per code, Markdown.
std::string codes_markdown();

// `edgegen explain CODE`: meaning, explanation, the failing example and the fix.
std::string explain(const CodeInfo& info);

namespace detail {
// The table, in parts by family (codes_input.cpp, codes_check.cpp,
// codes_import.cpp).
void add_input_codes(std::vector<CodeInfo>& out);
void add_check_codes(std::vector<CodeInfo>& out);
void add_import_codes(std::vector<CodeInfo>& out);
} // namespace detail

} // namespace edgegen::diag
