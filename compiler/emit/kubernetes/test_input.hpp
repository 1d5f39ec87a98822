#pragma once

// Shared by the tests of the kubernetes, flux and argocd targets: an Edge
// with those targets on, and access to what they render.

#include "serialise/serialise.hpp"
#include "testing.hpp"

#include <string>
#include <utility>
#include <vector>

namespace edgegen::emit::kubernetes::test_input {

// `extra` is spliced into the Edge's spec (two-space indented keys).
inline std::string edge(const std::string& extra = {})
{
  return "apiVersion: edgegen.dev/v1alpha1\n"
         "kind: Edge\n"
         "metadata:\n"
         "  name: test\n"
         "spec:\n"
         "  targets: [kubernetes, flux, argocd]\n"
         "  defaultIssuer: le\n"
         "  vars:\n"
         "    domain: example.com\n"
         "  git:\n"
         "    url: https://git.example.com/edge.git\n"
         "    path: ./out/\n" +
         extra +
         "---\n"
         "apiVersion: edgegen.dev/v1alpha1\n"
         "kind: Issuer\n"
         "metadata:\n"
         "  name: le\n"
         "spec:\n"
         "  acme:\n"
         "    email: a@example.com\n"
         "    solver:\n"
         "      http01: {}\n"
         "---\n"
         "apiVersion: edgegen.dev/v1alpha1\n"
         "kind: Issuer\n"
         "metadata:\n"
         "  name: dns\n"
         "spec:\n"
         "  acme:\n"
         "    email: a@example.com\n"
         "    solver:\n"
         "      dns01:\n"
         "        provider: cloudflare\n"
         "        apiTokenSecretRef: {name: cf, key: token}\n";
}

inline std::string project(const std::string& name, const std::string& spec)
{
  return "apiVersion: edgegen.dev/v1alpha1\nkind: Project\nmetadata:\n  name: " + name + "\nspec:\n" + spec;
}

inline Compilation compile(const std::string& edge_yaml, std::vector<std::pair<std::string, std::string>> files = {})
{
  files.insert(files.begin(), {"edge.yaml", edge_yaml});
  return testing::compile_files(std::move(files), false);
}

inline std::string errors(const Compilation& c)
{
  std::string out;
  for (const auto& message : testing::messages(c)) {
    out += message + "\n";
  }
  return out;
}

inline const OutputFile* file(const Compilation& c, const std::string& path)
{
  for (const auto& f : c.files) {
    if (f.path == path) {
      return &f;
    }
  }
  return nullptr;
}

inline std::string text(const Compilation& c, const std::string& path)
{
  const OutputFile* f = file(c, path);
  return f ? serialise::to_yaml(f->documents) : "<no " + path + ">";
}

inline std::vector<std::string> paths(const Compilation& c, const std::string& prefix)
{
  std::vector<std::string> out;
  for (const auto& f : c.files) {
    if (f.path.rfind(prefix, 0) == 0) {
      out.push_back(f.path);
    }
  }
  return out;
}

// The document of `kind` named `name` among every rendered file.
inline util::Value document(const Compilation& c, const std::string& kind, const std::string& name)
{
  for (const auto& f : c.files) {
    for (const auto& d : f.documents) {
      if (d.is_map() && d.as_map().count("kind") && d.as_map().at("kind") == util::Value(kind) &&
          d.as_map().at("metadata").as_map().at("name") == util::Value(name)) {
        return d;
      }
    }
  }
  return {};
}

} // namespace edgegen::emit::kubernetes::test_input
