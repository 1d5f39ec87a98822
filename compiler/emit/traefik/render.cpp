#include "emit/traefik/traefik.hpp"

#include "util/strings.hpp"

namespace edgegen::emit::traefik {

namespace {

// Ranks: what others reference is written first (see OutputFile::rank).
constexpr int k_rank_shared = 0;   // tls.yml, _shared.yml: referenced by project routers
constexpr int k_rank_projects = 1; // <project>.yml
constexpr int k_rank_static = 2;   // traefik.yml: points at the dynamic directory

OutputFile yaml_file(std::string path, util::Value document, int rank)
{
  OutputFile file;
  file.path = std::move(path);
  file.documents.push_back(std::move(document));
  file.rank = rank;
  return file;
}

// Traefik's file provider reads a file of the directory by its extension,
// in any case (pkg/provider/file: loadFileConfigFromDirectory); hidden
// files too, but not edgegen's temporary ".*.tmp".
bool file_provider_reads(std::string_view name)
{
  std::string lower = util::to_lower(name);
  return util::ends_with(lower, ".yml") || util::ends_with(lower, ".yaml") || util::ends_with(lower, ".toml");
}

} // namespace

std::vector<LoadedDirectory> loaded_directories(const model::Config& config)
{
  if (dynamic_in_kv(config)) {
    return {}; // nothing is rendered there; compose mounts a volume instead
  }
  LoadedDirectory dynamic;
  dynamic.path = config.environment.name + "/traefik/dynamic";
  dynamic.consumer = "Traefik's file provider";
  dynamic.files = "every .yml, .yaml and .toml file";
  dynamic.recursive = true;
  dynamic.reads = file_provider_reads;
  return {dynamic};
}

void render(const model::Config& config, const Sink& sink)
{
  const std::string base = config.environment.name + "/traefik/";
  sink(yaml_file(base + "traefik.yml", static_config(config), k_rank_static));
  if (dynamic_in_kv(config)) {
    return; // traefik-redis renders the dynamic configuration as keys
  }
  sink(yaml_file(base + "dynamic/tls.yml", tls_config(config), k_rank_shared));
  if (util::Value shared = shared_config(config); !shared.is_null()) {
    sink(yaml_file(base + "dynamic/_shared.yml", std::move(shared), k_rank_shared));
  }
  for (const auto& project : config.projects) {
    util::Value dynamic = project_config(config, project);
    if (dynamic["http"].as_map().empty()) {
      continue; // nothing left for the file provider: it is all in container labels (compose)
    }
    sink(yaml_file(base + "dynamic/" + project.name + ".yml", std::move(dynamic), k_rank_projects));
  }
}

} // namespace edgegen::emit::traefik
