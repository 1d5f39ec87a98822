#pragma once

#include <stdexcept>
#include <string>

// SIGINT and SIGTERM (Ctrl-C, a cancelled CI job) during a render.
namespace edgegen::write {

// Installs the handlers of SIGINT and SIGTERM. Outside a CancelScope the
// process exits at once with status 128 + the signal: nothing of it is in
// the output directory then. Inside one, the signal is only noted, and the
// TreeWriter that holds the scope stops at its next step, or its wait for
// the lock (Cancelled), removing its temporaries and its journal as for any
// error.
void handle_cancel_signals();

// Thrown at a TreeWriter's next step once SIGINT or SIGTERM came.
class Cancelled : public std::runtime_error
{
public:
  Cancelled(int signal, const std::string& message) : std::runtime_error(message), m_signal(signal) {}
  int exit_code() const { return 128 + m_signal; }

private:
  int m_signal;
};

// The signal that came inside a CancelScope, or 0.
int cancel_signal();

// "SIGTERM", "SIGINT".
std::string signal_name(int signal);

// While one exists, SIGINT and SIGTERM are only noted. Ending the last one
// with a signal noted and no exception on its way exits the process with
// 128 + the signal: it came after the writer's last step.
class CancelScope
{
public:
  CancelScope();
  ~CancelScope();
  CancelScope(const CancelScope&) = delete;
  CancelScope& operator=(const CancelScope&) = delete;
};

} // namespace edgegen::write
