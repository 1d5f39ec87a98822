// Project services as Kubernetes sees them: Services of the namespace, or
// Services edgegen writes that point Traefik at servers outside it.
#include "emit/kubernetes/internal.hpp"

namespace edgegen::emit::kubernetes {

bool detail::is_service_name(const std::string& host)
{
  if (host.empty() || host.size() > 63) {
    return false;
  }
  for (char c : host) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      return false;
    }
  }
  return host.front() != '-' && host.back() != '-';
}

namespace {

bool is_ipv4(const std::string& host)
{
  int parts = 0;
  size_t start = 0;
  while (start <= host.size()) {
    size_t end = host.find('.', start);
    std::string part = host.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (part.empty() || part.size() > 3 || part.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(part) > 255) {
      return false;
    }
    ++parts;
    if (end == std::string::npos) {
      break;
    }
    start = end + 1;
  }
  return parts == 4;
}

// The address family of an IP host, as an EndpointSlice names it; empty for
// a DNS name. IPv6 is the only host form with a colon (the schema admits no
// other).
std::string address_type(const std::string& host)
{
  if (host.find(':') != std::string::npos) {
    return "IPv6";
  }
  return is_ipv4(host) ? "IPv4" : "";
}

// scheme://host[:port][/path], as the schema admits it; the path is not
// part of a Service.
Backend parse_url(const std::string& url)
{
  Backend out;
  size_t scheme_end = url.find("://");
  out.scheme = scheme_end == std::string::npos ? "http" : url.substr(0, scheme_end);
  std::string rest = scheme_end == std::string::npos ? url : url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find('/'));
  std::string host = rest;
  std::string port;
  if (!rest.empty() && rest.front() == '[') { // [IPv6]:port
    size_t close = rest.find(']');
    host = rest.substr(1, close == std::string::npos ? std::string::npos : close - 1);
    if (close != std::string::npos && close + 1 < rest.size() && rest[close + 1] == ':') {
      port = rest.substr(close + 2);
    }
  } else if (size_t colon = rest.rfind(':'); colon != std::string::npos) {
    host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
  }
  out.port = out.scheme == "https" ? 443 : 80;
  if (!port.empty() && port.find_first_not_of("0123456789") == std::string::npos && port.size() <= 5) {
    out.port = std::stoll(port);
  }
  out.external_name = host;
  return out;
}

// A host that is one DNS label names a Service of the namespace; anything
// with a dot (another namespace's svc.cluster.local name, an outside host)
// is reached through an ExternalName Service, an IP address through a
// selector-less Service and its EndpointSlice.
Backend resolve(Backend backend, const std::string& external_service_name)
{
  if (detail::is_service_name(backend.external_name)) {
    backend.name = backend.external_name;
    backend.external_name.clear();
  } else {
    backend.name = external_service_name;
    backend.address_type = address_type(backend.external_name);
  }
  return backend;
}

} // namespace

std::vector<Backend> backends(const model::Service& service)
{
  std::vector<Backend> out;
  if (service.urls.empty()) {
    Backend backend;
    backend.port = service.port;
    backend.scheme = service.scheme;
    backend.external_name = service.host;
    out.push_back(resolve(backend, object_name(service.output_name, 63)));
    return out;
  }
  for (size_t i = 0; i < service.urls.size(); ++i) {
    std::string name = service.urls.size() == 1 ? service.output_name
                                                : object_name(service.output_name + "-" + std::to_string(i + 1), 63);
    out.push_back(resolve(parse_url(service.urls[i]), name));
  }
  return out;
}

const model::Service* service_of(const model::Project& project, const model::Route& route)
{
  for (const auto& service : project.services) {
    if (service.name == route.service().name) {
      return &service;
    }
  }
  return nullptr;
}

bool as_ingress(const model::Config& config, const model::Project& project, const model::Route& route)
{
  if (config.edge.kubernetes.routing != model::KubernetesSettings::Routing::ingress || route.raw()) {
    return false;
  }
  const model::Service* service = service_of(project, route);
  return service && service->urls.size() <= 1;
}

} // namespace edgegen::emit::kubernetes
