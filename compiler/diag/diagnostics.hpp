#pragma once

#include "diag/location.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace edgegen::diag {

enum class Severity { error, warning };

struct Diagnostic
{
  Severity severity = Severity::error;
  std::string code; // stable, e.g. "E0101"; every code is listed in the README
  Location location;
  std::string message;
  std::string hint; // optional
  // At a value an Environment's patch wrote: that environment, and where the
  // values it replaced were written, the object's own first (empty when the
  // patch added the value).
  std::string patched_in;
  std::vector<Position> before;
};

// The one sink every stage reports to. Stages never print and never stop at
// the first problem: they add what they find and carry on where they can.
class Diagnostics
{
public:
  void error(std::string code, Location location, std::string message, std::string hint = {});
  void warning(std::string code, Location location, std::string message, std::string hint = {});
  void add(Diagnostic diagnostic);
  // Adds everything `other` holds (for results gathered on several threads);
  // from an rvalue by moving, which leaves `other` empty.
  void append(const Diagnostics& other);
  void append(Diagnostics&& other);
  // Lets `change` amend each diagnostic (never its severity).
  void update(const std::function<void(Diagnostic&)>& change);

  bool has_errors() const { return m_errors > 0; }
  size_t error_count() const { return m_errors; }
  size_t warning_count() const { return m_items.size() - m_errors; }
  bool empty() const { return m_items.empty(); }
  size_t size() const { return m_items.size(); }
  void reserve(size_t count) { m_items.reserve(count); }

  // From now on, add() leaves out what equals one of `earlier` (sorted and
  // unique, as sorted() returns them; equal as sorted() sees duplicates):
  // what an earlier environment's checks reported already, found again.
  void leave_out(std::shared_ptr<const std::vector<Diagnostic>> earlier) { m_earlier = std::move(earlier); }
  const std::shared_ptr<const std::vector<Diagnostic>>& left_out() const { return m_earlier; }

  // From now on, add() leaves out the warnings `silenced` tells it to (the
  // ones an edgegen.dev/ignore annotation silences): never held, rather
  // than dropped when reported. It is asked before add() escapes a
  // message's text, and decides by code and location.
  using Silencer = std::function<bool(const Diagnostic&)>;
  void silence(std::shared_ptr<const Silencer> silenced) { m_silenced = std::move(silenced); }
  const std::shared_ptr<const Silencer>& silenced() const { return m_silenced; }

  // Sorted by file, line, column, code and message; exact duplicates removed.
  // From an rvalue, its own items are sorted and handed over, not copied.
  std::vector<Diagnostic> sorted() const&;
  std::vector<Diagnostic> sorted() &&;

private:
  std::vector<Diagnostic> m_items;
  size_t m_errors = 0;
  std::shared_ptr<const std::vector<Diagnostic>> m_earlier;
  std::shared_ptr<const Silencer> m_silenced;
};

} // namespace edgegen::diag
