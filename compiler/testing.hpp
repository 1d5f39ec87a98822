#pragma once

// Helpers for the unit tests: compile in-memory files and read diagnostics.

#include "pipeline.hpp"

#include <string>
#include <utility>
#include <vector>

namespace edgegen::testing {

// A minimal valid Edge plus an issuer, so tests add only what they are about.
inline const char* k_edge = "apiVersion: edgegen.dev/v1alpha1\n"
                            "kind: Edge\n"
                            "metadata:\n"
                            "  name: test\n"
                            "spec:\n"
                            "  defaultIssuer: le\n"
                            "  vars:\n"
                            "    domain: example.com\n"
                            "---\n"
                            "apiVersion: edgegen.dev/v1alpha1\n"
                            "kind: Issuer\n"
                            "metadata:\n"
                            "  name: le\n"
                            "spec:\n"
                            "  acme:\n"
                            "    email: a@example.com\n"
                            "    solver:\n"
                            "      http01: {}\n";

inline Compilation compile_files(std::vector<std::pair<std::string, std::string>> files, bool with_edge = true)
{
  std::vector<source::SourceFile> sources;
  if (with_edge) {
    sources.push_back({"edge.yaml", k_edge, ""});
  }
  for (auto& [path, text] : files) {
    sources.push_back({path, text, ""});
  }
  auto source = source::memory_source(std::move(sources));
  return compile(*source, true);
}

// "file:line:col: CODE: message" of every error, sorted; warnings too when
// asked (most tests are about errors, and their inputs need not be tidy).
inline std::vector<std::string> messages(const Compilation& c, bool with_warnings = false)
{
  std::vector<std::string> out;
  for (const auto& d : c.diagnostics.sorted()) {
    if (d.severity == diag::Severity::warning && !with_warnings) {
      continue;
    }
    out.push_back(diag::format_location(d.location) + ": " + d.code + ": " + d.message);
  }
  return out;
}

} // namespace edgegen::testing
