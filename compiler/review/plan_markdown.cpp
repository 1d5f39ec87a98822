// The Markdown form of a plan, for a pull-request comment or a job summary:
// the summary first, then per environment a collapsible block holding its
// plan as a diff (GitHub colours + and -), its risks and the route map of
// what changed.
#include "review/graph.hpp"
#include "review/plan.hpp"
#include "util/printable.hpp"

#include <algorithm>
#include <sstream>

namespace edgegen::review {

namespace {

// The route map of the changed routers and their neighbours, as Mermaid;
// empty when none of them is in the head (every change a removal).
std::string changed_routes_graph(const model::Config& head, const std::set<std::string>& changed_routers)
{
  if (changed_routers.empty()) {
    return {};
  }
  GraphOptions options;
  options.highlight = changed_routers;
  options.only_highlighted = true;
  return draw_graph(head, options);
}

// For HTML (<summary>), and with `markdown` for a list item too: no tag,
// entity or emphasis of the input's.
std::string escaped(const std::string& text, bool markdown)
{
  std::string out;
  for (char c : util::printable(text)) {
    if (!markdown && std::string("*_`[]\\").find(c) != std::string::npos) {
      out += c;
      continue;
    }
    switch (c) {
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '&':
      out += "&amp;";
      break;
    case '*':
    case '_':
    case '`':
    case '[':
    case ']':
    case '\\':
      out += '\\';
      out += c;
      break;
    default:
      out += c;
    }
  }
  return out;
}

// A fence longer than any run of backticks in `text` (raw rules quote
// with them), so nothing in it can close the block.
std::string fence_for(const std::string& text)
{
  size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<size_t>(3, longest + 1), '`');
}

std::string diff_block(const EnvironmentPlan& environment)
{
  std::string body;
  for (const auto& text : environment_lines(environment)) {
    if (text[0] == '!') {
      continue; // a list below the block
    }
    if (text[0] != ' ') {
      body += "@@ " + util::printable(text.substr(0, text.size() - 1)) + " @@\n"; // "routes:"
    } else if (text.compare(0, 3, "   ") == 0) {
      body += "    " + util::printable(text.substr(text.find_first_not_of(' '))) + "\n"; // a detail
    } else {
      body += util::printable(text.substr(2)) + "\n"; // "+ …" at the start: coloured
    }
  }
  std::string fence = fence_for(body);
  return fence + "diff\n" + body + fence + "\n";
}

} // namespace

std::string plan_markdown(const Plan& plan, const model::Model& head)
{
  std::ostringstream out;
  out << "### edgegen plan\n\n";
  if (plan.empty()) {
    out << "No changes. The edge stays as it is.\n";
    return out.str();
  }
  out << plan_summary(plan) << "\n\n";
  for (const auto& risk : plan.risks) {
    out << "- :warning: " << escaped(risk, true) << "\n";
  }
  if (!plan.risks.empty()) {
    out << "\n";
  }
  for (const auto& environment : plan.environments) {
    Plan one;
    one.environments.push_back(environment);
    std::string summary = plan_summary(one).substr(std::string("Plan: ").size());
    out << "<details><summary>" << escaped(environment.name, false)
        << (environment.status.empty() ? "" : " (" + environment.status + " environment)") << ": "
        << escaped(summary, false) << "</summary>\n\n";
    out << diff_block(environment);
    if (!environment.risks.empty()) {
      out << "\nRisks:\n";
      for (const auto& risk : environment.risks) {
        out << "- :warning: " << escaped(risk, true) << "\n";
      }
    }
    for (const auto& config : head.environments) {
      std::string graph =
          config.environment.name == environment.name ? changed_routes_graph(config, environment.changed_routers) : "";
      if (!graph.empty()) {
        out << "\n```mermaid\n" << graph << "```\n";
      }
    }
    out << "\n</details>\n\n";
  }
  return out.str();
}

} // namespace edgegen::review
