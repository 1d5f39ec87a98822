// The text form of a plan, for a terminal or a CI log: Terraform's signs
// (+ add, - remove, ~ change, ! risk), one environment after another, and
// the summary last, where a reader looks first.
#include "review/plan.hpp"
#include "util/printable.hpp"

#include <sstream>

namespace edgegen::review {

namespace {

struct Section
{
  const char* title;
  const std::vector<PlanItem>* items;
};

std::vector<Section> sections(const EnvironmentPlan& environment)
{
  return {{"routes", &environment.routes},
          {"certificates", &environment.certificates},
          {"DNS records", &environment.dns_records},
          {"middlewares", &environment.middlewares}};
}

const char* colour_of(char sign)
{
  switch (sign) {
  case '+':
    return "\033[32m";
  case '-':
    return "\033[31m";
  case '~':
    return "\033[33m";
  default:
    return "\033[1;31m";
  }
}

std::string line(const std::string& indent, const std::string& text, bool color)
{
  std::string shown = util::printable(text);
  if (!color || shown.empty() || std::string("+-~!").find(shown[0]) == std::string::npos) {
    return indent + shown + "\n";
  }
  return indent + colour_of(shown[0]) + shown + "\033[m\n";
}

} // namespace

std::vector<std::string> environment_lines(const EnvironmentPlan& environment)
{
  std::vector<std::string> lines;
  for (const auto& section : sections(environment)) {
    if (section.items->empty()) {
      continue;
    }
    lines.push_back(std::string(section.title) + ":");
    for (const auto& item : *section.items) {
      lines.push_back("  " + std::string(1, item.sign) + " " + item.text);
      for (const auto& detail : item.details) {
        lines.push_back("      " + detail);
      }
    }
  }
  for (const auto& risk : environment.risks) {
    lines.push_back("! " + risk);
  }
  return lines;
}

std::string plan_text(const Plan& plan, bool color)
{
  if (plan.empty()) {
    return "No changes. The edge stays as it is.\n";
  }
  std::ostringstream out;
  for (const auto& environment : plan.environments) {
    out << util::printable(environment.name)
        << (environment.status.empty() ? "" : " (" + environment.status + " environment)") << ":\n";
    for (const auto& text : environment_lines(environment)) {
      size_t start = text.find_first_not_of(' ');
      out << line("  " + text.substr(0, start), text.substr(start), color);
    }
    out << "\n";
  }
  for (const auto& risk : plan.risks) {
    out << line("", "! " + risk, color);
  }
  if (!plan.risks.empty()) {
    out << "\n";
  }
  out << plan_summary(plan) << "\n";
  return out.str();
}

} // namespace edgegen::review
