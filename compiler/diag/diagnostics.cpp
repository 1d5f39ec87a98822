#include "diag/diagnostics.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <iterator>
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

namespace {

auto sort_key(const Diagnostic& d)
{
  return std::tie(d.location.file, d.location.line, d.location.column, d.code, d.message, d.hint);
}

// The order sorted() reports in, and what it drops as a duplicate.
bool reported_before(const Diagnostic& a, const Diagnostic& b)
{
  return sort_key(a) < sort_key(b);
}
bool duplicate(const Diagnostic& a, const Diagnostic& b)
{
  return sort_key(a) == sort_key(b) && a.severity == b.severity;
}

// Whether `sorted` (as sort_unique leaves it) holds what sort_unique would
// keep instead of `d`.
bool reported(const std::vector<Diagnostic>& sorted, const Diagnostic& d)
{
  auto [first, last] = std::equal_range(sorted.begin(), sorted.end(), d, reported_before);
  return std::any_of(first, last, [&](const Diagnostic& e) { return duplicate(e, d); });
}

} // namespace

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
  if (diagnostic.severity == Severity::warning && m_silenced && (*m_silenced)(diagnostic)) {
    return;
  }
  // A message quotes input, which may hold any byte (a rule's "\xff"
  // escape, say); every report format needs text.
  for (std::string* text : {&diagnostic.message, &diagnostic.hint}) {
    if (util::find_invalid_utf8(*text) != std::string::npos) {
      *text = util::escape_invalid_utf8(*text);
    }
  }
  if (m_earlier && reported(*m_earlier, diagnostic)) {
    return;
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

void Diagnostics::append(Diagnostics&& other)
{
  // Its items went through add() already. Its storage is taken over unless
  // this one's was made room in already (diag::parallel_for reserves it).
  if (m_items.empty() && m_items.capacity() < other.m_items.size()) {
    m_items = std::move(other.m_items);
  } else {
    m_items.insert(m_items.end(), std::make_move_iterator(other.m_items.begin()),
                   std::make_move_iterator(other.m_items.end()));
  }
  m_errors += other.m_errors;
  other.m_items = {};
  other.m_errors = 0;
}

void Diagnostics::update(const std::function<void(Diagnostic&)>& change)
{
  for (auto& d : m_items) {
    Severity severity = d.severity;
    change(d);
    d.severity = severity;
  }
}

namespace {

std::vector<Diagnostic> sort_unique(std::vector<Diagnostic> out)
{
  std::stable_sort(out.begin(), out.end(), reported_before);
  out.erase(std::unique(out.begin(), out.end(), duplicate), out.end());
  return out;
}

} // namespace

std::vector<Diagnostic> Diagnostics::sorted() const&
{
  return sort_unique(m_items);
}

std::vector<Diagnostic> Diagnostics::sorted() &&
{
  m_errors = 0;
  return sort_unique(std::move(m_items));
}

} // namespace edgegen::diag
