#include "cli/version.hpp"

#include "serialise/serialise.hpp"
#include "source/select.hpp"
#include "util/build_info.hpp"

namespace edgegen::cli {

void print_version(std::ostream& out)
{
  out << "edgegen " << EDGEGEN_VERSION << "\n";
  std::string_view commit = util::build_commit();
  out << "commit: " << (commit.empty() ? "unknown (not built from a Git work tree)" : commit) << "\n";
  out << "libraries:\n";
  out << "  libgit2 " << source::libgit2_version() << "\n";
  out << "  " << serialise::openssl_version() << "\n";
  for (const auto& [name, version] : util::built_with()) {
    out << "  " << name << " " << version << "\n";
  }
}

} // namespace edgegen::cli
