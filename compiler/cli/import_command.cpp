#include "cli/import_command.hpp"

#include "cli/commands.hpp"
#include "import/import.hpp"
#include "util/errors.hpp"
#include "util/printable.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace edgegen::cli {

namespace {

namespace fs = std::filesystem;

std::string read_file(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw util::EnvironmentError("cannot read " + util::printable(path));
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

bool is_configuration(const fs::path& path)
{
  return path.extension() == ".yml" || path.extension() == ".yaml" || path.extension() == ".toml";
}

// Every path as files: a directory gives its *.yml, *.yaml and *.toml (as Traefik's
// file provider reads them), sorted.
std::vector<import::Input> read_inputs(const std::vector<std::string>& paths, bool first_is_file)
{
  std::vector<import::Input> inputs;
  for (size_t i = 0; i < paths.size(); ++i) {
    const std::string& path = paths[i];
    std::error_code error;
    if (fs::is_directory(path, error) && !(first_is_file && i == 0)) {
      std::vector<fs::path> found;
      for (const auto& entry : fs::recursive_directory_iterator(path)) {
        if (entry.is_regular_file() && is_configuration(entry.path())) {
          found.push_back(entry.path());
        }
      }
      std::sort(found.begin(), found.end());
      for (const auto& file : found) {
        inputs.push_back({file.generic_string(), read_file(file.string())});
      }
    } else if (fs::is_regular_file(path, error)) {
      inputs.push_back({path, read_file(path)});
    } else {
      throw util::EnvironmentError("no such " + std::string(first_is_file && i == 0 ? "file" : "file or directory") +
                                   ": " + util::printable(path));
    }
  }
  return inputs;
}

void check_out(const std::string& out)
{
  std::error_code error;
  if (fs::exists(out, error) && !(fs::is_directory(out, error) && fs::is_empty(out, error))) {
    throw util::EnvironmentError("--out " + util::printable(out) +
                                 " exists and is not an empty directory; import writes a new tree");
  }
}

// The tree goes to a temporary directory beside --out, renamed into place
// once whole: an error on the way leaves nothing behind.
void write_tree(const std::string& out, const std::vector<source::SourceFile>& files)
{
  fs::path target = fs::absolute(out).lexically_normal();
  if (!target.has_filename()) {
    target = target.parent_path();
  }
  fs::path temp = target.parent_path() / ("." + target.filename().string() + ".import-" + std::to_string(getpid()));
  try {
    fs::create_directories(temp);
    for (const auto& file : files) {
      fs::path path = temp / file.path;
      fs::create_directories(path.parent_path());
      std::ofstream stream(path, std::ios::binary);
      stream << file.bytes;
      if (!stream.flush()) {
        throw util::EnvironmentError("cannot write " + util::printable(path.string()));
      }
    }
    std::error_code ignored;
    fs::remove(target, ignored); // an empty directory
    fs::rename(temp, target);
  } catch (const fs::filesystem_error& e) {
    std::error_code ignored;
    fs::remove_all(temp, ignored);
    throw util::EnvironmentError(std::string("cannot write ") + util::printable(out) + ": " + e.code().message());
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(temp, ignored);
    throw;
  }
}

void print_summary(const import::Imported& imported, std::ostream& out)
{
  const import::TraefikConfig& c = imported.config;
  out << "edgegen: imported " << c.routers.size() << " router(s), " << c.services.size() << " service(s), "
      << c.middlewares.size() << " middleware(s) and " << c.resolvers.size() << " certificate resolver(s) from "
      << imported.inputs.files.size() << " file(s) into " << imported.plan.projects.size() << " project(s)\n";
  out << "routes: " << imported.listing.structured << " with host/path, " << imported.listing.raw.size()
      << " kept as raw rules\n";
  for (const auto& line : imported.listing.raw) {
    out << "  " << util::printable(line) << "\n";
  }
}

} // namespace

int import_command(const ImportOptions& options)
{
  if (options.kind != "traefik" && options.kind != "compose" && options.kind != "redis" &&
      options.kind != "kubernetes") {
    throw util::EnvironmentError("import of \"" + util::printable(options.kind) +
                                 "\" is not supported (supported kinds: traefik, compose, redis, kubernetes)");
  }
  check_out(options.out);
  std::vector<import::Input> inputs = read_inputs(options.paths, options.kind == "traefik");
  diag::Diagnostics diagnostics;
  import::Imported imported = options.kind == "traefik"   ? import::import_traefik(inputs, diagnostics)
                              : options.kind == "compose" ? import::import_compose(inputs, diagnostics)
                              : options.kind == "redis"   ? import::import_redis(inputs, diagnostics)
                                                          : import::import_kubernetes(inputs, diagnostics);
  std::ostream& stream = options.format == Format::text ? std::cerr : std::cout;
  if (!diagnostics.empty() || options.format == Format::json || options.format == Format::sarif) {
    report(diagnostics, options.format, imported.inputs, stream);
  }
  if (diagnostics.has_errors()) {
    std::cerr << "edgegen: " << diagnostics.error_count() << " error(s) in the " << options.kind
              << " configuration; nothing written\n";
    return k_exit_invalid;
  }
  import::Proof proof = import::prove(imported);
  if (proof.diagnostics.has_errors()) {
    report(proof.diagnostics, Format::text, proof.tree, std::cerr);
    std::cerr << "edgegen: the imported tree does not validate (" << proof.diagnostics.error_count()
              << " error(s)); nothing written\n";
    return k_exit_invalid;
  }
  print_summary(imported, std::cout);
  write_tree(options.out, imported.files);
  std::cout << "edgegen: wrote " << util::printable(options.out) << " (" << imported.files.size() << " files)\n";
  size_t refused = 0;
  for (const auto& difference : proof.differences) {
    refused += difference.rename && options.accept_renames ? 0 : 1;
  }
  if (proof.differences.empty()) {
    std::cout << "proof: the render of the imported tree is the input's configuration, without a difference\n";
  } else if (refused == 0) {
    std::cout << "proof: the render of the imported tree is the input's configuration, up to "
              << proof.differences.size() << " accepted rename(s):\n";
  } else {
    std::cout << "proof: the render of the imported tree differs from the input in " << refused << " way(s)"
              << (options.accept_renames ? "" : " (renames are accepted with --accept-renames)") << ":\n";
  }
  for (const auto& difference : proof.differences) {
    std::cout << "  " << util::printable(difference.text) << "\n";
  }
  return refused == 0 ? k_exit_ok : k_exit_invalid;
}

} // namespace edgegen::cli
