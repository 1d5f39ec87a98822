// The command table: one entry per subcommand, its options parsed into
// cli::Options and handed to its function in actions.cpp. The only file
// that includes CLI11.
#include "cli/commands.hpp"

#include "cli/actions.hpp"
#include "cli/command_table.hpp"
#include "cli/import_command.hpp"
#include "cli/init_command.hpp"
#include "cli/report.hpp"
#include "cli/version.hpp"
#include "diag/codes.hpp"
#include "serialise/serialise.hpp"
#include "util/errors.hpp"
#include "util/printable.hpp"
#include "util/strings.hpp"

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
#include <tuple>

namespace edgegen::cli {

namespace {

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

// --base, --head (or --staged, or the work tree), --subdir and --color:
// the two sides of diff and plan.
void add_sides(CLI::App& command, Options& options)
{
  command
      .add_option_function<std::string>(
          "--base", [&options](const std::string& revision) { options.ref = revision; },
          "the commit to compare from (origin/main, HEAD~1, a tag)")
      ->required()
      ->type_name("REV");
  auto* head = command
                   .add_option_function<std::string>(
                       "--head", [&options](const std::string& revision) { options.head = revision; },
                       "the commit to compare to (default: the work tree)")
                   ->type_name("REV");
  add_git(command, options, false);
  head->excludes(command.get_option("--staged"));
  choose(command.add_option("--color", options.diff.color, "colour the output: auto (on a terminal), always, never"),
         {"auto", "always", "never"})
      ->type_name("WHEN");
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
             "  edgegen plan edge/ --base origin/main           the same in routes, certificates and DNS records\n"
             "  edgegen route edge/ --env prod https://shop.example.com/api/items   which router takes it\n"
             "  edgegen graph edge/ --env prod --format dot | dot -Tsvg > routes.svg   the route map\n"
             "  edgegen import traefik traefik.yml dynamic/ --out edge/   adopt a hand-written Traefik edge\n"
             "\nInput format, output layout and error codes: see README.md and docs/input-format.md.");

  // The command table.
  std::function<int()> action;
  auto* validate = app.add_subcommand("validate", "check the desired state and report every problem (file:line:col)");
  add_source(*validate, options);
  add_git(*validate, options, true);
  add_format(*validate, options);
  validate->callback([&] { action = [&] { return run_validate(options); }; });

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
  render->callback([&] { action = [&] { return run_render(options); }; });

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
  explain->callback([&] { action = [&] { return run_explain(options, explain_code, markdown); }; });

  auto* diff = app.add_subcommand("diff", "render two states in memory and print how the rendered trees differ");
  add_source(*diff, options);
  add_sides(*diff, options);
  diff->add_flag("--stat", options.diff.stat, "print a summary of the changed files instead of the diff");
  diff->callback([&] { action = [&] { return run_diff(options); }; });

  auto* plan = app.add_subcommand("plan", "what a change does to the edge: routes, certificates, DNS records, risks");
  add_source(*plan, options);
  add_sides(*plan, options);
  choose(plan->add_option_function<std::string>(
             "--format", [&options](const std::string& name) { options.markdown = name == "markdown"; },
             "text (default) or markdown (for a pull request or a job summary), on stdout"),
         {"text", "markdown"})
      ->type_name("FORMAT");
  plan->callback([&] { action = [&] { return run_plan(options); }; });

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
  route->callback([&] { action = [&] { return run_route(options); }; });

  auto* graph = app.add_subcommand("graph", "the route map of one environment: hosts, routers, middlewares, services");
  add_source(*graph, options);
  graph->add_option("--env", options.graph.environment, "the environment (needed when there are several)")
      ->type_name("NAME");
  add_git(*graph, options, true);
  graph
      ->add_option_function<std::string>(
          "--format",
          [&options](const std::string& name) {
            options.graph.format = name == "dot" ? review::GraphFormat::dot : review::GraphFormat::mermaid;
          },
          "the map: mermaid (default, a Mermaid flowchart) or dot (Graphviz), on stdout")
      ->type_name("FORMAT");
  choose(graph->get_option("--format"), {"mermaid", "dot"});
  graph->callback([&] { action = [&] { return run_graph(options); }; });

  ImportOptions import_options;
  auto* import_app = app.add_subcommand(
      "import", "read an existing Traefik configuration into a desired-state tree, and prove it renders the same");
  import_app
      ->add_option("KIND", import_options.kind,
                   "what to read: traefik (static file, then dynamic files or "
                   "directories), compose (compose files with Traefik labels) or redis (a dump of Traefik's KV "
                   "keys: kv.json, or key and value lines) or kubernetes (manifests: IngressRoutes, Ingresses, "
                   "Middlewares, Services, cert-manager Issuers and Certificates)")
      ->required()
      ->type_name("KIND");
  import_app
      ->add_option("PATH", import_options.paths, "the files (and, for traefik and kubernetes, directories) to read")
      ->required()
      ->type_name("PATH");
  import_app->add_option("--out,-o", import_options.out, "the directory to write the tree to (new, or empty)")
      ->required()
      ->type_name("DIR");
  import_app->add_flag("--accept-renames", import_options.accept_renames,
                       "exit 0 when the only differences are names that had to change (README: Move an existing edge)");
  add_format(*import_app, options);
  import_app->callback([&] {
    action = [&] {
      import_options.format = options.format;
      return import_command(import_options);
    };
  });

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
  environments->callback([&] { action = [&] { return run_environments(options); }; });

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
