#include "model/model.hpp"

#include <algorithm>
#include <string_view>

namespace edgegen::model {

bool missing_referrers(const Model& model)
{
  return std::any_of(model.declarations.begin(), model.declarations.end(), [](const Declaration& declaration) {
    const std::string& kind = declaration.kind;
    return declaration.dropped &&
           (kind == "Edge" || kind == "Environment" || kind == "Project" || kind == "Middleware");
  });
}

const Issuer* find_issuer(const Config& config, const std::string& name)
{
  for (const auto& issuer : config.issuers) {
    if (issuer.name == name) {
      return &issuer;
    }
  }
  return nullptr;
}

bool has_target(const Config& config, const std::string& target)
{
  const auto& targets = config.edge.targets;
  return std::find(targets.begin(), targets.end(), target) != targets.end();
}

bool serves_tls(const Config& config, const EntryPoint& entry_point)
{
  for (const auto& other : config.edge.entry_points) {
    if (other.redirect_to.name == entry_point.name) {
      return true;
    }
  }
  return address_port(entry_point.address) == 443;
}

bool serves_plain_http(const EntryPoint& entry_point)
{
  return address_port(entry_point.address) == 80;
}

std::vector<std::string> entry_points_of(const Config& config, const util::CompactVector<Ref>& refs, bool tls)
{
  std::vector<std::string> out;
  out.reserve(refs.empty() ? config.edge.entry_points.size() : refs.size()); // asked for per route, by several checks
  for (const auto& ref : refs) {
    out.push_back(ref.name);
  }
  if (out.empty()) {
    for (const auto& entry_point : config.edge.entry_points) {
      if (entry_point.redirect_to.name.empty() && !(tls && serves_plain_http(entry_point))) {
        out.push_back(entry_point.name);
      }
    }
  }
  return out;
}

const Location& Middleware::location_of(std::string_view pointer) const
{
  auto found = std::lower_bound(locations.begin(), locations.end(), pointer,
                                [](const auto& entry, std::string_view key) { return entry.first < key; });
  return found != locations.end() && found->first == pointer ? found->second : location;
}

long address_port(const std::string& address)
{
  // Read in place: every router's entry points ask for it.
  std::string_view text(address);
  text = text.substr(0, text.find('/'));
  size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon + 1 >= text.size() || text.size() - colon > 8) {
    return -1;
  }
  long port = 0;
  for (char c : text.substr(colon + 1)) {
    if (c < '0' || c > '9') {
      return -1;
    }
    port = port * 10 + (c - '0');
  }
  return port;
}

std::vector<std::string> service_urls(const Service& service)
{
  if (!service.urls.empty()) {
    return service.urls;
  }
  return {service.scheme + "://" + service.host + ":" + std::to_string(service.port)};
}

} // namespace edgegen::model
