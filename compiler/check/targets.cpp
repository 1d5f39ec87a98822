// Settings that the compose target needs to produce something usable: two
// containers under one compose service name, or a volume where Traefik's
// container needs its own files, would be wrong output, not an error later.
// The dns target's are in dns_settings.cpp.
#include "check/check.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <map>

namespace edgegen::check {

namespace {

// Containers are compose services named by their host; services sharing a
// host are one container with several ports, which must agree on its image.
void check_compose(const model::Config& config, diag::Diagnostics& diagnostics)
{
  std::map<std::string, const model::Service*> images;
  const bool valkey = !config.edge.compose.valkey_image.empty() && model::has_target(config, "traefik-redis");
  for (const auto& project : config.projects) {
    for (const auto& service : project.services) {
      if (!service.container) {
        continue;
      }
      if (service.host == "traefik" || (service.host == "valkey" && valkey)) {
        diagnostics.error("E0474", service.location,
                          "compose service name \"" + service.host + "\" is taken by the " +
                              (service.host == "traefik" ? "Traefik" : "Valkey") + " container",
                          "give the service another `host`");
        continue;
      }
      if (service.image.empty()) {
        continue;
      }
      auto [it, inserted] = images.emplace(service.host, &service);
      if (!inserted && it->second->image != service.image) {
        diagnostics.error("E0474", service.location,
                          "container \"" + service.host + "\" is given two images, \"" + it->second->image +
                              "\" and \"" + service.image + "\"",
                          "the other is at " + diag::format_location(it->second->location));
      }
    }
  }
}

// A Valkey/Redis address (host:port) at the loopback of whoever reads it:
// 127.0.0.0/8, ::1 or localhost.
bool loopback_endpoint(const std::string& endpoint)
{
  size_t colon = endpoint.rfind(':');
  std::string host = util::to_lower(colon == std::string::npos ? endpoint : endpoint.substr(0, colon));
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  if (util::ends_with(host, ".")) {
    host.pop_back();
  }
  if (host == "localhost" || util::ends_with(host, ".localhost") || host == "::1" || host == "0:0:0:0:0:0:0:1") {
    return true;
  }
  if (util::starts_with(host, "::ffff:")) {
    host = host.substr(7);
  }
  auto parts = util::split(host, '.');
  return parts.size() == 4 && parts[0] == "127" && std::all_of(parts.begin(), parts.end(), [](const std::string& part) {
           return !part.empty() && part.size() <= 3 &&
                  std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
         });
}

// Whether `path` is `directory` or below it (both absolute, no trailing '/').
bool within(const std::string& path, const std::string& directory)
{
  return path == directory || directory == "/" || util::starts_with(path, directory + "/");
}

std::string trimmed_directory(std::string path)
{
  while (path.size() > 1 && path.back() == '/') {
    path.pop_back();
  }
  return path;
}

std::string directory_of(const std::string& path)
{
  size_t slash = path.rfind('/');
  return slash == std::string::npos || slash == 0 ? "/" : path.substr(0, slash);
}

// Why compose cannot mount a volume (the ACME storage's, the access log's)
// at `directory`, or empty. A volume hides what the image has there and
// takes what Traefik's other mounts need: the root, the system's
// directories, and the directories of the static configuration, the dynamic
// files and the Docker socket.
std::string mount_problem(const std::string& directory, const std::string& dynamic)
{
  static const char* const k_system[] = {"/bin",  "/boot", "/dev",  "/etc", "/home", "/lib", "/lib64", "/opt", "/proc",
                                         "/root", "/run",  "/sbin", "/srv", "/sys",  "/tmp", "/usr",   "/var"};
  if (directory == "/") {
    return "is in \"/\"";
  }
  for (const char* system : k_system) {
    if (directory == system) {
      return "is in the system directory \"" + directory + "\"";
    }
  }
  if (directory == dynamic) {
    return "is in the dynamic directory \"" + dynamic + "\"";
  }
  if (within(dynamic, directory)) {
    return "is in \"" + directory + "\", above the dynamic directory \"" + dynamic + "\"";
  }
  if (within(directory, dynamic)) {
    return "is below the dynamic directory \"" + dynamic + "\"";
  }
  for (const char* mounted : {"/etc/traefik/traefik.yml", "/var/run/docker.sock"}) {
    if (within(mounted, directory)) {
      return "is in \"" + directory + "\", where Traefik's container mounts " + mounted;
    }
  }
  return {};
}

// Why compose cannot keep the file at `path` in a volume mounted at its
// directory, or empty.
std::string volume_problem(const std::string& path, const std::string& dynamic)
{
  return path.empty() || path.front() != '/' ? "is not an absolute path"
                                             : mount_problem(directory_of(trimmed_directory(path)), dynamic);
}

// What the Traefik container of compose mounts and reads must exist there:
// the ACME storage and the access log file get a volume of their own
// (E0477, E0495), Redis is not at the container's own loopback (E0476), and
// the dynamic files mounted from the rendered tree do not cover a
// certificate syncer's files (E0478).
void check_compose_mounts(const model::Config& config, diag::Diagnostics& diagnostics)
{
  const std::string where = " (environment \"" + config.environment.name + "\")";
  const auto& traefik = config.edge.traefik;
  const std::string dynamic = trimmed_directory(traefik.dynamic_directory);
  const bool kv = model::has_target(config, "traefik-redis");
  bool acme = std::any_of(config.issuers.begin(), config.issuers.end(),
                          [](const model::Issuer& issuer) { return issuer.type == model::Issuer::Type::acme; });
  const bool acme_volume = acme && !kv;
  const std::string acme_directory = directory_of(trimmed_directory(traefik.acme_storage));
  if (acme_volume) {
    if (std::string problem = volume_problem(traefik.acme_storage, dynamic); !problem.empty()) {
      diagnostics.error("E0477", traefik.acme_storage_location,
                        "ACME storage \"" + traefik.acme_storage + "\" " + problem +
                            ": compose cannot keep it in a volume" + where,
                        "give the file a directory of its own, e.g. traefik: {acmeStorage: "
                        "/etc/traefik/acme/acme.json}");
    }
  }
  if (traefik.access_log && !traefik.access_log_file.empty()) {
    const std::string& file = traefik.access_log_file;
    std::string problem = volume_problem(file, dynamic);
    if (problem.empty() && acme_volume && directory_of(trimmed_directory(file)) == acme_directory) {
      problem = "is in the directory of the ACME storage, \"" + acme_directory + "\", which has a volume already";
    }
    if (!problem.empty()) {
      diagnostics.error("E0495", traefik.access_log_file_location,
                        "access log \"" + file + "\" " + problem + ": compose cannot keep it in a volume" + where,
                        "give the file a directory of its own, e.g. traefik: {accessLog: {filePath: "
                        "/var/log/traefik/access.log}}");
    }
  }
  if (kv) {
    const auto& redis = config.edge.redis;
    for (size_t i = 0; i < redis.endpoints.size(); ++i) {
      if (!loopback_endpoint(redis.endpoints[i])) {
        continue;
      }
      diag::Location at = i < redis.endpoint_locations.size() ? redis.endpoint_locations[i] : config.edge.location;
      diagnostics.error("E0476", at,
                        "the Traefik container of compose would read Valkey/Redis at \"" + redis.endpoints[i] +
                            "\", the container's own loopback" + where,
                        "name the server by an address the container reaches, e.g. a service on the \"" +
                            config.edge.compose.network +
                            "\" network (redis: {endpoints: [\"valkey:6379\"]}), "
                            "or let compose run one (compose: {valkey: {}})");
    }
    return;
  }
  for (const auto& issuer : config.issuers) {
    for (const auto& certificate : issuer.certificates) {
      for (const std::string* file : {&certificate.cert_file, &certificate.key_file}) {
        if (!file->empty() && file->front() == '/' && within(*file, dynamic)) {
          diagnostics.error(
              "E0478", issuer.location,
              "certificate file \"" + *file + "\" of issuer \"" + issuer.name + "\" is in the dynamic directory \"" +
                  dynamic + "\", which compose mounts from the rendered tree over what a syncer writes there" + where,
              "keep the two apart: the dynamic directory at /etc/traefik/dynamic (the default), "
              "the syncer's volume mounted at the certificates' directory");
        }
      }
    }
  }
}

} // namespace

void check_targets(const model::Config& config, diag::Diagnostics& diagnostics)
{
  if (model::has_target(config, "dns")) {
    check_dns_settings(config, diagnostics);
  }
  if (model::has_target(config, "compose")) {
    check_compose(config, diagnostics);
    check_compose_mounts(config, diagnostics);
  }
}

} // namespace edgegen::check
