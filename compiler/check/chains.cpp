// Chain middlewares that reach themselves. Traefik finds the recursion at
// run time and drops every router that uses the chain.
#include "check/check.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <map>

namespace edgegen::check {

namespace {

class CycleFinder
{
public:
  CycleFinder(const model::Config& config, diag::Diagnostics& diagnostics) : m_diagnostics(diagnostics)
  {
    for (const auto& middleware : config.middlewares) {
      m_by_name[middleware.output_name] = &middleware;
    }
    for (const auto& project : config.projects) {
      for (const auto& middleware : project.middlewares) {
        m_by_name[middleware.output_name] = &middleware;
      }
    }
  }

  void run()
  {
    for (const auto& [name, middleware] : m_by_name) {
      visit(*middleware);
    }
  }

private:
  enum class State { open, done };

  void visit(const model::Middleware& middleware)
  {
    auto state = m_state.find(middleware.output_name);
    if (state != m_state.end()) {
      return;
    }
    m_state[middleware.output_name] = State::open;
    m_path.push_back(middleware.output_name);
    for (const auto& ref : middleware.chain) {
      auto next = m_by_name.find(ref.resolved);
      if (next == m_by_name.end()) {
        continue; // unknown (E0402) or another provider's
      }
      auto seen = m_state.find(ref.resolved);
      if (seen != m_state.end() && seen->second == State::open) {
        report(middleware, ref);
      } else {
        visit(*next->second);
      }
    }
    m_path.pop_back();
    m_state[middleware.output_name] = State::done;
  }

  // `ref` closes a loop back to a middleware on the current path.
  void report(const model::Middleware& middleware, const model::Ref& ref)
  {
    auto start = std::find(m_path.begin(), m_path.end(), ref.resolved);
    std::vector<std::string> loop;
    for (auto it = start; it != m_path.end(); ++it) {
      loop.push_back(m_by_name[*it]->name);
    }
    loop.push_back(ref.name);
    const model::Middleware& head = *m_by_name[ref.resolved];
    m_diagnostics.error("E0414", ref.location,
                        "middleware chain \"" + head.name + "\" includes itself (" + util::join(loop, " -> ") + ")",
                        "remove \"" + ref.name + "\" from the chain of \"" + middleware.name + "\"");
  }

  diag::Diagnostics& m_diagnostics;
  std::map<std::string, const model::Middleware*> m_by_name; // by Traefik name
  std::map<std::string, State> m_state;
  std::vector<std::string> m_path;
};

} // namespace

void check_chains(const model::Config& config, diag::Diagnostics& diagnostics)
{
  CycleFinder(config, diagnostics).run();
}

} // namespace edgegen::check
