// The command table: one entry per subcommand, each a small function over
// the pipeline. The only file that includes CLI11.
#include "cli/commands.hpp"

#include "cli/command_table.hpp"
#include "cli/diff_command.hpp"
#include "cli/explain_object.hpp"
#include "cli/init_command.hpp"
#include "cli/render_report.hpp"
#include "cli/report.hpp"
#include "cli/route_command.hpp"
#include "cli/version.hpp"
#include "diag/codes.hpp"
#include "emit/emit.hpp"
#include "pipeline.hpp"
#include "source/select.hpp"
#include "util/errors.hpp"
#include "util/printable.hpp"
#include "util/strings.hpp"
#include "write/cancel.hpp"
#include "write/write.hpp"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <cstdlib>

#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

namespace edgegen::cli {

namespace {

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
  RouteRequest route;                // route: the request
};

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

int validate_command(const Options& options)
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
write::Provenance provenance_of(const Compilation& c)
{
  const source::SourceTree& tree = c.tree;
  std::map<std::string, bool> tests_only; // display name -> every document is a RouteTest
  for (const auto& declaration : c.model.declarations) {
    auto [it, added] = tests_only.emplace(declaration.location.file.str(), true);
    it->second = it->second && declaration.kind == "RouteTest";
  }
  write::Provenance provenance;
  provenance.origin = tree.origin;
  provenance.commit_id = tree.commit_id;
  provenance.tree_id = tree.tree_id;
  for (const auto& file : tree.files) {
    auto it = tests_only.find(file.display_name());
    if (it == tests_only.end() || !it->second) {
      provenance.inputs.push_back({file.path, write::git_blob_id(file.bytes)});
    }
  }
  return provenance;
}

// Every file of the render, one at a time: emitted, serialised, handed to
// `sink`, and let go; then edgegen.lock.json and edgegen.sum. `sink` is
// called from several threads (see emit::emit_each).
void render_each(const Compilation& c, const Options& options, write::Provenance provenance,
                 const std::function<void(write::RenderedFile)>& sink)
{
  write::Renderer renderer;
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
    for (auto& file : write::carry_over(options.out, [&](const std::string& path) {
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

int check_command(const Compilation& c, const Options& options, write::Provenance provenance)
{
  // Shared: checks run side by side, but never while a render rewrites the tree.
  write::OutputLock output_lock(options.out, write::OutputLock::Mode::shared, options.lock_timeout);
  if (auto present = write::read_lock_source(options.out)) {
    provenance.origin = present->origin;
    provenance.commit_id = present->commit_id;
    provenance.tree_id = present->tree_id;
  }
  std::vector<write::RenderedFile> files;
  std::mutex mutex;
  render_each(c, options, provenance, [&](write::RenderedFile file) {
    std::lock_guard<std::mutex> lock(mutex);
    files.push_back(std::move(file));
  });
  write::Drift drift = write::compare_tree(options.out, files, emit::loaded_directories(c.model));
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
  write::Provenance provenance = provenance_of(c);
  if (options.check) {
    return check_command(c, options, provenance);
  }
  write::TreeWriter writer(options.out, options.lock_timeout);
  write::WriteReport written =
      writer.write([&](const write::FileSink& sink) { render_each(c, options, provenance, sink); });
  // Files edgegen did not write stay, with a warning where the edge loads them.
  std::set<std::string> ours(written.written.begin(), written.written.end());
  ours.insert(written.unchanged.begin(), written.unchanged.end());
  auto foreign = write::foreign_files(options.out, ours, emit::loaded_directories(c.model));
  report_written(written, foreign, options.out, options.format == Format::text ? std::cout : std::cerr, std::cerr);
  return k_exit_ok;
}

// SIGINT and SIGTERM end a render with 128 + the signal, after its writer
// removed what it had staged.
int render_command(const Options& options)
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
int route_command(const Options& options)
{
  auto source = source::open_source(selection_of(options));
  Compilation& c = keep_until_exit(compile(*source, false));
  size_t errors = c.diagnostics.error_count();
  bool readable = true;
  for (const auto& d : c.diagnostics.sorted()) {
    // E01xx reading, E02xx schema, E03xx variables and documents.
    bool before_checks = d.code.size() == 5 && d.code[0] == 'E' && d.code[1] == '0' && d.code[2] < '4';
    readable = readable && !(d.severity == diag::Severity::error && before_checks);
  }
  if (!readable) {
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

int explain_command(const Options& options, const std::string& code, bool markdown)
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

// The fixed values of each option that has them: checked by the parser,
// and listed by the manual page and the completion.
std::map<const CLI::Option*, std::vector<std::string>>& choices_of()
{
  static std::map<const CLI::Option*, std::vector<std::string>> choices;
  return choices;
}

CLI::Option* choose(CLI::Option* option, const std::vector<std::string>& values)
{
  choices_of()[option] = values;
  return option->check(CLI::IsMember(values));
}

// The command table as data (command_table.hpp), read off the parser.
CommandTable describe_table(const CLI::App& app, const std::string& summary)
{
  CommandTable table;
  table.summary = summary;
  table.description = app.get_description();
  // Not app.help(), which gives the help of the subcommand being run.
  table.help = app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (command->get_group().empty()) {
      continue; // hidden
    }
    CommandInfo info;
    info.name = command->get_name();
    info.description = command->get_description();
    info.help = command->help(app.get_name());
    for (const CLI::Option* option : command->get_options()) {
      if (option == command->get_help_ptr()) {
        continue;
      }
      OptionInfo o;
      o.positional = !option->nonpositional();
      if (o.positional) {
        o.names.push_back(option->get_name());
      }
      for (const auto& name : option->get_lnames()) {
        o.names.push_back("--" + name);
      }
      for (const auto& name : option->get_snames()) {
        o.names.push_back("-" + name);
      }
      o.value_name = option->get_type_size() == 0 ? "" : option->get_type_name();
      o.description = option->get_description();
      if (auto it = choices_of().find(option); it != choices_of().end()) {
        o.choices = it->second;
      }
      info.options.push_back(std::move(o));
    }
    table.commands.push_back(std::move(info));
  }
  return table;
}

// The names of the environments of the desired state at `options.source`,
// one per line, for the completion of --env; nothing when it cannot be read.
int environments_command(const Options& options)
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

void add_format(CLI::App& command, Options& options)
{
  command
      .add_option_function<std::string>(
          "--format",
          [&options](const std::string& name) {
            options.format = name == "json"     ? Format::json
                             : name == "github" ? Format::github
                             : name == "sarif"  ? Format::sarif
                                                : Format::text;
          },
          "diagnostics: text (default, on stderr), json (on stdout), sarif (SARIF 2.1.0 for code scanning, on "
          "stdout), github (workflow annotations)")
      ->type_name("FORMAT");
  choose(command.get_option("--format"), {"text", "json", "github", "sarif"});
}

void add_source(CLI::App& command, Options& options)
{
  command.add_option("SOURCE", options.source, "directory holding the desired state (default: .)")->type_name("DIR");
}

// The base is --base (in options.ref); the head --head, --staged or the work tree.
int run_diff(Options& options, const std::optional<std::string>& head_revision)
{
  options.diff.base = selection_of(options);
  options.diff.head = options.diff.base;
  options.diff.head.revision = head_revision.value_or("");
  options.diff.head.side = head_revision    ? source::Selection::Side::commit
                           : options.staged ? source::Selection::Side::index
                                            : source::Selection::Side::worktree;
  return diff_command(options.diff);
}

// --subdir, and --ref / --staged unless `revisions` is false (diff has its own).
void add_git(CLI::App& command, Options& options, bool revisions)
{
  CLI::Option* ref = nullptr;
  if (revisions) {
    ref = command
              .add_option_function<std::string>(
                  "--ref", [&options](const std::string& revision) { options.ref = revision; },
                  "read the desired state from this commit (branch, tag, id, HEAD~1), not the work tree")
              ->type_name("REV");
  }
  auto* staged = command.add_flag("--staged", options.staged, "read the desired state from the Git index");
  if (ref) {
    ref->excludes(staged);
  }
  command
      .add_option_function<std::string>(
          "--subdir", [&options](const std::string& path) { options.subdir = path; },
          "the desired state's directory, relative to the repository's root (default: SOURCE's place)")
      ->type_name("PATH");
}

} // namespace

int run(int argc, char** argv)
{
  Options options;
  const std::string summary = "compiles edge-routing desired state (YAML in Git) into Traefik configuration";
  CLI::App app{"edgegen: " + summary +
                   ".\n"
                   "Exit codes: 0 success, 1 invalid input or a difference found, 2 usage or environment error,\n"
                   "70 internal error (a bug), 130 and 143 stopped by SIGINT and SIGTERM.",
               "edgegen"};
  app.set_version_flag("--version", std::string("edgegen ") + EDGEGEN_VERSION);
  app.require_subcommand(1);
  app.footer("\nExamples:\n"
             "  edgegen validate edge/                          report every problem with file:line:col\n"
             "  edgegen render edge/ --out rendered/            write the rendered tree\n"
             "  edgegen render edge/ --out rendered/ --check    CI drift gate: exit 1 if rendered/ is stale\n"
             "  edgegen render edge/ --out rendered/ --env prod render one environment\n"
             "  edgegen validate edge/ --format sarif > edgegen.sarif   for GitHub code scanning\n"
             "  edgegen explain E0423                           what a code means and how to fix it\n"
             "  edgegen explain Project/shop edge/ --env dev    the object as dev's patches leave it\n"
             "  edgegen validate edge/ --staged                 what `git commit` would record (pre-commit)\n"
             "  edgegen render edge/ --out rendered/ --ref v1.2 render a commit, ignoring the work tree\n"
             "  edgegen diff edge/ --base origin/main           what a change does to the rendered output\n"
             "  edgegen route edge/ --env prod https://shop.example.com/api/items   which router takes it\n"
             "\nInput format, output layout and error codes: see README.md and docs/input-format.md.");

  // The command table.
  std::function<int()> action;
  auto* validate = app.add_subcommand("validate", "check the desired state and report every problem (file:line:col)");
  add_source(*validate, options);
  add_git(*validate, options, true);
  add_format(*validate, options);
  validate->callback([&] { action = [&] { return validate_command(options); }; });

  auto* render = app.add_subcommand("render", "validate, then write the rendered tree to --out");
  add_source(*render, options);
  render->add_option("--out,-o", options.out, "output directory (created if missing)")->required()->type_name("DIR");
  render->add_option("--env", options.environments, "render only this environment (repeatable)")
      ->type_name("NAME")
      ->allow_extra_args(false);
  render->add_flag("--check", options.check, "write nothing; exit 1 if --out differs from what would be rendered");
  render
      ->add_option_function<double>(
          "--lock-timeout",
          [&options](double seconds) {
            options.lock_timeout = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
          },
          "how long to wait while another edgegen writes --out (default: 5)")
      ->check(CLI::Range(0.0, 86400.0))
      ->type_name("SECONDS");
  add_git(*render, options, true);
  add_format(*render, options);
  render->callback([&] { action = [&] { return render_command(options); }; });

  std::string explain_code;
  bool markdown = false;
  auto* explain = app.add_subcommand(
      "explain", "what a diagnostic code means and its fix; or an object as one environment's patches leave it");
  explain
      ->add_option("CODE", explain_code,
                   "a code such as E0421 (without it: every code), or KIND/NAME such as Project/shop: that "
                   "object's spec, each value with where it was written and what its patches replaced")
      ->type_name("CODE|KIND/NAME");
  explain->add_option("SOURCE", options.source, "with KIND/NAME: the directory holding the desired state (default: .)")
      ->type_name("DIR");
  explain
      ->add_option("--env", options.route.environment,
                   "with KIND/NAME: the environment (needed when there are several)")
      ->type_name("NAME");
  add_git(*explain, options, true);
  explain->add_flag("--markdown", markdown, "print the README's table of codes");
  explain->callback([&] { action = [&] { return explain_command(options, explain_code, markdown); }; });

  auto* diff = app.add_subcommand("diff", "render two states in memory and print how the rendered trees differ");
  add_source(*diff, options);
  diff->add_option_function<std::string>(
          "--base", [&options](const std::string& revision) { options.ref = revision; },
          "the commit to compare from (origin/main, HEAD~1, a tag)")
      ->required()
      ->type_name("REV");
  std::optional<std::string> head_revision;
  auto* head = diff->add_option_function<std::string>(
                       "--head", [&head_revision](const std::string& revision) { head_revision = revision; },
                       "the commit to compare to (default: the work tree)")
                   ->type_name("REV");
  add_git(*diff, options, false);
  head->excludes(diff->get_option("--staged"));
  diff->add_flag("--stat", options.diff.stat, "print a summary of the changed files instead of the diff");
  choose(diff->add_option("--color", options.diff.color, "colour the output: auto (on a terminal), always, never"),
         {"auto", "always", "never"})
      ->type_name("WHEN");
  diff->callback([&] { action = [&] { return run_diff(options, head_revision); }; });

  auto* route = app.add_subcommand("route", "where Traefik sends one request: router, middlewares, service");
  add_source(*route, options);
  route->add_option("URL", options.route.url, "the request, absolute: https://host[:port]/path?query")
      ->required()
      ->type_name("URL");
  route->add_option("--env", options.route.environment, "the environment (needed when there are several)")
      ->type_name("NAME");
  route->add_option("-H,--header", options.route.headers, "a request header line, 'Name: value' (repeatable)")
      ->type_name("LINE")
      ->allow_extra_args(false);
  route->add_option("--method,-X", options.route.method, "the request method, as sent (default GET)")
      ->type_name("METHOD");
  route->add_option("--client-ip", options.route.client_ip, "the client's address, for ClientIP()")->type_name("IP");
  route
      ->add_option("--entry-point", options.route.entry_point,
                   "the entry point the request arrives on (default: the one on the URL's port)")
      ->type_name("NAME");
  add_git(*route, options, true);
  route
      ->add_option_function<std::string>(
          "--format",
          [&options](const std::string& name) { options.format = name == "json" ? Format::json : Format::text; },
          "the answer: text (default) or json, on stdout")
      ->type_name("FORMAT");
  choose(route->get_option("--format"), {"text", "json"});
  route->callback([&] { action = [&] { return route_command(options); }; });

  InitOptions init_options;
  auto* init = app.add_subcommand("init", "write a starter desired state (edge/), pre-commit hooks and a CI workflow");
  init->add_option("DIR", init_options.directory, "the repository's root (default: .)")->type_name("DIR");
  choose(init->add_option("--target", init_options.shape, "the deployment shape (below)"), starter_shape_names())
      ->required()
      ->type_name("SHAPE");
  init->add_option("--env", init_options.environment, "the name of the one Environment (default: prod)")
      ->type_name("NAME");
  init->footer(init_footer());
  init->callback([&] { action = [&] { return init_command(init_options, std::cout, std::cerr); }; });

  auto* version = app.add_subcommand("version", "print the version, the commit it was built from and its libraries");
  version->callback([&] {
    action = [] {
      print_version(std::cout);
      return k_exit_ok;
    };
  });

  std::string shell;
  auto* completion =
      app.add_subcommand("completion", "print the shell completion script: source <(edgegen completion bash)");
  choose(completion->add_option("SHELL", shell, "the shell")->required()->type_name("SHELL"), {"bash"});
  completion->callback([&] {
    action = [&] {
      std::cout << bash_completion(describe_table(app, summary));
      return k_exit_ok;
    };
  });

  // Hidden: what the build installs as edgegen(1), and what the completion
  // asks for the names of --env.
  auto* manual = app.add_subcommand("manual", "print the manual page edgegen(1) (roff)")->group("");
  manual->callback([&] {
    action = [&] {
      std::cout << manual_page(describe_table(app, summary), EDGEGEN_VERSION);
      return k_exit_ok;
    };
  });
  auto* environments = app.add_subcommand("__environments", "the environments' names, for the completion")->group("");
  add_source(*environments, options);
  environments->callback([&] { action = [&] { return environments_command(options); }; });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e); // prints help, version or the usage error
    return code == 0 ? k_exit_ok : k_exit_usage;
  }
  // A bug must not read as a usage error: scripts tell them apart by the
  // exit code, people by the request to report it.
  auto internal_error = [](const std::string& what) {
    std::cerr << "edgegen: internal error: " << util::escape_invalid_utf8(what) << "\n"
              << "edgegen: this is a bug in edgegen " << EDGEGEN_VERSION
              << "; please report it with the command line and, if you can, the input\n";
    return k_exit_internal;
  };
  try {
    // Lets the tests reach this path through the real binary.
    if (const char* fail = std::getenv("EDGEGEN_TEST_INTERNAL_ERROR"); fail && *fail) {
      throw std::logic_error("EDGEGEN_TEST_INTERNAL_ERROR is set");
    }
    return action();
  } catch (const util::EnvironmentError& e) {
    std::cerr << "edgegen: error: " << e.what() << "\n";
    return k_exit_usage;
  } catch (const std::bad_alloc&) {
    std::cerr << "edgegen: error: out of memory\n";
    return k_exit_usage;
  } catch (const std::exception& e) {
    return internal_error(e.what());
  } catch (...) {
    return internal_error("an exception of unknown type");
  }
}

} // namespace edgegen::cli
