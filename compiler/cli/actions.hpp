#pragma once

// What each command does, given its parsed options: the functions that
// commands.cpp (the parser, the only user of CLI11) calls once per run.

#include "cli/commands.hpp"
#include "cli/diff_command.hpp"
#include "cli/graph_command.hpp"
#include "cli/report.hpp"
#include "cli/route_command.hpp"
#include "write/write.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace edgegen::cli {

// Every command's options, as the parser fills them.
struct Options
{
  std::string source = ".";
  std::string out;
  std::vector<std::string> environments;
  bool check = false;
  std::chrono::milliseconds lock_timeout = write::k_default_lock_timeout; // --lock-timeout
  Format format = Format::text;
  std::optional<std::string> ref;    // --ref (--base for diff): read this commit
  bool staged = false;               // --staged: read the index
  std::optional<std::string> subdir; // --subdir
  DiffOptions diff;                  // diff: --base, --head, --stat, --color
  std::optional<std::string> head;   // diff and plan: --head
  bool markdown = false;             // plan: --format markdown
  RouteRequest route;                // route: the request
  GraphRequest graph;                // graph: the environment and the format
};

int run_validate(const Options& options);
int run_render(const Options& options);                                          // render, and render --check
int run_route(const Options& options);                                           // route URL
int run_graph(const Options& options);                                           // graph
int run_explain(const Options& options, const std::string& code, bool markdown); // explain CODE or KIND/NAME
int run_environments(const Options& options); // the names for the completion of --env
int run_diff(Options& options);
int run_plan(const Options& options);

} // namespace edgegen::cli
