// Traefik Middleware objects. Most options read the same in Traefik's file
// and Kubernetes providers; the ones that differ are those that name files
// or other objects: users and TLS files become Secret names, chained
// middlewares and error services become object references, and a
// forwardAuth address's short host name becomes the Service's full name.
#include "emit/kubernetes/internal.hpp"

namespace edgegen::emit::kubernetes::detail {

namespace {

using util::Value;

// Users and certificate files never reach the cluster: only the Secret
// names the input gives (check/ requires them when users are given).
void to_secret_options(const std::string& type, Value& options, const Value& secrets)
{
  auto& map = options.as_map();
  if (type == "basicAuth" || type == "digestAuth") {
    map.erase("users");
    map.erase("usersFile");
  }
  if (type == "forwardAuth" && map.count("tls")) {
    auto& tls = map["tls"].as_map();
    tls.erase("ca");
    tls.erase("cert");
    tls.erase("key");
  }
  if (secrets.is_map()) {
    auto found = secrets.as_map().find(type);
    if (found != secrets.as_map().end()) {
      options.merge(found->second);
    }
  }
  if (type == "forwardAuth" && map.count("tls") && map["tls"].as_map().empty()) {
    map.erase("tls");
  }
}

// errors.service names a Traefik service ("<project>-<service>"); the
// Kubernetes provider wants the Service and its port.
Value error_service(const Context& context, const Value& name)
{
  Value out;
  out["name"] = name;
  if (!name.is_string()) {
    return out;
  }
  for (const auto& project : context.config.projects) {
    for (const auto& service : project.services) {
      if (service.output_name == name.as_string()) {
        auto found = backends(service);
        if (!found.empty()) {
          out["name"] = found[0].name;
          out["port"] = found[0].port;
        }
        return out;
      }
    }
  }
  return out;
}

// forwardAuth.address is dialled by the Traefik pod, which resolves a short
// name in its own namespace: a host of one DNS label names a Service of the
// environment's namespace, as a service's host does (backends.cpp), and gets
// its fully qualified name. "localhost" stays Traefik's own pod.
Value cluster_address(const Context& context, const Value& address)
{
  if (!address.is_string()) {
    return address;
  }
  const std::string& url = address.as_string();
  size_t scheme_end = url.find("://");
  size_t host_start = scheme_end == std::string::npos ? 0 : scheme_end + 3;
  size_t host_end = url.find_first_of(":/?#", host_start);
  std::string host = url.substr(host_start, host_end == std::string::npos ? std::string::npos : host_end - host_start);
  if (host == "localhost" || !is_service_name(host)) {
    return address;
  }
  return Value(url.substr(0, host_start) + host + "." + context.namespace_name + ".svc.cluster.local" +
               (host_end == std::string::npos ? "" : url.substr(host_end)));
}

} // namespace

util::Value middleware_object(const Context& context, const model::Middleware& middleware)
{
  Value out = object("traefik.io/v1alpha1", "Middleware", middleware.output_name, context.namespace_name);
  Value spec = middleware.config;
  if (spec.is_map() && spec.as_map().count(middleware.type) && spec[middleware.type].is_map()) {
    Value& options = spec[middleware.type];
    to_secret_options(middleware.type, options, middleware.secret_options);
    if (middleware.type == "chain" && options["middlewares"].is_list()) {
      Value refs = Value::list();
      for (const auto& name : options["middlewares"].as_list()) {
        refs.push_back(Value::Map{{"name", name}});
      }
      options["middlewares"] = std::move(refs);
    }
    if (middleware.type == "forwardAuth" && options.as_map().count("address")) {
      options["address"] = cluster_address(context, options["address"]);
    }
    if (middleware.type == "errors" && options.as_map().count("service")) {
      options["service"] = error_service(context, options["service"]);
    }
  }
  out["spec"] = std::move(spec);
  add_labels(out, middleware.labels);
  add_annotations(out, middleware.annotations);
  return out;
}

} // namespace edgegen::emit::kubernetes::detail
