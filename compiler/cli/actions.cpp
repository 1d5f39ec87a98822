// What each command does, given its parsed options (actions.hpp): read,
// compile, report, and render or compare, over the pipeline.
#include "cli/actions.hpp"

#include "cli/diff_command.hpp"
#include "cli/explain_object.hpp"
#include "cli/graph_command.hpp"
#include "cli/plan_command.hpp"
#include "cli/render_report.hpp"
#include "cli/report.hpp"
#include "cli/route_command.hpp"
#include "diag/codes.hpp"
#include "pipeline.hpp"
#include "render.hpp"
#include "source/select.hpp"
#include "util/errors.hpp"
#include "util/printable.hpp"
#include "util/strings.hpp"
#include "write/cancel.hpp"
#include "write/write.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <tuple>
#include <unistd.h>

namespace edgegen::cli {

namespace {

// Where validate and render read from; the --out directory is never input.
source::Selection selection_of(const Options& options)
{
  source::Selection selection;
  selection.path = options.source;
  selection.side = options.ref      ? source::Selection::Side::commit
                   : options.staged ? source::Selection::Side::index
                                    : source::Selection::Side::worktree;
  selection.revision = options.ref.value_or("");
  selection.subdir = options.subdir;
  if (!options.out.empty()) {
    selection.skip.push_back(options.out);
  }
  return selection;
}

// Colour only for a person at a terminal, and never against NO_COLOR
// (https://no-color.org); CI logs and redirected output stay plain.
bool stderr_is_terminal()
{
  const char* no_colour = std::getenv("NO_COLOR");
  return isatty(STDERR_FILENO) && !(no_colour && *no_colour);
}

// Prints the diagnostics (always: warnings too) and tells whether there were errors.
bool report_diagnostics(const Compilation& c, const Options& options)
{
  std::ostream& stream = options.format == Format::text ? std::cerr : std::cout;
  if (options.format == Format::json || options.format == Format::sarif || !c.diagnostics.empty()) {
    report(c.diagnostics, options.format, c.tree, stream, options.format == Format::text && stderr_is_terminal());
  }
  if (c.diagnostics.has_errors() && options.format == Format::text) {
    std::cerr << "edgegen: " << c.diagnostics.error_count() << " error(s)";
    if (c.diagnostics.warning_count() > 0) {
      std::cerr << " and " << c.diagnostics.warning_count() << " warning(s)";
    }
    std::cerr << " in " << util::printable(source::describe(selection_of(options))) << "\n";
  }
  return c.diagnostics.has_errors();
}

// The command ends the process: freeing a large compilation (hundreds of
// thousands of small allocations, ~0.1 s at 10,000 projects) would only
// delay the exit, which returns the memory at once. Kept reachable from
// here, so leak checkers do not count it.
Compilation& keep_until_exit(Compilation c)
{
  static auto* kept = new std::vector<std::unique_ptr<Compilation>>;
  kept->push_back(std::make_unique<Compilation>(std::move(c)));
  return *kept->back();
}

int render_or_check(const Options& options)
{
  auto source = source::open_source(selection_of(options));
  Compilation& c = keep_until_exit(compile(*source));
  if (report_diagnostics(c, options)) {
    return k_exit_invalid;
  }
  release_checked(c);
  RenderRequest request;
  request.mode = options.check ? RenderRequest::Mode::check : RenderRequest::Mode::write;
  request.out = options.out;
  request.environments = options.environments;
  request.lock_timeout = options.lock_timeout;
  RenderResult result = render(c, request);
  std::ostream& log = options.format == Format::text ? std::cout : std::cerr;
  if (!options.check) {
    report_written(result.written, result.foreign, options.out, log, std::cerr);
    return k_exit_ok;
  }
  report_drift(result.drift, options.out, options.source, std::cerr);
  if (!result.drift.empty()) {
    return k_exit_invalid;
  }
  log << "edgegen: " << options.out << " is up to date (" << result.file_count << " files)\n";
  return k_exit_ok;
}

// `edgegen explain KIND/NAME`: the object as one environment reads it, with
// the file:line:col of each value and of what its patches replaced. Only
// reading, loading and patching errors stop it.
int explain_object_command(const Options& options, const std::string& object)
{
  auto source = source::open_source(selection_of(options));
  Patching input = patch_only(*source);
  if (input.diagnostics.has_errors()) {
    report(input.diagnostics, Format::text, input.tree, std::cerr, stderr_is_terminal());
    std::cerr << "edgegen: " << input.diagnostics.error_count() << " error(s) in "
              << util::printable(source::describe(selection_of(options))) << "\n";
    return k_exit_invalid;
  }
  return explain_object(input, object, options.route.environment, std::cout);
}

// The two sides of diff and plan: the base is --base (in options.ref); the
// head --head, --staged or the work tree.
std::pair<source::Selection, source::Selection> sides_of(const Options& options)
{
  source::Selection base = selection_of(options);
  source::Selection head = base;
  head.revision = options.head.value_or("");
  head.side = options.head     ? source::Selection::Side::commit
              : options.staged ? source::Selection::Side::index
                               : source::Selection::Side::worktree;
  return {base, head};
}

} // namespace

int run_validate(const Options& options)
{
  auto source = source::open_source(selection_of(options));
  Compilation& c = keep_until_exit(compile(*source));
  if (report_diagnostics(c, options)) {
    return k_exit_invalid;
  }
  if (options.format == Format::text) {
    std::cout << "edgegen: " << util::printable(source::describe(selection_of(options))) << " is valid ("
              << c.document_count << " documents in " << c.tree.files.size() << " files, "
              << c.model.environments.size() << " environment(s))\n";
  }
  return k_exit_ok;
}

// SIGINT and SIGTERM end a render with 128 + the signal, after its writer
// removed what it had staged.
int run_render(const Options& options)
{
  write::handle_cancel_signals();
  try {
    return render_or_check(options);
  } catch (const write::Cancelled& cancelled) {
    std::cerr << "edgegen: " << cancelled.what() << "\n";
    return cancelled.exit_code();
  }
}

// Routes from the model even when checks report errors (Traefik loads what
// it can, and `route` is how to see what it would do); not when the input
// could not be read or validated, where the model would be missing parts.
int run_route(const Options& options)
{
  auto source = source::open_source(selection_of(options));
  Compilation& c = keep_until_exit(compile(*source));
  size_t errors = c.diagnostics.error_count();
  if (!model_is_whole(c.diagnostics)) {
    Options text = options;
    text.format = Format::text;
    report_diagnostics(c, text);
    return k_exit_invalid;
  }
  if (errors > 0) {
    std::cerr << "edgegen: " << util::printable(source::describe(selection_of(options))) << " has " << errors
              << " error(s) (`edgegen validate` lists them); routing as Traefik would read it\n";
  }
  return cli::route_command(c, options.route, options.format, std::cout);
}

// The route map of a valid input: with errors, diagnostics as validate prints them.
int run_graph(const Options& options)
{
  auto source = source::open_source(selection_of(options));
  Compilation& c = keep_until_exit(compile(*source));
  if (report_diagnostics(c, options)) {
    return k_exit_invalid;
  }
  return cli::graph_command(c, options.graph, std::cout);
}

int run_explain(const Options& options, const std::string& code, bool markdown)
{
  if (names_object(code)) {
    return explain_object_command(options, code);
  }
  if (markdown) {
    std::cout << diag::codes_markdown();
    return k_exit_ok;
  }
  if (code.empty()) {
    for (const auto& info : diag::codes()) {
      std::cout << info.code << "  " << info.meaning << "\n";
    }
    return k_exit_ok;
  }
  std::string wanted = code;
  for (char& c : wanted) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (const diag::CodeInfo* info = diag::find_code(wanted)) {
    std::cout << diag::explain(*info);
    return k_exit_ok;
  }
  std::vector<std::string> known;
  for (const auto& info : diag::codes()) {
    known.push_back(info.code);
  }
  // W0601 typed as E0601: the number is the better clue.
  std::string suggestion;
  for (const auto& other : known) {
    suggestion = wanted.size() == 5 && other.substr(1) == wanted.substr(1) ? other : suggestion;
  }
  suggestion = suggestion.empty() ? util::closest_match(wanted, known) : suggestion;
  throw util::EnvironmentError(
      "unknown code \"" + code + "\"" +
      (suggestion.empty() ? " (`edgegen explain` lists every code)" : " (did you mean " + suggestion + "?)"));
}

// The names of the environments of the desired state at `options.source`,
// one per line, for the completion of --env; nothing when it cannot be read.
int run_environments(const Options& options)
{
  auto source = source::open_source(selection_of(options));
  Patching input = patch_only(*source);
  std::set<std::string> names;
  for (const auto& document : input.documents) {
    if (document.kind == load::Kind::environment && !document.name.empty()) {
      names.insert(document.name);
    }
  }
  if (names.empty() && !input.documents.empty()) {
    names.insert("default"); // docs/input-format.md: the implicit environment
  }
  for (const auto& name : names) {
    std::cout << util::printable(name) << "\n";
  }
  return k_exit_ok;
}

int run_diff(Options& options)
{
  std::tie(options.diff.base, options.diff.head) = sides_of(options);
  return diff_command(options.diff);
}

int run_plan(const Options& options)
{
  PlanOptions plan;
  std::tie(plan.base, plan.head) = sides_of(options);
  plan.markdown = options.markdown;
  plan.color = options.diff.color;
  return plan_command(plan);
}

} // namespace edgegen::cli
