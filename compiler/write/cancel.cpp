// A render cancelled by SIGINT or SIGTERM leaves the tree as SIGKILL does
// (the previous one, or the new one once every file is in place), and
// beyond that no temporary file and no journal: the handler only notes the
// signal while a TreeWriter has something to tidy, and the writer unwinds
// through its destructor, which removes them.
#include "write/cancel.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <exception>

namespace edgegen::write {
namespace {

// Lock-free, so that the handler may touch them.
std::atomic<int> g_signal{0};
std::atomic<int> g_scopes{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void on_cancel_signal(int signal)
{
  g_signal.store(signal);
  if (g_scopes.load() == 0) {
    ::_exit(128 + signal); // nothing to tidy: async-signal-safe exit
  }
}

} // namespace

void handle_cancel_signals()
{
  struct sigaction action = {};
  action.sa_handler = on_cancel_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART; // a write(2) under way completes; the writer stops after it
  for (int signal : {SIGINT, SIGTERM}) {
    ::sigaction(signal, &action, nullptr);
  }
}

int cancel_signal()
{
  return g_signal.load();
}

std::string signal_name(int signal)
{
  return signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal " + std::to_string(signal);
}

CancelScope::CancelScope()
{
  ++g_scopes;
}

CancelScope::~CancelScope()
{
  if (--g_scopes == 0 && g_signal.load() != 0 && std::uncaught_exceptions() == 0) {
    std::fflush(nullptr);
    ::_exit(128 + g_signal.load());
  }
}

} // namespace edgegen::write
