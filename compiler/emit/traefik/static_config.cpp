// traefik.yml: entry points, the file provider, certificate resolvers, API,
// logs. Everything a Traefik v3 needs at start-up, nothing per route.
#include "emit/traefik/traefik.hpp"

namespace edgegen::emit::traefik {

namespace {

using util::Value;

Value resolver(const model::Issuer& issuer, const model::TraefikSettings& settings)
{
  Value acme;
  if (!issuer.email.empty()) {
    acme["email"] = issuer.email;
  }
  acme["caServer"] = issuer.server;
  acme["storage"] = settings.acme_storage;
  const auto& solver = issuer.solver;
  if (solver.type == model::AcmeSolver::Type::http01) {
    acme["httpChallenge"]["entryPoint"] = solver.entry_point.name;
  } else {
    Value& dns = acme["dnsChallenge"];
    dns["provider"] = solver.provider;
    if (!solver.resolvers.empty()) {
      Value resolvers = Value::list();
      for (const auto& r : solver.resolvers) {
        resolvers.push_back(r);
      }
      dns["resolvers"] = resolvers;
    }
    if (!solver.delay_before_check.empty()) {
      dns["propagation"]["delayBeforeChecks"] = solver.delay_before_check;
    }
  }
  Value out;
  out["acme"] = acme;
  return out;
}

} // namespace

util::Value static_config(const model::Config& config)
{
  const auto& settings = config.edge.traefik;
  Value out = Value::map();
  out["global"]["checkNewVersion"] = false;
  out["global"]["sendAnonymousUsage"] = false;
  for (const auto& entry_point : config.edge.entry_points) {
    Value& ep = out["entryPoints"][entry_point.name];
    ep["address"] = entry_point.address;
    if (!entry_point.redirect_to.name.empty()) {
      Value& redirect = ep["http"]["redirections"]["entryPoint"];
      redirect["to"] = entry_point.redirect_to.name;
      redirect["scheme"] = "https";
      redirect["permanent"] = true;
    }
  }
  out["providers"]["file"]["directory"] = settings.dynamic_directory;
  out["providers"]["file"]["watch"] = true;
  target_providers(config, out["providers"]);
  for (const auto& issuer : config.issuers) {
    if (issuer.type == model::Issuer::Type::acme && !certificates_from_worker(config)) {
      out["certificatesResolvers"][issuer.name] = resolver(issuer, settings);
    }
  }
  if (config.edge.dashboard.enabled) {
    out["api"]["dashboard"] = true;
    if (config.edge.dashboard.insecure) {
      out["api"]["insecure"] = true;
    }
  }
  out["log"]["level"] = settings.log_level;
  if (!settings.log_format.empty()) {
    out["log"]["format"] = settings.log_format;
  }
  if (settings.access_log) {
    Value& access_log = out["accessLog"] = Value::map();
    if (!settings.access_log_file.empty()) {
      access_log["filePath"] = settings.access_log_file;
    }
    if (!settings.access_log_format.empty()) {
      access_log["format"] = settings.access_log_format;
    }
  }
  if (settings.ping) {
    out["ping"] = Value::map();
  }
  return out;
}

} // namespace edgegen::emit::traefik
