// `edgegen plan`: what a change does to the edge, per environment, in the
// terms of the people who approve it (routes, certificates, DNS records,
// middlewares), with its risks. Built from the two sides' models, never
// from the rendered files.
#include "review/plan.hpp"
#include "review/plan_parts.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <map>

namespace edgegen::review {

namespace detail {

std::string join(const std::vector<std::string>& items)
{
  return util::join(items, ", ");
}

} // namespace detail

bool EnvironmentPlan::empty() const
{
  return routes.empty() && certificates.empty() && dns_records.empty() && middlewares.empty() && risks.empty();
}

size_t EnvironmentPlan::count(const std::vector<PlanItem>& items, char sign) const
{
  return static_cast<size_t>(
      std::count_if(items.begin(), items.end(), [&](const PlanItem& item) { return item.sign == sign; }));
}

std::string registered_domain(const std::string& name)
{
  std::string host = util::starts_with(name, "*.") ? name.substr(2) : name;
  size_t last = host.rfind('.');
  if (last == std::string::npos || last == 0) {
    return host;
  }
  size_t second = host.rfind('.', last - 1);
  return second == std::string::npos ? host : host.substr(second + 1);
}

Plan make_plan(const model::Model& base, const model::Model& head)
{
  std::map<std::string, std::pair<const model::Config*, const model::Config*>> sides;
  for (const auto& config : base.environments) {
    sides[config.environment.name].first = &config;
  }
  for (const auto& config : head.environments) {
    sides[config.environment.name].second = &config;
  }
  Plan plan;
  std::map<std::string, size_t> orders; // registered domain -> new Let's Encrypt certificates
  for (const auto& [name, side] : sides) {
    const auto& [before, after] = side;
    EnvironmentPlan environment;
    environment.name = name;
    environment.status = !before ? "new" : !after ? "removed" : "";
    detail::plan_routes(before, after, environment);
    for (const auto& domains : detail::plan_certificates(before, after, environment)) {
      std::set<std::string> registered; // a certificate counts once for each of its domains
      for (const auto& domain : domains) {
        registered.insert(registered_domain(domain));
      }
      for (const auto& domain : registered) {
        ++orders[domain];
      }
    }
    detail::plan_dns_records(before, after, environment);
    detail::plan_middlewares(before, after, environment);
    detail::plan_risks(before, after, environment);
    if (!environment.empty()) {
      plan.environments.push_back(std::move(environment));
    }
  }
  for (const auto& [domain, count] : orders) {
    if (count > k_lets_encrypt_weekly_limit) {
      plan.risks.push_back(std::to_string(count) + " new Let's Encrypt certificates under " + domain +
                           ": past its limit of " + std::to_string(k_lets_encrypt_weekly_limit) +
                           " per registered domain per week; the orders past it fail until the week has passed");
    }
  }
  return plan;
}

std::string plan_summary(const Plan& plan)
{
  size_t add = 0, change = 0, remove = 0, order = 0, drop = 0, records_added = 0, records_removed = 0, middlewares = 0,
         risks = plan.risks.size();
  for (const auto& environment : plan.environments) {
    add += environment.count(environment.routes, '+');
    change += environment.count(environment.routes, '~');
    remove += environment.count(environment.routes, '-');
    order += environment.count(environment.certificates, '+');
    drop += environment.count(environment.certificates, '-');
    records_added += environment.count(environment.dns_records, '+');
    records_removed += environment.count(environment.dns_records, '-');
    middlewares += environment.middlewares.size();
    risks += environment.risks.size();
  }
  auto counted = [](size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string out = "Plan: " + counted(add, "route", "routes") + " to add, " + std::to_string(change) + " to change, " +
                    std::to_string(remove) + " to remove; " + counted(order, "certificate", "certificates") +
                    " to order";
  if (drop > 0) {
    out += ", " + std::to_string(drop) + " to drop";
  }
  if (records_added + records_removed > 0) {
    out += "; " + counted(records_added, "DNS record", "DNS records") + " to add, " + std::to_string(records_removed) +
           " to remove";
  }
  if (middlewares > 0) {
    out += "; " + counted(middlewares, "middleware", "middlewares") + " to change";
  }
  if (risks > 0) {
    out += "; " + counted(risks, "risk", "risks") + " flagged";
  }
  return out;
}

} // namespace edgegen::review
