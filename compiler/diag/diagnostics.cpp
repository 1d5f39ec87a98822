#include "diag/diagnostics.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <tuple>

namespace edgegen::diag {

std::string format_location(const Location& location)
{
  std::string out = util::escape_invalid_utf8(location.file.str());
  if (location.line > 0) {
    out += ':' + std::to_string(location.line);
    if (location.column > 0) {
      out += ':' + std::to_string(location.column);
    }
  }
  return out;
}

void Diagnostics::error(std::string code, Location location, std::string message, std::string hint)
{
  add({Severity::error, std::move(code), std::move(location), std::move(message), std::move(hint), {}, {}});
}

void Diagnostics::warning(std::string code, Location location, std::string message, std::string hint)
{
  add({Severity::warning, std::move(code), std::move(location), std::move(message), std::move(hint), {}, {}});
}

void Diagnostics::add(Diagnostic diagnostic)
{
  // A message quotes input, which may hold any byte (a rule's "\xff"
  // escape, say); every report format needs text.
  for (std::string* text : {&diagnostic.message, &diagnostic.hint}) {
    if (util::find_invalid_utf8(*text) != std::string::npos) {
      *text = util::escape_invalid_utf8(*text);
    }
  }
  if (diagnostic.severity == Severity::error) {
    ++m_errors;
  }
  m_items.push_back(std::move(diagnostic));
}

void Diagnostics::append(const Diagnostics& other)
{
  for (const auto& diagnostic : other.m_items) {
    add(diagnostic);
  }
}

namespace {

auto sort_key(const Diagnostic& d)
{
  return std::tie(d.location.file, d.location.line, d.location.column, d.code, d.message, d.hint);
}

} // namespace

void Diagnostics::update(const std::function<void(Diagnostic&)>& change)
{
  for (auto& d : m_items) {
    Severity severity = d.severity;
    change(d);
    d.severity = severity;
  }
}

std::vector<Diagnostic> Diagnostics::sorted() const
{
  std::vector<Diagnostic> out = m_items;
  std::stable_sort(out.begin(), out.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return sort_key(a) < sort_key(b); });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Diagnostic& a, const Diagnostic& b) {
                          return sort_key(a) == sort_key(b) && a.severity == b.severity;
                        }),
            out.end());
  return out;
}

} // namespace edgegen::diag
