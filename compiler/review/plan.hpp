#pragma once

#include "model/model.hpp"

#include <set>
#include <string>
#include <vector>

namespace edgegen::review {

// One line of a plan: a thing added ('+'), removed ('-') or changed ('~'),
// in operator terms; a change lists only what changed ("priority 10 → 20").
struct PlanItem
{
  char sign = '+';
  std::string text;
  std::vector<std::string> details;
};

// What a change does to one environment's edge. Every list is sorted.
struct EnvironmentPlan
{
  std::string name;
  std::string status; // "" for an environment of both sides, else "new" or "removed"
  std::vector<PlanItem> routes;
  std::vector<PlanItem> certificates;
  std::vector<PlanItem> dns_records;
  std::vector<PlanItem> middlewares;
  std::vector<std::string> risks; // "! …" lines: hosts no longer served, new shadowing
  // The routers (output names) of the routes added or changed, and of those
  // that use a changed middleware: what the route map highlights.
  std::set<std::string> changed_routers;

  bool empty() const;
  size_t count(const std::vector<PlanItem>& items, char sign) const;
};

struct Plan
{
  std::vector<EnvironmentPlan> environments; // those with changes, by name
  // Risks of the change as a whole: Let's Encrypt's weekly limit of
  // certificates per registered domain, counted over every environment.
  std::vector<std::string> risks;

  bool empty() const { return environments.empty() && risks.empty(); }
};

// Let's Encrypt's limit of new certificates per registered domain and week
// (https://letsencrypt.org/docs/rate-limits/), and the registered domain of a
// name as approximated here: its last two labels, without "*." (a public
// suffix of two labels, such as co.uk, counts as one domain).
constexpr size_t k_lets_encrypt_weekly_limit = 50;
std::string registered_domain(const std::string& name);

// What changes from `base` to `head`, per environment (by name).
Plan make_plan(const model::Model& base, const model::Model& head);

// "Plan: 2 routes to add, 1 to change, 0 to remove; 1 certificate to order",
// then "; N DNS records to add, N to remove", "; N middlewares to change"
// and "; N risks" when there are any (README "Reviews").
std::string plan_summary(const Plan& plan);

// The text form: per environment its sections, the risks, the summary.
// With `color`, + green, - red, ~ yellow, ! bold red.
std::string plan_text(const Plan& plan, bool color);

// The lines of one environment as plan_text indents them under its name.
std::vector<std::string> environment_lines(const EnvironmentPlan& environment);

// The Markdown form, for a pull request or a job summary: heading, summary,
// and per environment a collapsible block with its plan as a diff, its risks
// and the route map of what changed. `head` gives the route maps.
std::string plan_markdown(const Plan& plan, const model::Model& head);

} // namespace edgegen::review
