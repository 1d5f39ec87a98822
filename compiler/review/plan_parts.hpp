#pragma once

// The parts of a plan, one file each; make_plan (plan.cpp) runs them per
// environment. Not part of the stage's interface.

#include "review/plan.hpp"

#include <map>
#include <string>
#include <vector>

namespace edgegen::review::detail {

// A route as a plan names it: "project/name".
std::string route_key(const model::Project& project, const model::Route& route);

// Routes added, removed and changed (by project and route name; a route
// renamed with the same rule is a change too). Either side may be null (an
// environment of one side only).
void plan_routes(const model::Config* base, const model::Config* head, EnvironmentPlan& out);

// The certificates each side needs, ordered and dropped; returns the names
// of the new orders from Let's Encrypt's production CA, for its rate limit.
std::vector<std::vector<std::string>> plan_certificates(const model::Config* base, const model::Config* head,
                                                        EnvironmentPlan& out);

// The records of the dns target's zones, added and removed.
void plan_dns_records(const model::Config* base, const model::Config* head, EnvironmentPlan& out);

// Middlewares whose options change, with the routes they touch.
void plan_middlewares(const model::Config* base, const model::Config* head, EnvironmentPlan& out);

// Hosts that stop being served and routes that start shadowing another.
void plan_risks(const model::Config* base, const model::Config* head, EnvironmentPlan& out);

// "a, b" of a list.
std::string join(const std::vector<std::string>& items);

} // namespace edgegen::review::detail
