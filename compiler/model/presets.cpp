#include "model/internal.hpp"

#include "load/load.hpp"
#include "util/embedded.hpp"
#include "util/strings.hpp"

#include <algorithm>

namespace edgegen::model::detail {

namespace {

const std::map<std::string, util::Value>& presets()
{
  static const std::map<std::string, util::Value> table = [] {
    std::map<std::string, util::Value> out;
    static const std::string k_prefix = "templates/";
    for (const auto& file : util::embedded_files()) {
      if (!util::starts_with(file.path, k_prefix) || !util::ends_with(file.path, ".yaml")) {
        continue;
      }
      std::string name(file.path.substr(k_prefix.size(), file.path.size() - k_prefix.size() - 5));
      diag::Diagnostics ignored; // templates are tested to load cleanly
      auto documents = load::read_yaml(std::string(file.path), file.content, ignored);
      if (!documents.empty()) {
        out[name] = to_value(documents[0]);
      }
    }
    return out;
  }();
  return table;
}

// Where every value of a middleware spec was written, by JSON pointer, so
// check/ can point at `basicAuth.users` or a regexp rather than the object.
void record_locations(const Node& node, const std::string& pointer, std::vector<std::pair<std::string, Location>>& out)
{
  out.emplace_back(pointer, node.location());
  if (node.is_map()) {
    for (size_t i = 0; i < node.keys.size(); ++i) {
      record_locations(node.items[i], pointer + "/" + diag::pointer_token(node.keys[i]), out);
    }
  } else if (node.is_list()) {
    for (size_t i = 0; i < node.items.size(); ++i) {
      record_locations(node.items[i], pointer + "/" + std::to_string(i), out);
    }
  }
}

// Moves the options that name Kubernetes Secrets from `config` to
// `secrets`: Traefik's file provider knows no such options.
void split_secret_options(const std::string& type, util::Value& config, util::Value& secrets)
{
  if (!config[type].is_map()) {
    return;
  }
  auto& options = config[type].as_map();
  if (auto secret = options.find("secret"); secret != options.end() && (type == "basicAuth" || type == "digestAuth")) {
    secrets[type]["secret"] = secret->second;
    options.erase(secret);
  }
  auto tls = options.find("tls");
  if (type != "forwardAuth" || tls == options.end() || !tls->second.is_map()) {
    return;
  }
  for (const char* key : {"caSecret", "certSecret"}) {
    if (auto found = tls->second.as_map().find(key); found != tls->second.as_map().end()) {
      secrets[type]["tls"][key] = found->second;
      tls->second.as_map().erase(found);
    }
  }
  if (tls->second.as_map().empty()) {
    options.erase(tls);
  }
}

} // namespace

util::Value preset(const std::string& name)
{
  auto found = presets().find(name);
  return found == presets().end() ? util::Value() : found->second;
}

std::vector<std::string> preset_names()
{
  std::vector<std::string> out;
  for (const auto& [name, value] : presets()) {
    out.push_back(name);
  }
  return out;
}

Middleware convert_middleware(const std::string& name, const Node& spec)
{
  Middleware out;
  out.name = name;
  out.output_name = name;
  out.location = spec.location();
  util::Value config = preset(get_string(spec, "preset"));
  util::Value own = to_value(spec);
  if (own.is_map()) {
    own.as_map().erase("preset");
  }
  if (config.is_null()) {
    config = util::Value::map();
  }
  config.merge(own);
  if (config.is_map() && !config.as_map().empty()) {
    out.type = config.as_map().begin()->first;
    split_secret_options(out.type, config, out.secret_options);
  }
  out.config = std::move(config);
  if (spec.is_map()) {
    for (size_t i = 0; i < spec.keys.size(); ++i) {
      if (spec.keys[i] != "preset") {
        record_locations(spec.items[i], "/" + diag::pointer_token(spec.keys[i]), out.locations);
      }
    }
    std::sort(out.locations.begin(), out.locations.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    out.locations.shrink_to_fit();
  }
  if (const Node* chain = spec.find("chain"); chain && chain->is_map()) {
    out.chain = get_refs(*chain, "middlewares");
  }
  return out;
}

} // namespace edgegen::model::detail
