#include "import/import.hpp"

#include "import/secrets.hpp"
#include "import/toml_reader.hpp"
#include "load/load.hpp"
#include "pipeline.hpp"
#include "util/strings.hpp"
#include "write/write.hpp"

#include <deque>

namespace edgegen::import {

namespace {

// Parses `input` and hands each document to `read`.
template <typename Read>
void read_input(const Input& input, Imported& imported, diag::Diagnostics& diagnostics, Read read)
{
  const std::string& name = diag::FileName(input.name).str();
  imported.inputs.files.push_back({input.name, input.bytes});
  bool toml = util::ends_with(input.name, ".toml");
  imported.documents.push_back(std::make_unique<std::vector<load::Node>>(
      toml ? read_toml(name, input.bytes, diagnostics) : load::read_yaml(name, input.bytes, diagnostics)));
  for (const auto& root : *imported.documents.back()) {
    read(root);
  }
}

} // namespace

void finish(Imported& imported, diag::Diagnostics& diagnostics)
{
  move_secrets(imported.config, diagnostics);
  imported.plan = plan_projects(imported.config, imported.naming.provider, diagnostics);
  if (imported.config.dashboard && imported.plan.dashboard_routers.empty()) {
    diagnostics.warning("W0615", imported.config.dashboard_location,
                        "api.dashboard is not carried over: no router serves api@internal, and edgegen serves the "
                        "dashboard on a host (Edge.spec.dashboard.host)",
                        "set Edge.spec.dashboard: {host: traefik.example.com, middlewares: [...]}");
  }
  if (imported.config.api_insecure && imported.plan.dashboard_routers.empty()) {
    diagnostics.warning("W0615", imported.config.api_insecure_location,
                        "api.insecure is not carried over: edgegen serves the dashboard on a host "
                        "(Edge.spec.dashboard), and `insecure: true` there only with that host",
                        "add a router to api@internal with the rule Host(`...`)");
  }
  imported.naming = name_issuers(imported.config, imported.naming.provider, imported.naming.compose, diagnostics);
  if (!diagnostics.has_errors()) {
    imported.files = desired_tree(imported.config, imported.plan, imported.naming, imported.listing);
  }
}

Imported import_traefik(const std::vector<Input>& inputs, diag::Diagnostics& diagnostics)
{
  Imported imported;
  for (size_t i = 0; i < inputs.size(); ++i) {
    read_input(inputs[i], imported, diagnostics, [&](const load::Node& root) {
      if (i == 0) {
        read_static(root, imported.config, diagnostics);
      } else {
        read_dynamic(root, imported.config, diagnostics);
      }
    });
  }
  if (imported.config.docker_provider) {
    diagnostics.warning("W0615", imported.config.docker_location,
                        "providers.docker is not carried over: the routers of the containers' labels are not in "
                        "these files",
                        "import them with `edgegen import compose COMPOSE_FILE... " + inputs.front().name +
                            " DYNAMIC...`");
  }
  finish(imported, diagnostics);
  return imported;
}

Imported import_compose(const std::vector<Input>& inputs, diag::Diagnostics& diagnostics)
{
  Imported imported;
  imported.naming.provider = "docker";
  imported.naming.compose = true;
  for (const auto& input : inputs) {
    // Traefik's own files may come along: the static file (entry points,
    // resolvers) and dynamic files (the middlewares labels refer to @file).
    read_input(input, imported, diagnostics, [&](const load::Node& root) {
      bool map = root.is_map();
      if (map && (root.find("entryPoints") || root.find("providers") || root.find("certificatesResolvers"))) {
        read_static(root, imported.config, diagnostics);
      } else if (map && !root.find("services") && (root.find("http") || root.find("tls"))) {
        read_dynamic(root, imported.config, diagnostics);
      } else {
        read_compose(root, imported.config, imported.label_trees, diagnostics);
      }
    });
  }
  finish(imported, diagnostics);
  return imported;
}

Proof prove(const Imported& imported)
{
  Proof proof;
  Compilation c = compile(*source::memory_source(imported.files), true);
  proof.tree = std::move(c.tree);
  proof.diagnostics = std::move(c.diagnostics);
  if (proof.diagnostics.has_errors()) {
    return proof;
  }
  // The render, read back by the reader of the input.
  TraefikConfig rendered;
  diag::Diagnostics ignored; // what edgegen writes is read without complaint
  std::vector<std::vector<load::Node>> kept;
  std::deque<load::Node> label_trees;
  kept.reserve(c.files.size());
  for (const auto& file : c.files) {
    bool is_static = util::starts_with(file.path, "default/traefik/traefik.y");
    bool is_dynamic = util::starts_with(file.path, "default/traefik/dynamic/");
    bool is_compose = imported.naming.compose && file.path == "default/compose/compose.yaml";
    if (!is_static && !is_dynamic && !is_compose) {
      continue;
    }
    const std::string& name = diag::FileName(file.path).str();
    kept.push_back(load::read_yaml(name, write::to_yaml(file.documents), ignored));
    for (const auto& root : kept.back()) {
      if (is_static) {
        read_static(root, rendered, ignored);
      } else if (is_dynamic) {
        read_dynamic(root, rendered, ignored);
      } else {
        read_compose(root, rendered, label_trees, ignored);
      }
    }
  }
  proof.differences = compare(imported.config, rendered, imported.plan, imported.naming);
  return proof;
}

} // namespace edgegen::import
