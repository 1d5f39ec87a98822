#pragma once

#include "cli/report.hpp"

#include <string>
#include <vector>

namespace edgegen::cli {

struct ImportOptions
{
  std::string kind;               // traefik | compose
  std::vector<std::string> paths; // traefik: the static file, then dynamic files or directories
  std::string out;                // must not exist, or be empty
  bool accept_renames = false;
  Format format = Format::text; // of the diagnostics
};

// `edgegen import`: reads the configuration, writes the desired-state tree
// to --out (whole, or not at all), proves that it renders the same
// configuration and prints each difference. Returns 0 when there is none
// (or only renames, with --accept-renames), 1 for differences or invalid
// input; throws util::EnvironmentError (exit 2) for an unsupported kind,
// a missing path or an --out that holds files.
int import_command(const ImportOptions& options);

} // namespace edgegen::cli
