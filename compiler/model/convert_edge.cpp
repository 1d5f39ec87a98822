// Edge, Environment and Issuer: validated nodes -> typed structs with defaults.
#include "model/internal.hpp"

#include <algorithm>

namespace edgegen::model::detail {

namespace {

const char* k_production = "https://acme-v02.api.letsencrypt.org/directory";
const char* k_staging = "https://acme-staging-v02.api.letsencrypt.org/directory";

std::optional<SecretRef> get_secret_ref(const Node& map, const std::string& key)
{
  const Node* ref = map.find(key);
  if (!ref || !ref->is_map()) {
    return std::nullopt;
  }
  return SecretRef{get_string(*ref, "name"), get_string(*ref, "key")};
}

std::vector<EntryPoint> convert_entry_points(const Node* map)
{
  std::vector<EntryPoint> out;
  if (!map || !map->is_map()) {
    EntryPoint web{"web", ":80", {"websecure", {}, {}}, {}, {}};
    EntryPoint websecure{"websecure", ":443", {}, {}, {}};
    return {web, websecure};
  }
  for (size_t i = 0; i < map->keys.size(); ++i) {
    const Node& spec = map->items[i];
    out.push_back({map->keys[i], get_string(spec, "address"), get_ref(spec, "redirectTo"), map->key_location(i),
                   location_of(spec, "address")});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

TraefikSettings convert_traefik(const Node* spec)
{
  TraefikSettings out;
  if (!spec || !spec->is_map()) {
    return out;
  }
  out.dynamic_directory = get_string(*spec, "dynamicDirectory", out.dynamic_directory);
  out.acme_storage = get_string(*spec, "acmeStorage", out.acme_storage);
  out.acme_storage_location = location_of(*spec, "acmeStorage");
  if (const Node* written = spec->find("accessLog")) {
    out.access_log_location = written->location();
  }
  if (const Node* written = spec->find("log")) {
    out.log_location = written->location();
  }
  if (const Node* access_log = spec->find("accessLog"); access_log && access_log->is_map()) {
    out.access_log = true;
    out.access_log_file = get_string(*access_log, "filePath");
    out.access_log_file_location = location_of(*access_log, "filePath");
    out.access_log_format = get_string(*access_log, "format");
  } else {
    out.access_log = get_bool(*spec, "accessLog", out.access_log);
  }
  out.ping = get_bool(*spec, "ping", out.ping);
  if (const Node* log = spec->find("log"); log && log->is_map()) {
    out.log_level = get_string(*log, "level", out.log_level);
    out.log_format = get_string(*log, "format");
  }
  if (const Node* tls = spec->find("tls"); tls && tls->is_map()) {
    out.tls_min_version = get_string(*tls, "minVersion", out.tls_min_version);
    out.sni_strict = get_bool(*tls, "sniStrict", out.sni_strict);
    out.cipher_suites = get_strings(*tls, "cipherSuites");
  }
  return out;
}

KubernetesSettings convert_kubernetes(const Node* spec)
{
  KubernetesSettings out;
  if (!spec || !spec->is_map()) {
    return out;
  }
  if (get_string(*spec, "routing") == "ingress") {
    out.routing = KubernetesSettings::Routing::ingress;
  }
  out.namespace_name = get_string(*spec, "namespace", out.namespace_name);
  out.create_namespace = get_bool(*spec, "createNamespace", out.create_namespace);
  out.ingress_class = get_string(*spec, "ingressClassName", out.ingress_class);
  if (const Node* values = spec->find("traefikValues"); values && values->is_map()) {
    auto& out_values = out.traefik_values;
    bool config_map = get_string(*values, "kind") == "ConfigMap";
    out_values.kind = config_map ? KubernetesSettings::TraefikValues::Kind::config_map
                                 : KubernetesSettings::TraefikValues::Kind::helm_chart_config;
    out_values.name = get_string(*values, "name", config_map ? "traefik-edgegen-values" : "traefik");
    out_values.namespace_name = get_string(*values, "namespace", config_map ? "" : "kube-system");
    out_values.location = values->location();
  }
  if (const Node* shards = spec->find("shards"); shards && shards->kind == Node::Kind::integer) {
    out.shards = shards->integer;
  }
  return out;
}

FluxSettings convert_flux(const Node* spec)
{
  FluxSettings out;
  if (!spec || !spec->is_map()) {
    return out;
  }
  if (const Node* source = spec->find("sourceRef"); source && source->is_map()) {
    out.source_kind = get_string(*source, "kind", out.source_kind);
    out.source_name = get_string(*source, "name");
    out.source_namespace = get_string(*source, "namespace");
  }
  out.interval = get_string(*spec, "interval", out.interval);
  out.depends_on = get_strings(*spec, "dependsOn");
  return out;
}

ArgoCdSettings convert_argocd(const Node* spec)
{
  ArgoCdSettings out;
  if (spec && spec->is_map()) {
    out.project = get_string(*spec, "project", out.project);
  }
  return out;
}

AcmeSolver::Route53 convert_route53(const Node& spec)
{
  AcmeSolver::Route53 out;
  out.region = get_string(spec, "region");
  out.hosted_zone_id = get_string(spec, "hostedZoneID");
  out.role = get_string(spec, "role");
  out.access_key_id = get_secret_ref(spec, "accessKeyIDSecretRef");
  out.secret_access_key = get_secret_ref(spec, "secretAccessKeySecretRef");
  return out;
}

Dashboard convert_dashboard(const Node* spec)
{
  Dashboard out;
  if (!spec || !spec->is_map()) {
    return out;
  }
  out.enabled = true;
  out.host = get_string(*spec, "host");
  out.host_location = location_of(*spec, "host");
  out.middlewares = get_refs(*spec, "middlewares");
  out.entry_points = get_refs(*spec, "entryPoints");
  out.issuer = get_ref(*spec, "issuer");
  out.tls = get_bool(*spec, "tls", true);
  out.insecure = get_bool(*spec, "insecure", false);
  out.insecure_location = location_of(*spec, "insecure");
  out.location = spec->location();
  return out;
}

} // namespace

std::vector<CertificateRequest> convert_certificates(const Node& spec)
{
  std::vector<CertificateRequest> out;
  const Node* list = spec.find("certificates");
  if (!list || !list->is_list()) {
    return out;
  }
  for (const auto& item : list->items) {
    CertificateRequest request;
    request.domains = get_strings(item, "domains");
    request.name = get_string(item, "name");
    request.issuer = get_ref(item, "issuer");
    request.duration = get_string(item, "duration");
    request.renew_before = get_string(item, "renewBefore");
    request.location = item.location();
    if (const Node* domains = item.find("domains"); domains && domains->is_list()) {
      for (const auto& domain : domains->items) {
        request.domain_locations.push_back(domain.location());
      }
    }
    out.push_back(std::move(request));
  }
  return out;
}

Edge convert_edge(const load::Document& document, const Node& spec)
{
  Edge out;
  out.name = document.name;
  out.location = document.root.location();
  out.targets = get_strings(spec, "targets");
  if (out.targets.empty()) {
    out.targets = {"traefik"};
  }
  std::sort(out.targets.begin(), out.targets.end());
  out.targets.erase(std::unique(out.targets.begin(), out.targets.end()), out.targets.end());
  out.entry_points = convert_entry_points(spec.find("entryPoints"));
  out.default_issuer = get_ref(spec, "defaultIssuer");
  out.dashboard = convert_dashboard(spec.find("dashboard"));
  if (const Node* git = spec.find("git"); git && git->is_map()) {
    out.git.url = get_string(*git, "url");
    out.git.branch = get_string(*git, "branch", out.git.branch);
    out.git.path = get_string(*git, "path", out.git.path);
    if (const Node* secret = git->find("secretRef"); secret && secret->is_map()) {
      out.git.secret_name = get_string(*secret, "name");
    }
  }
  out.exclude = get_strings(spec, "exclude");
  out.certificates = convert_certificates(spec);
  out.traefik = convert_traefik(spec.find("traefik"));
  if (!spec.find("traefik") || !spec.find("traefik")->find("acmeStorage")) {
    out.traefik.acme_storage_location = out.location;
  }
  if (out.traefik.access_log_file.empty()) {
    out.traefik.access_log_file_location = out.location;
  }
  out.dns.location = out.location;
  apply_target_settings(out, spec);
  out.kubernetes = convert_kubernetes(spec.find("kubernetes"));
  out.flux = convert_flux(spec.find("flux"));
  out.argocd = convert_argocd(spec.find("argocd"));
  read_metadata(document, out.labels, out.annotations);
  return out;
}

Environment convert_environment(const load::Document& document, const Node& spec)
{
  Environment out;
  out.name = document.name;
  out.location = document.root.location();
  out.issuer = get_ref(spec, "issuer");
  out.certificates = convert_certificates(spec);
  if (const Node* kubernetes = spec.find("kubernetes"); kubernetes && kubernetes->is_map()) {
    out.kubernetes_namespace = get_string(*kubernetes, "namespace");
  }
  return out;
}

Issuer convert_issuer(const load::Document& document, const Node& spec)
{
  Issuer out;
  out.name = document.name;
  out.location = document.root.location();
  read_metadata(document, out.labels, out.annotations);
  if (const Node* kubernetes = spec.find("kubernetes"); kubernetes && kubernetes->is_map()) {
    out.cluster_scoped = get_string(*kubernetes, "kind", "ClusterIssuer") == "ClusterIssuer";
    out.duration = get_string(*kubernetes, "duration");
    out.renew_before = get_string(*kubernetes, "renewBefore");
  }
  if (const Node* files = spec.find("files"); files && files->is_map()) {
    out.type = Issuer::Type::files;
    if (const Node* list = files->find("certificates"); list && list->is_list()) {
      for (const auto& item : list->items) {
        out.certificates.push_back(
            {get_string(item, "certFile"), get_string(item, "keyFile"), get_strings(item, "domains")});
      }
    }
    return out;
  }
  const Node* acme = spec.find("acme");
  if (!acme || !acme->is_map()) {
    return out;
  }
  out.email = get_string(*acme, "email");
  std::string server = get_string(*acme, "server", "production");
  out.staging = server == "staging";
  out.server = server == "production" ? k_production : server == "staging" ? k_staging : server;
  out.private_key = get_secret_ref(*acme, "privateKeySecretRef");
  const Node* solver = acme->find("solver");
  if (solver && solver->is_map()) {
    out.solver.dns_zones = get_strings(*solver, "dnsZones");
  }
  if (const Node* dns01 = solver ? solver->find("dns01") : nullptr; dns01 && dns01->is_map()) {
    out.solver.type = AcmeSolver::Type::dns01;
    out.solver.provider = get_string(*dns01, "provider");
    out.solver.provider_location = location_of(*dns01, "provider");
    out.solver.resolvers = get_strings(*dns01, "resolvers");
    out.solver.resolvers_location = location_of(*dns01, "resolvers");
    out.solver.api_token = get_secret_ref(*dns01, "apiTokenSecretRef");
    out.solver.delay_before_check = get_string(*dns01, "delayBeforeCheck");
    out.solver.delay_before_check_location = location_of(*dns01, "delayBeforeCheck");
    if (const Node* route53 = dns01->find("route53"); route53 && route53->is_map()) {
      out.solver.route53 = convert_route53(*route53);
    }
    if (const Node* webhook = dns01->find("webhook"); webhook && webhook->is_map()) {
      const Node* config = webhook->find("config");
      out.solver.webhook = AcmeSolver::Webhook{get_string(*webhook, "groupName"), get_string(*webhook, "solverName"),
                                               config ? to_value(*config) : util::Value()};
    }
  } else if (const Node* http01 = solver ? solver->find("http01") : nullptr; http01 && http01->is_map()) {
    out.solver.entry_point = get_ref(*http01, "entryPoint");
  }
  return out;
}

} // namespace edgegen::model::detail
