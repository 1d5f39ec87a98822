#pragma once

#include <ostream>

namespace edgegen::cli {

// `edgegen version`: the version, the Git commit edgegen was built from,
// and the libraries it runs with (libgit2 and OpenSSL as they report
// themselves; the others as found when it was built).
void print_version(std::ostream& out);

} // namespace edgegen::cli
