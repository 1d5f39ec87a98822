#include "cli/init_command.hpp"

#include "cli/commands.hpp"
#include "cli/report.hpp"
#include "cli/starter.hpp"
#include "pipeline.hpp"
#include "util/errors.hpp"
#include "util/printable.hpp"
#include "util/strings.hpp"
#include "write/new_files.hpp"

#include <unistd.h>

#include <algorithm>
#include <climits>

namespace edgegen::cli {

namespace {

// The running executable, resolved (Linux): where the installed schemas are.
std::string executable_path()
{
  char buffer[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  return n > 0 ? std::string(buffer, static_cast<size_t>(n)) : std::string();
}

// A DNS-1123 label, as metadata.name must be; checked here so that a bad
// --env is a usage error rather than a diagnostic in a file not yet written.
bool is_label(const std::string& name)
{
  if (name.empty() || name.size() > 63 || name.front() == '-' || name.back() == '-') {
    return false;
  }
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// Compiles and renders the starter's desired state in memory: what init
// writes must validate and render as written, without a warning, for every
// --env a user can give (kubernetes refuses "cluster", for one).
void check_starter(const std::vector<StarterFile>& files, const InitOptions& options, std::ostream& err)
{
  std::vector<source::SourceFile> sources;
  for (const auto& file : files) {
    if (util::starts_with(file.path, "edge/")) {
      sources.push_back({file.path.substr(5), file.bytes, file.path});
    }
  }
  auto source = source::memory_source(std::move(sources));
  Compilation c = compile(*source);
  if (!c.diagnostics.empty()) {
    report(c.diagnostics, Format::text, c.tree, err);
    throw util::EnvironmentError("the starter for --target " + options.shape + " --env " +
                                 util::printable(options.environment) + " would not validate; nothing was written");
  }
}

std::string shown(const std::string& directory, const std::string& path)
{
  if (directory.empty() || directory == "." || directory == "./") {
    return path;
  }
  return directory.back() == '/' ? directory + path : directory + "/" + path;
}

} // namespace

int init_command(const InitOptions& options, std::ostream& out, std::ostream& err)
{
  if (!is_label(options.environment)) {
    throw util::EnvironmentError("--env \"" + util::printable(options.environment) +
                                 "\" is not a valid environment name: lower case letters, digits and '-', at most "
                                 "63, starting and ending with a letter or digit");
  }
  StarterRequest request;
  request.shape = options.shape;
  request.environment = options.environment;
  request.version = EDGEGEN_VERSION;
  const std::string executable = executable_path();
  request.schema_of = [&](const std::string& kind) { return find_schema(executable, kind); };
  std::vector<StarterFile> files = starter_files(request);
  check_starter(files, options, err);

  std::vector<write::NewFile> new_files;
  for (auto& file : files) {
    new_files.push_back({file.path, std::move(file.bytes)});
  }
  write::NewFilesReport report = write::create_new_files(write::real_disk(), options.directory, new_files);
  for (const auto& path : report.written) {
    out << "wrote " << util::printable(shown(options.directory, path)) << "\n";
  }
  for (const auto& path : report.kept) {
    err << "kept existing " << util::printable(shown(options.directory, path)) << "\n";
  }
  out << "edgegen: the starter for target " << options.shape << " is in place in " << util::printable(options.directory)
      << " (" << report.written.size() << " file(s) written, " << report.kept.size() << " kept as they were)\n";
  if (!report.written.empty()) {
    out << "next: edit the lines marked CHANGE, then `edgegen render edge/ --out rendered/`, commit, and "
           "`pre-commit install`\n";
  }
  return k_exit_ok;
}

std::string init_footer()
{
  std::string text = "Shapes (--target):\n";
  for (const auto& shape : starter_shapes()) {
    text += "  " + std::string(shape.name) + std::string(15 - shape.name.size(), ' ') + std::string(shape.description) +
            "\n";
  }
  text += "\nWrites below DIR, keeping every file that exists:\n"
          "  edge/edge.yaml                  the Edge: the shape's targets and their settings\n"
          "  edge/environments/<env>.yaml    one Environment (--env), with the domain to change\n"
          "  edge/issuers/letsencrypt-staging.yaml   Let's Encrypt's staging CA, by HTTP-01\n"
          "  edge/projects/whoami.yaml       one project: a service and its route\n"
          "  .pre-commit-config.yaml         hooks: edgegen validate and the drift check\n"
          "  .github/workflows/edge.yml      CI with edgegen's action: validate, drift, diff\n"
          "The edge/ files start with a yaml-language-server line naming edgegen's installed\n"
          "JSON Schemas, when they are found beside the executable.";
  return text;
}

} // namespace edgegen::cli
