// compose.yaml: the Traefik container and the project's containers on one
// network. Paths are the compose file's own relative paths, so the rendered
// tree works wherever it is checked out (see ComposeSettings).
#include "emit/compose/compose.hpp"

#include "emit/traefik/traefik.hpp"

#include <set>

namespace edgegen::emit::compose {

namespace {

using util::Value;

// Compose interpolates ${VAR} and $VAR in every string value and reads `$$`
// as one `$`: a rule such as PathRegexp(`^/v[0-9]+$`) would otherwise be
// rejected ("Invalid interpolation format") or changed.
void escape_dollars(Value& value)
{
  if (value.is_string()) {
    const std::string& text = value.as_string();
    if (text.find('$') == std::string::npos) {
      return;
    }
    std::string out;
    for (char c : text) {
      out += c;
      if (c == '$') {
        out += '$';
      }
    }
    value = Value(std::move(out));
  } else if (value.is_list()) {
    for (auto& item : value.as_list()) {
      escape_dollars(item);
    }
  } else if (value.is_map()) {
    for (auto& [key, item] : value.as_map()) {
      escape_dollars(item);
    }
  }
}

} // namespace

std::vector<OutputFile> render(const model::Config& config)
{
  const auto& settings = config.edge.compose;
  Value document;
  document["services"]["traefik"] = traefik_service(config);
  if (valkey_on(config)) {
    document["services"]["valkey"] = valkey_service(config);
  }
  std::set<std::string> containers;
  for (const auto& project : config.projects) {
    for (const auto& service : project.services) {
      if (!traefik::in_compose(config, service)) {
        continue;
      }
      // Keyed by host, the name other containers reach it by; two services
      // of one container (two ports) share the entry.
      Value& container = document["services"][service.host];
      if (!service.image.empty()) {
        container["image"] = service.image;
        container["restart"] = "unless-stopped";
      }
      if (traefik::in_labels(config, service)) {
        container["labels"].merge(labels(config, project, service));
      }
      containers.insert(service.host);
    }
  }
  for (const auto& host : containers) {
    Value& container = document["services"][host];
    // An override (no image): merged, its networks replace those of the
    // team's service, so it keeps the service on `default` too, where the
    // team's other containers (a database) reach it.
    bool complete = container.as_map().count("image") > 0;
    container["networks"] = complete || settings.network == "default" ? Value::List{settings.network}
                                                                      : Value::List{settings.network, "default"};
  }
  Value& network = document["networks"][settings.network];
  network["name"] = settings.network; // not prefixed with the compose project's name
  if (settings.external_network) {
    network["external"] = true;
  }
  if (acme_storage_needed(config)) {
    document["volumes"][k_acme_volume] = Value::map();
  }
  if (access_log_volume_needed(config)) {
    document["volumes"][k_access_log_volume] = Value::map();
  }
  if (traefik::dynamic_in_kv(config)) {
    document["volumes"][k_dynamic_volume] = Value::map();
  }
  if (valkey_on(config)) {
    document["volumes"][k_valkey_volume] = Value::map();
  }
  escape_dollars(document);
  OutputFile file;
  file.path = config.environment.name + "/compose/compose.yaml";
  file.documents.push_back(std::move(document));
  file.rank = 3; // after traefik.yml and the dynamic files it mounts
  return {file};
}

} // namespace edgegen::emit::compose
