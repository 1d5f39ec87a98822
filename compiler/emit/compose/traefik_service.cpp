// The Traefik container of compose.yaml and what it mounts: the rendered
// files, the ACME storage, the access log, the files the input only names
// (users files, the DNS provider's credentials), and the Valkey it reads
// with traefik-redis.
#include "emit/compose/compose.hpp"

#include "emit/traefik/traefik.hpp"

#include <algorithm>
#include <set>

namespace edgegen::emit::compose {

namespace {

using util::Value;

// "[host]:port[/tcp|/udp]" -> the long port syntax, which (unlike
// "80:80") has no trouble with IPv6 host addresses.
Value port(const std::string& address)
{
  std::string rest = address;
  std::string protocol = "tcp";
  if (size_t slash = rest.rfind('/'); slash != std::string::npos) {
    protocol = rest.substr(slash + 1);
    rest.resize(slash);
  }
  size_t colon = rest.rfind(':');
  std::string host = colon == std::string::npos ? "" : rest.substr(0, colon);
  std::string number = colon == std::string::npos ? rest : rest.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  int64_t value = 0;
  for (char c : number) {
    value = value * 10 + (c >= '0' && c <= '9' ? c - '0' : 0);
  }
  Value out;
  out["target"] = value;
  out["published"] = value;
  out["protocol"] = protocol;
  if (!host.empty()) {
    out["host_ip"] = host;
  }
  return out;
}

std::string directory_of(const std::string& path)
{
  size_t slash = path.rfind('/');
  return slash == std::string::npos || slash == 0 ? "/" : path.substr(0, slash);
}

// The files Traefik reads from secretsDirectory: the users files basicAuth
// and digestAuth name and the CAs of services' `tls` (absolute paths in the
// container), sorted and unique.
std::set<std::string> mounted_files(const model::Config& config)
{
  std::set<std::string> out;
  auto add = [&](const model::Middleware& middleware) {
    if (middleware.type != "basicAuth" && middleware.type != "digestAuth") {
      return;
    }
    const auto& options = middleware.config.as_map();
    auto found = options.find(middleware.type);
    if (found == options.end() || !found->second.is_map()) {
      return;
    }
    auto file = found->second.as_map().find("usersFile");
    if (file != found->second.as_map().end() && file->second.is_string() && !file->second.as_string().empty() &&
        file->second.as_string().front() == '/') {
      out.insert(file->second.as_string());
    }
  };
  std::for_each(config.middlewares.begin(), config.middlewares.end(), add);
  for (const auto& project : config.projects) {
    std::for_each(project.middlewares.begin(), project.middlewares.end(), add);
    for (const auto& service : project.services) {
      if (service.tls && !service.tls->ca.empty() && service.tls->ca.front() == '/') {
        out.insert(service.tls->ca);
      }
    }
  }
  return out;
}

} // namespace

bool acme_storage_needed(const model::Config& config)
{
  return !traefik::certificates_from_worker(config) &&
         std::any_of(config.issuers.begin(), config.issuers.end(),
                     [](const model::Issuer& issuer) { return issuer.type == model::Issuer::Type::acme; });
}

bool dns_credentials_needed(const model::Config& config)
{
  return acme_storage_needed(config) &&
         std::any_of(config.issuers.begin(), config.issuers.end(), [](const model::Issuer& issuer) {
           return issuer.type == model::Issuer::Type::acme && issuer.solver.type == model::AcmeSolver::Type::dns01;
         });
}

bool access_log_volume_needed(const model::Config& config)
{
  return config.edge.traefik.access_log && !config.edge.traefik.access_log_file.empty();
}

bool valkey_on(const model::Config& config)
{
  return !config.edge.compose.valkey_image.empty() && traefik::dynamic_in_kv(config);
}

util::Value traefik_service(const model::Config& config)
{
  const auto& settings = config.edge.compose;
  const auto& traefik = config.edge.traefik;
  Value out;
  out["image"] = settings.traefik_image;
  out["restart"] = "unless-stopped";
  for (const auto& entry_point : config.edge.entry_points) {
    out["ports"].push_back(port(entry_point.address));
  }
  // api.insecure serves the dashboard on Traefik's own entry point, :8080;
  // published on the host's loopback only, never to the network.
  if (config.edge.dashboard.enabled && config.edge.dashboard.insecure) {
    out["ports"].push_back("127.0.0.1:8080:8080");
  }
  // Traefik reads /etc/traefik/traefik.yml when started without flags, and
  // so does `traefik healthcheck`.
  out["volumes"].push_back(settings.traefik_directory + "/traefik.yml:/etc/traefik/traefik.yml:ro");
  // The rendered tree has <env>/traefik/dynamic only when the files hold the
  // dynamic configuration. With the KV holding it, a bind mount of that
  // missing directory would make Docker create an empty root-owned one; the
  // file provider still watches the directory for the certificate worker's
  // file, so it is a volume the worker can fill.
  if (traefik::dynamic_in_kv(config)) {
    out["volumes"].push_back(std::string(k_dynamic_volume) + ":" + traefik.dynamic_directory + ":ro");
  } else {
    out["volumes"].push_back(settings.traefik_directory + "/dynamic:" + traefik.dynamic_directory + ":ro");
  }
  // The docker provider reads labels through the socket; with the KV there
  // are no labels, and Traefik gets no access to the Docker engine.
  if (!traefik::dynamic_in_kv(config)) {
    out["volumes"].push_back("/var/run/docker.sock:/var/run/docker.sock:ro");
  }
  // check/ (E0477) keeps this directory away from "/" and the system's.
  if (acme_storage_needed(config)) {
    out["volumes"].push_back(std::string(k_acme_volume) + ":" + directory_of(traefik.acme_storage));
  }
  // Traefik writes the access log file itself (E0495 keeps its directory
  // apart from the others).
  if (access_log_volume_needed(config)) {
    out["volumes"].push_back(std::string(k_access_log_volume) + ":" + directory_of(traefik.access_log_file));
  }
  for (const auto& file : mounted_files(config)) {
    out["volumes"].push_back(settings.secrets_directory + file + ":" + file + ":ro");
  }
  // lego reads a DNS provider's credentials from variables (CF_DNS_API_TOKEN,
  // or CF_DNS_API_TOKEN_FILE naming a file): a file the input names, never
  // the values.
  if (dns_credentials_needed(config)) {
    out["env_file"] = Value::List{settings.traefik_env_file};
  }
  if (valkey_on(config)) {
    out["depends_on"]["valkey"]["condition"] = "service_healthy";
  }
  if (traefik.ping) {
    Value& check = out["healthcheck"];
    check["test"] = Value::List{"CMD", "traefik", "healthcheck", "--ping"};
    check["interval"] = "10s";
    check["timeout"] = "5s";
    check["retries"] = 3;
    check["start_period"] = "10s";
  }
  out["networks"] = Value::List{settings.network};
  return out;
}

util::Value valkey_service(const model::Config& config)
{
  Value out;
  out["image"] = config.edge.compose.valkey_image;
  out["restart"] = "unless-stopped";
  // Traefik's redis provider watches its keys through keyspace events (it
  // also asks for them with CONFIG SET, which a server may refuse).
  out["command"] = Value::List{"valkey-server", "--notify-keyspace-events", "KEA", "--appendonly", "yes"};
  out["volumes"].push_back(std::string(k_valkey_volume) + ":/data");
  Value& check = out["healthcheck"];
  check["test"] = Value::List{"CMD", "valkey-cli", "ping"};
  check["interval"] = "10s";
  check["timeout"] = "5s";
  check["retries"] = 3;
  out["networks"] = Value::List{config.edge.compose.network};
  return out;
}

} // namespace edgegen::emit::compose
