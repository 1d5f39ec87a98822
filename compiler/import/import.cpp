#include "import/import.hpp"

#include "import/kubernetes.hpp"
#include "import/secrets.hpp"
#include "import/toml_reader.hpp"
#include "load/load.hpp"
#include "pipeline.hpp"
#include "serialise/serialise.hpp"
#include "util/strings.hpp"

#include <algorithm>
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

// Traefik's static file or a dynamic file, told apart by contents; false
// for a file that is neither.
bool read_traefik_file(const load::Node& root, TraefikConfig& config, diag::Diagnostics& diagnostics)
{
  bool map = root.is_map();
  if (map && (root.find("entryPoints") || root.find("providers") || root.find("certificatesResolvers"))) {
    read_static(root, config, diagnostics);
  } else if (map && !root.find("services") && (root.find("http") || root.find("tls"))) {
    read_dynamic(root, config, diagnostics);
  } else {
    return false;
  }
  return true;
}

bool is_traefik_file(const std::string& name)
{
  return util::ends_with(name, ".yml") || util::ends_with(name, ".yaml") || util::ends_with(name, ".toml");
}

// A fleet's routers only ask for TLS (tls: true): a certificate worker
// obtains their certificates, with an issuer these files do not hold. The
// static file's resolver stands for it when there is one; else a
// placeholder Issuer does, reported (W0617).
void worker_issuer(const TraefikConfig& config, Naming& naming, diag::Diagnostics& diagnostics)
{
  if (!naming.default_issuer.empty() || !naming.files_issuer.empty()) {
    return;
  }
  const Router* bare = nullptr;
  for (const auto& [name, router] : config.routers) {
    if (!bare && effective_tls(router, config) && effective_resolver(router, config).empty()) {
      bare = &router;
    }
  }
  if (!bare) {
    return;
  }
  if (!config.resolvers.empty()) {
    naming.default_issuer = config.resolvers.begin()->first;
    return;
  }
  naming.worker_issuer = "certificate-worker";
  diagnostics.warning("W0617", bare->location,
                      "router \"" + bare->name +
                          "\" and the other TLS routers without a certificate resolver get their certificates "
                          "from outside the KV; the Issuer \"certificate-worker\" written for them is a "
                          "placeholder (ACME DNS-01 by lego's manual provider, email hostmaster@example.com)",
                      "set the email and solver the certificate worker uses in issuers.yaml, or give the static "
                      "file with its certificatesResolvers");
}

} // namespace

void finish(Imported& imported, diag::Diagnostics& diagnostics)
{
  for (const auto& transport : imported.config.transport_locations) {
    const std::string& name = transport.first; // not a structured binding: the lambda captures it
    const auto& at = transport.second;
    bool used = std::any_of(imported.config.services.begin(), imported.config.services.end(),
                            [&](const auto& service) { return service.second.transport() == name; });
    if (!used) {
      diagnostics.warning("W0615", at,
                          "serversTransports." + name +
                              " is not carried over: no service uses it, and edgegen writes a service's own",
                          "give the service that should use it `tls` in its Project");
    }
  }
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
  Naming named = name_issuers(imported.config, imported.naming.provider, imported.naming.compose, diagnostics);
  named.redis = imported.naming.redis;
  named.root_key = imported.naming.root_key;
  named.kubernetes = imported.naming.kubernetes;
  imported.naming = std::move(named);
  if (imported.naming.redis) {
    worker_issuer(imported.config, imported.naming, diagnostics);
  }
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
      if (!read_traefik_file(root, imported.config, diagnostics)) {
        read_compose(root, imported.config, imported.label_trees, diagnostics);
      }
    });
  }
  finish(imported, diagnostics);
  return imported;
}

Imported import_redis(const std::vector<Input>& inputs, diag::Diagnostics& diagnostics)
{
  Imported imported;
  imported.naming.provider = "redis";
  imported.naming.redis = true;
  // The static file's root key, if one is given, is the dumps' one.
  std::vector<const Input*> dumps;
  for (const auto& input : inputs) {
    if (!is_traefik_file(input.name)) {
      dumps.push_back(&input);
      continue;
    }
    read_input(input, imported, diagnostics, [&](const load::Node& root) {
      if (!read_traefik_file(root, imported.config, diagnostics)) {
        diagnostics.error("E0427", root.location(),
                          "not a Traefik static or dynamic configuration: it has none of entryPoints, providers, "
                          "certificatesResolvers, http and tls",
                          "`edgegen import redis DUMP [traefik.yml] [DYNAMIC...]` reads a dump of the KV keys "
                          "(kv.json or key and value lines) and Traefik's own YAML or TOML files");
      }
    });
  }
  imported.naming.root_key = imported.config.redis_root_key;
  for (const Input* dump : dumps) {
    imported.inputs.files.push_back({dump->name, dump->bytes});
    size_t first = dump->bytes.find_first_not_of(" \t\r\n");
    bool json = first != std::string::npos && dump->bytes[first] == '{';
    imported.documents.push_back(std::make_unique<std::vector<load::Node>>(
        json ? load::read_yaml(diag::FileName(dump->name).str(), dump->bytes, diagnostics)
             : std::vector<load::Node>{}));
    read_redis_dump(*dump, *imported.documents.back(), imported.config, imported.label_trees, imported.naming.root_key,
                    diagnostics);
  }
  finish(imported, diagnostics);
  return imported;
}

namespace {

// The entry points the routes name: Traefik's Helm chart's web (:80) and
// websecure (:443), and any other with an address the manifests do not
// hold (W0619). A route without entry points is on every one (W0620 where
// that differs between web and websecure).
void kubernetes_entry_points(TraefikConfig& config, diag::Diagnostics& diagnostics)
{
  for (const char* name : {"web", "websecure"}) {
    config.entry_points[name] = {name, {}, std::string(":") + (name == std::string("web") ? "80" : "443"),
                                 {},   {}, false};
  }
  int next = 8000;
  for (auto& [name, router] : config.routers) {
    for (const auto& entry : router.entry_points) {
      if (!config.entry_points.count(entry)) {
        std::string address = ":" + std::to_string(next++);
        config.entry_points[entry] = {entry, router.location, address, {}, {}, false};
        diagnostics.warning("W0619", router.location,
                            "entry point \"" + entry + "\" of router \"" + name +
                                "\" has no address in these manifests (Traefik's own settings hold it); the import "
                                "gives it " +
                                address,
                            "set its address in edge.yaml (Edge.spec.entryPoints." + dns_label(entry) + ".address)");
      }
    }
  }
  // A router without entry points is on every one. Only websecure makes its
  // routers TLS, as Traefik's chart has it (ports.websecure.tls.enabled).
  std::map<std::string, Router> added;
  for (auto& [name, router] : config.routers) {
    if (!router.entry_points.empty()) {
      continue;
    }
    if (router.tls) {
      // TLS on web too, where it answers only a client that speaks TLS to :80.
      router.entry_points = {"websecure"};
      diagnostics.warning("W0620", router.location,
                          "router \"" + name +
                              "\" names no entry point and is TLS everywhere, so on web (:80) Traefik answers it "
                              "only to clients that speak TLS to port 80; the import puts it on websecure alone",
                          "name its entry points (traefik.ingress.kubernetes.io/router.entrypoints, or an "
                          "IngressRoute's entryPoints) to say where it belongs");
    } else if (router.ingress_tls) {
      // Plain on web, TLS on websecure: two routes say the same.
      std::string plain_name = name + "-web";
      for (int n = 2; config.routers.count(plain_name) || added.count(plain_name); ++n) {
        plain_name = name + "-web-" + std::to_string(n);
      }
      Router plain = router;
      plain.name = plain_name;
      plain.entry_points = {"web"};
      plain.ingress_tls = false;
      plain.tls_secret.clear();
      plain.cert_resolver.clear();
      router.entry_points = {"websecure"};
      router.tls = true;
      diagnostics.warning("W0620", router.location,
                          "router \"" + name +
                              "\" names no entry point, so Traefik serves it in plain HTTP on web (:80) as well as "
                              "with TLS on websecure (:443); the import writes both, as \"" +
                              plain_name + "\" and \"" + name + "\"",
                          "if port 80 should only redirect, delete the route \"" + plain_name +
                              "\" and give web `redirectTo: websecure` in edge.yaml");
      added.emplace(plain_name, std::move(plain));
    } else {
      for (const auto& [entry, unused] : config.entry_points) {
        router.entry_points.push_back(entry);
      }
    }
  }
  config.routers.merge(added);
}

} // namespace

Imported import_kubernetes(const std::vector<Input>& inputs, diag::Diagnostics& diagnostics)
{
  Imported imported;
  imported.naming.provider = "kubernetes";
  imported.naming.kubernetes = true;
  std::vector<const load::Node*> roots;
  for (const auto& input : inputs) {
    read_input(input, imported, diagnostics, [&](const load::Node& root) { roots.push_back(&root); });
  }
  read_kubernetes(roots, imported.config, diagnostics);
  finish_kubernetes(imported.config);
  for (auto& [name, router] : imported.config.routers) {
    if (!router.cert_resolver.empty() && !imported.config.resolvers.count(router.cert_resolver)) {
      diagnostics.warning("W0615", router.location,
                          "router \"" + name + "\": the certificate resolver or issuer \"" + router.cert_resolver +
                              "\" is not carried over: it is not among these manifests (a certificate resolver "
                              "is Traefik's static configuration)",
                          "give its cert-manager Issuer among the inputs, or set the route's issuer");
      router.cert_resolver.clear();
    }
  }
  const std::string& written_class = imported.config.kubernetes.ingress_class;
  const std::string ingress_class = written_class.empty() ? "traefik" : written_class;
  for (const auto& [name, resolver] : imported.config.resolvers) {
    if (!resolver.http01_class.empty() && resolver.http01_class != ingress_class) {
      diagnostics.warning("W0615", resolver.http01_class_location,
                          "Issuer " + name + ": the HTTP-01 solver's Ingress class \"" + resolver.http01_class +
                              "\" is not carried over: edgegen's solver uses the Edge's class \"" + ingress_class +
                              "\"",
                          "set Edge.spec.kubernetes.ingressClass to the class Traefik watches");
    }
  }
  kubernetes_entry_points(imported.config, diagnostics);
  finish(imported, diagnostics);
  // A Service of the namespace keeps its name (a route's backend names
  // it); an ExternalName one is edgegen's <project>-<service>.
  for (const auto& [name, service] : imported.config.services) {
    std::string host = service.urls.empty() ? "" : service.urls.front().substr(service.urls.front().find("://") + 3);
    if (host.substr(0, host.find(':')) == name) {
      imported.plan.service_names[name] = name;
    }
  }
  return imported;
}

Proof prove(const Imported& imported)
{
  Proof proof;
  Compilation c = compile(*source::memory_source(imported.files));
  const std::vector<emit::OutputFile> files = emit_files(c);
  proof.tree = std::move(c.tree);
  proof.diagnostics = std::move(c.diagnostics);
  if (proof.diagnostics.has_errors()) {
    return proof;
  }
  if (imported.naming.kubernetes) {
    proof.differences = compare_kubernetes(imported.config, files, imported.plan, imported.naming);
    return proof;
  }
  // The render, read back by the reader of the input.
  TraefikConfig rendered;
  diag::Diagnostics ignored; // what edgegen writes is read without complaint
  std::vector<std::vector<load::Node>> kept;
  std::deque<load::Node> label_trees;
  kept.reserve(files.size());
  for (const auto& file : files) {
    bool is_static = util::starts_with(file.path, "default/traefik/traefik.y");
    bool is_dynamic = util::starts_with(file.path, "default/traefik/dynamic/");
    bool is_compose = imported.naming.compose && file.path == "default/compose/compose.yaml";
    bool is_kv = imported.naming.redis && file.path == "default/traefik/kv.json";
    if (!is_static && !is_dynamic && !is_compose && !is_kv) {
      continue;
    }
    const std::string& name = diag::FileName(file.path).str();
    if (is_kv) {
      Input dump{file.path, serialise::to_json(file.documents.front())};
      kept.push_back(load::read_yaml(name, dump.bytes, ignored));
      std::string root_key = imported.naming.root_key;
      read_redis_dump(dump, kept.back(), rendered, label_trees, root_key, ignored);
      continue;
    }
    kept.push_back(load::read_yaml(name, serialise::to_yaml(file.documents), ignored));
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
