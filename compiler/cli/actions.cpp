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
#include "emit/emit.hpp"
#include "pipeline.hpp"
#include "serialise/serialise.hpp"
#include "source/select.hpp"
#include "util/errors.hpp"
#include "util/printable.hpp"
#include "util/strings.hpp"
#include "write/cancel.hpp"
#include "write/write.hpp"

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
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

void check_environments(const Compilation& c, const std::vector<std::string>& wanted)
{
  std::vector<std::string> known;
  for (const auto& config : c.model.environments) {
    known.push_back(config.environment.name);
  }
  for (const auto& name : wanted) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      throw util::EnvironmentError("unknown environment \"" + name + "\" (environments: " + util::join(known, ", ") +
                                   ")");
    }
  }
}

// Where the tree came from. A file of RouteTest documents only is left
// out: tests never change what is rendered, so editing one must not make
// the tree stale.
serialise::Provenance provenance_of(const Compilation& c)
{
  const source::SourceTree& tree = c.tree;
  std::map<std::string, bool> tests_only; // display name -> every document is a RouteTest
  for (const auto& declaration : c.model.declarations) {
    auto [it, added] = tests_only.emplace(declaration.location.file.str(), true);
    it->second = it->second && declaration.kind == "RouteTest";
  }
  serialise::Provenance provenance;
  provenance.origin = tree.origin;
  provenance.commit_id = tree.commit_id;
  provenance.tree_id = tree.tree_id;
  for (const auto& file : tree.files) {
    auto it = tests_only.find(file.display_name());
    if (it == tests_only.end() || !it->second) {
      provenance.inputs.push_back({file.path, serialise::git_blob_id(file.bytes)});
    }
  }
  return provenance;
}

// Every file of the render, one at a time: emitted, serialised, handed to
// `sink`, and let go; then edgegen.lock.json and edgegen.sum. `sink` is
// called from several threads (see emit::emit_each).
void render_each(const Compilation& c, const Options& options, serialise::Provenance provenance,
                 const std::function<void(serialise::RenderedFile)>& sink)
{
  serialise::Renderer renderer;
  emit_each(c, options.environments, [&](emit::OutputFile&& file) { sink(renderer.render(file)); });
  if (!options.environments.empty()) {
    // The other environments' files stay as they are (paths start "<env>/").
    std::vector<std::string> others;
    for (const auto& config : c.model.environments) {
      if (std::find(options.environments.begin(), options.environments.end(), config.environment.name) ==
          options.environments.end()) {
        others.push_back(config.environment.name + "/");
      }
    }
    for (auto& file : write::carry_over(write::real_disk(), options.out, [&](const std::string& path) {
           return std::any_of(others.begin(), others.end(),
                              [&](const std::string& prefix) { return util::starts_with(path, prefix); });
         })) {
      sink(renderer.render(file));
    }
  }
  for (auto& file : renderer.finish(provenance)) {
    sink(std::move(file));
  }
}

int check_command(const Compilation& c, const Options& options, serialise::Provenance provenance)
{
  // Shared: checks run side by side, but never while a render rewrites the tree.
  write::OutputLock output_lock(options.out, write::OutputLock::Mode::shared, options.lock_timeout);
  if (auto present = write::read_lock_source(write::real_disk(), options.out)) {
    provenance.origin = present->origin;
    provenance.commit_id = present->commit_id;
    provenance.tree_id = present->tree_id;
  }
  std::vector<serialise::RenderedFile> files;
  std::mutex mutex;
  render_each(c, options, provenance, [&](serialise::RenderedFile file) {
    std::lock_guard<std::mutex> lock(mutex);
    files.push_back(std::move(file));
  });
  write::Drift drift = write::compare_tree(write::real_disk(), options.out, files, emit::loaded_directories(c.model));
  report_drift(drift, options.out, options.source, std::cerr);
  if (!drift.empty()) {
    return k_exit_invalid;
  }
  std::ostream& log = options.format == Format::text ? std::cout : std::cerr;
  log << "edgegen: " << options.out << " is up to date (" << files.size() << " files)\n";
  return k_exit_ok;
}

int render_or_check(const Options& options)
{
  auto source = source::open_source(selection_of(options));
  Compilation& c = keep_until_exit(compile(*source, false));
  if (report_diagnostics(c, options)) {
    return k_exit_invalid;
  }
  check_environments(c, options.environments);
  serialise::Provenance provenance = provenance_of(c);
  if (options.check) {
    return check_command(c, options, provenance);
  }
  write::TreeWriter writer(write::real_disk(), options.out, options.lock_timeout);
  write::WriteReport written =
      writer.write([&](const write::FileSink& sink) { render_each(c, options, provenance, sink); });
  // Files edgegen did not write stay, with a warning where the edge loads them.
  std::set<std::string> ours(written.written.begin(), written.written.end());
  ours.insert(written.unchanged.begin(), written.unchanged.end());
  auto foreign = write::foreign_files(write::real_disk(), options.out, ours, emit::loaded_directories(c.model));
  report_written(written, foreign, options.out, options.format == Format::text ? std::cout : std::cerr, std::cerr);
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
  Compilation& c = keep_until_exit(compile(*source, false));
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
  Compilation& c = keep_until_exit(compile(*source, false));
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
  Compilation& c = keep_until_exit(compile(*source, false));
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
