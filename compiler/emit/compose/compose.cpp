// compose.yaml: the Traefik container and the project's containers on one
// network. Paths are the compose file's own relative paths, so the rendered
// tree works wherever it is checked out (see ComposeSettings).
#include "emit/compose/compose.hpp"

#include "emit/traefik/traefik.hpp"

#include <algorithm>

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

bool acme_storage_needed(const model::Config& config)
{
  return !traefik::certificates_from_worker(config) &&
         std::any_of(config.issuers.begin(), config.issuers.end(),
                     [](const model::Issuer& issuer) { return issuer.type == model::Issuer::Type::acme; });
}

const char* k_acme_volume = "traefik-acme";

} // namespace

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
  out["volumes"].push_back(settings.traefik_directory + "/dynamic:" + traefik.dynamic_directory + ":ro");
  out["volumes"].push_back("/var/run/docker.sock:/var/run/docker.sock:ro");
  if (acme_storage_needed(config)) {
    out["volumes"].push_back(std::string(k_acme_volume) + ":" + directory_of(traefik.acme_storage));
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

std::vector<OutputFile> render(const model::Config& config)
{
  const auto& settings = config.edge.compose;
  Value document;
  document["services"]["traefik"] = traefik_service(config);
  for (const auto& project : config.projects) {
    for (const auto& service : project.services) {
      if (!traefik::in_labels(config, service)) {
        continue;
      }
      // Keyed by host, the name other containers reach it by; two services
      // of one container (two ports) share the entry.
      Value& container = document["services"][service.host];
      if (!service.image.empty()) {
        container["image"] = service.image;
        container["restart"] = "unless-stopped";
      }
      container["labels"].merge(labels(config, project, service));
      container["networks"] = Value::List{settings.network};
    }
  }
  Value& network = document["networks"][settings.network];
  network["name"] = settings.network; // not prefixed with the compose project's name
  if (settings.external_network) {
    network["external"] = true;
  }
  if (acme_storage_needed(config)) {
    document["volumes"][k_acme_volume] = Value::map();
  }
  OutputFile file;
  file.path = config.environment.name + "/compose/compose.yaml";
  file.documents.push_back(std::move(document));
  file.rank = 3; // after traefik.yml and the dynamic files it mounts
  return {file};
}

} // namespace edgegen::emit::compose
