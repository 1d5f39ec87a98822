#pragma once

// The test kit: what the unit tests (*_test.cpp, and only they) share.
// Desired state is compiled from in-memory files through the real pipeline;
// diagnostics read as the CLI prints them; temporary directories clean up
// after themselves. Header-only, so nothing of it reaches the edgegen binary.

#include "load/load.hpp"
#include "pipeline.hpp"
#include "rules/rule.hpp"
#include "write/write.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace edgegen::testing {

// ---- Desired state ------------------------------------------------------

// The HTTP-01 issuer `le` every test Edge names as its default.
inline const std::string k_issuer_le = R"(apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata:
  name: le
spec:
  acme:
    email: a@example.com
    solver:
      http01: {}
)";

// A minimal valid Edge plus an issuer, so tests add only what they are about.
inline const std::string k_edge = R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata:
  name: test
spec:
  defaultIssuer: le
  vars:
    domain: example.com
---
)" + k_issuer_le;

// An Edge with the kubernetes, flux and argocd targets on, an HTTP-01 issuer
// `le` and a DNS-01 issuer `dns`; `extra` is spliced into the Edge's spec
// (two-space indented keys).
inline std::string edge(const std::string& extra = {})
{
  return R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata:
  name: test
spec:
  targets: [kubernetes, flux, argocd]
  defaultIssuer: le
  vars:
    domain: example.com
  git:
    url: https://git.example.com/edge.git
    path: ./out/
)" + extra +
         "---\n" + k_issuer_le + R"(---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata:
  name: dns
spec:
  acme:
    email: a@example.com
    solver:
      dns01:
        provider: cloudflare
        apiTokenSecretRef: {name: cf, key: token}
)";
}

// A Project document; `spec` is its spec's body (two-space indented keys).
inline std::string project(const std::string& name, const std::string& spec)
{
  return "apiVersion: edgegen.dev/v1alpha1\nkind: Project\nmetadata:\n  name: " + name + "\nspec:\n" + spec;
}

// The examples of docs/input-format.md, verbatim
// except for the comments.
inline const char* const k_examples = R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata: {name: kanban}
spec:
  targets: [traefik, traefik-redis, kubernetes, flux, argocd, compose, dns]
  entryPoints:
    web:       {address: ":80", redirectTo: websecure}
    websecure: {address: ":443"}
  defaultIssuer: letsencrypt
  dashboard:
    host: traefik.${domain}
    middlewares: [oidc]
  git: {url: https://github.com/acme/edge, branch: main, path: rendered}
---
apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata: {name: prod}
spec:
  vars: {domain: kanban.example.com}
  issuer: letsencrypt
  kubernetes: {namespace: edge}
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: letsencrypt}
spec:
  acme:
    email: admin@example.com
    server: production
    solver:
      dns01: {provider: cloudflare, apiTokenSecretRef: {name: cloudflare-token, key: api-token}}
---
apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata: {name: secure-headers}
spec: {headers: {frameDeny: true, contentTypeNosniff: true, stsSeconds: 31536000}}
---
apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata: {name: hsts}
spec:
  preset: secure-headers
  headers: {stsSeconds: 63072000}
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: synced}
spec:
  files:
    certificates:
      - {certFile: /certs/example.com/fullchain.pem, keyFile: /certs/example.com/privkey.pem, domains: [example.com]}
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: letsencrypt-http}
spec:
  acme:
    email: admin@example.com
    server: staging
    privateKeySecretRef: {name: le-key}
    solver:
      http01: {entryPoint: web}
---
apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata: {name: team-a}
spec:
  services:
    api:
      port: 8000
      host: api.team-a.internal
      scheme: http
      healthCheck: {path: /healthz, interval: 10s, timeout: 3s}
      passHostHeader: false
    web: {port: 80}
    legacy:
      urls: [http://10.0.0.5:8000, http://10.0.0.6:8000]
  routes:
    - name: api
      host: team-a.${domain}
      pathPrefix: /api
      service: api
      middlewares: [secure-headers, rate-limit, authelia@docker]
      priority: 10
      entryPoints: [websecure]
      tls: true
      issuer: letsencrypt
    - host: team-a.${domain}
      service: web
    - rule: Host(`x.${domain}`) && Header(`X-Beta`, `1`)
      service: web
  middlewares:
    rate-limit: {rateLimit: {average: 100, burst: 50}}
)";

// ---- Compiling -----------------------------------------------------------

// A compilation and the files it emits (none when it has errors).
struct Compiled : Compilation
{
  std::vector<emit::OutputFile> files;
};

inline Compiled with_files(Compilation c)
{
  Compiled out{std::move(c), {}};
  out.files = emit_files(out);
  return out;
}

// Compiles `files` (path, YAML) through every stage, emitting; `k_edge` is
// added as edge.yaml unless `with_edge` is false.
inline Compiled compile_files(std::vector<std::pair<std::string, std::string>> files, bool with_edge = true)
{
  std::vector<source::SourceFile> sources;
  if (with_edge) {
    sources.push_back({"edge.yaml", k_edge, ""});
  }
  for (auto& [path, text] : files) {
    sources.push_back({path, text, ""});
  }
  auto source = source::memory_source(std::move(sources));
  return with_files(edgegen::compile(*source));
}

// `edge_yaml` as edge.yaml, then `files`.
inline Compiled compile(const std::string& edge_yaml, std::vector<std::pair<std::string, std::string>> files = {})
{
  files.insert(files.begin(), {"edge.yaml", edge_yaml});
  return compile_files(std::move(files), false);
}

// "file:line:col: CODE: message" of every error, sorted; warnings too when
// asked (most tests are about errors, and their inputs need not be tidy).
inline std::vector<std::string> messages(const diag::Diagnostics& diagnostics, bool with_warnings = false)
{
  std::vector<std::string> out;
  for (const auto& d : diagnostics.sorted()) {
    if (d.severity == diag::Severity::warning && !with_warnings) {
      continue;
    }
    out.push_back(diag::format_location(d.location) + ": " + d.code + ": " + d.message);
  }
  return out;
}

inline std::vector<std::string> messages(const Compilation& c, bool with_warnings = false)
{
  return messages(c.diagnostics, with_warnings);
}

// The errors of `messages`, one per line.
inline std::string errors(const Compilation& c)
{
  std::string out;
  for (const auto& message : messages(c)) {
    out += message + "\n";
  }
  return out;
}

// The model of one environment (by its place in the model, 0 for the only
// one); fails the test if anything reported an error.
inline const model::Config& config_of(const Compilation& c, size_t environment = 0)
{
  EXPECT_EQ(messages(c), std::vector<std::string>{});
  return c.model.environments.at(environment);
}

// The first YAML document of `text`, loaded as the file in.yaml; fails the
// test if loading reports anything.
inline load::Node yaml(const std::string& text)
{
  static const std::string k_file = "in.yaml"; // outlives the nodes, as read_yaml asks
  diag::Diagnostics diagnostics;
  std::vector<load::Node> documents = load::read_yaml(k_file, text, diagnostics);
  EXPECT_EQ(messages(diagnostics, true), std::vector<std::string>{});
  return documents.empty() ? load::Node() : documents.front();
}

// ---- What was rendered ---------------------------------------------------

inline const emit::OutputFile* file(const Compiled& c, const std::string& path)
{
  for (const auto& f : c.files) {
    if (f.path == path) {
      return &f;
    }
  }
  return nullptr;
}

// A rendered YAML file as written, or "<no PATH>".
inline std::string text(const Compiled& c, const std::string& path)
{
  const emit::OutputFile* f = file(c, path);
  return f ? serialise::to_yaml(f->documents) : "<no " + path + ">";
}

// The paths of the rendered files that start with `prefix`.
inline std::vector<std::string> paths(const Compiled& c, const std::string& prefix)
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
inline util::Value document(const Compiled& c, const std::string& kind, const std::string& name)
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

// ---- Rules ---------------------------------------------------------------

// "CODE@offset: message" of every problem of a Traefik rule, joined by
// " | "; empty when the rule is accepted.
inline std::string problems_of(const std::string& text, rules::Protocol protocol = rules::Protocol::http)
{
  std::string out;
  for (const auto& p : rules::parse_rule(text, protocol).problems) {
    out += (out.empty() ? "" : " | ") + p.code + "@" + std::to_string(p.offset) + ": " + p.message;
  }
  return out;
}

// ---- Files and directories -----------------------------------------------

// A scratch directory, removed with everything in it afterwards.
class TempDir
{
public:
  TempDir()
  {
    static int counter = 0;
    m_path = (std::filesystem::temp_directory_path() /
              ("edgegen-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)))
                 .string();
    std::filesystem::remove_all(m_path);
    std::filesystem::create_directories(m_path);
  }
  ~TempDir()
  {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return m_path; }
  std::string operator/(const std::string& rel) const { return m_path + "/" + rel; }

private:
  std::string m_path;
};

// Writes `bytes` to `path`, creating its directories.
inline void put(const std::string& path, const std::string& bytes)
{
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

inline std::string get(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// True for anything at `path`, a dangling symbolic link too.
inline bool exists(const std::string& path)
{
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

// Every YAML file of the repository below `roots` (by default the examples,
// the starter, the templates, the test inputs, valid and broken, and the
// fuzzing seeds), up to 1 MiB each: (path, bytes), in the walk's order. Tests
// run from the repository's root.
inline std::vector<std::pair<std::string, std::string>>
repository_yaml(std::vector<std::string> roots = {"examples", "starter", "templates", "tests", "fuzz"})
{
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& root : roots) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (entry.is_regular_file() && (entry.path().extension() == ".yaml" || entry.path().extension() == ".yml") &&
          entry.file_size() <= 1024 * 1024) {
        out.emplace_back(entry.path().generic_string(), get(entry.path().string()));
      }
    }
  }
  return out;
}

// Every entry below `dir`, relative, sorted, directories with a trailing '/'.
inline std::vector<std::string> listing(const std::string& dir)
{
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    std::string rel = std::filesystem::relative(entry.path(), dir).generic_string();
    out.push_back(entry.is_directory() && !entry.is_symlink() ? rel + "/" : rel);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A text file of a render, as a target would hand it over.
inline emit::OutputFile text_output(std::string path, std::string text, int rank = 0)
{
  emit::OutputFile file;
  file.path = std::move(path);
  file.format = emit::OutputFile::Format::text;
  file.text = std::move(text);
  file.rank = rank;
  return file;
}

// Text files (path, bytes) rendered as write/ renders them.
inline std::vector<serialise::RenderedFile> render(const std::vector<std::pair<std::string, std::string>>& files)
{
  std::vector<emit::OutputFile> outputs;
  for (const auto& [path, text] : files) {
    outputs.push_back(text_output(path, text));
  }
  return serialise::render_files(outputs, {});
}

} // namespace edgegen::testing
