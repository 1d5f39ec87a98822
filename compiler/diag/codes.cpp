#include "diag/codes.hpp"

#include <algorithm>

namespace edgegen::diag {

const std::vector<CodeInfo>& codes()
{
  static const std::vector<CodeInfo> table = [] {
    std::vector<CodeInfo> out;
    detail::add_input_codes(out);
    detail::add_check_codes(out);
    detail::add_import_codes(out);
    std::sort(out.begin(), out.end(),
              [](const CodeInfo& a, const CodeInfo& b) { return std::string_view(a.code) < b.code; });
    return out;
  }();
  return table;
}

const CodeInfo* find_code(std::string_view code)
{
  for (const auto& info : codes()) {
    if (code == info.code) {
      return &info;
    }
  }
  return nullptr;
}

Severity severity_of(std::string_view code)
{
  return !code.empty() && code[0] == 'W' ? Severity::warning : Severity::error;
}

std::string codes_markdown()
{
  std::string out = "| code | meaning | example |\n|---|---|---|\n";
  for (const auto& info : codes()) {
    out += std::string("| ") + info.code + " | " + info.meaning + " | " + info.example + " |\n";
  }
  return out;
}

namespace {

std::string indented(std::string_view text)
{
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end;
    std::string_view line = text.substr(start, end - start);
    out += line.empty() ? "\n" : "    " + std::string(line) + "\n";
    start = end + 1;
  }
  return out;
}

// Explanations are one line in the table; a terminal wants paragraphs.
std::string wrapped(std::string_view text, size_t width = 96)
{
  std::string out, line;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = std::min(text.find(' ', start), text.size());
    std::string_view word = text.substr(start, end - start);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + std::string(word);
    start = end + 1;
  }
  return out + line + "\n";
}

} // namespace

std::string explain(const CodeInfo& info)
{
  std::string kind = severity_of(info.code) == Severity::warning ? "warning" : "error";
  std::string out = std::string(info.code) + " (" + kind + "): " + info.meaning + "\n\n" + wrapped(info.explanation);
  if (*info.failing) {
    out += std::string(severity_of(info.code) == Severity::warning ? "\nExample that warns:\n\n"
                                                                   : "\nExample that fails:\n\n") +
           indented(info.failing);
  }
  if (*info.fix) {
    out += "\nFix:\n\n" + indented(info.fix);
  }
  if (severity_of(info.code) == Severity::warning) {
    out += std::string("\nTo keep it on purpose, silence it for one document:\n\n") +
           "    metadata:\n      annotations:\n        edgegen.dev/ignore: \"" + info.code + "\"\n";
  }
  return out;
}

} // namespace edgegen::diag
