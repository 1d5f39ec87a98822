// Secrets written inline are never copied into the desired state: each
// becomes the reference docs/input-format.md asks for ("Secrets are
// referenced, never written"), with a warning (W0616) naming what to move
// where. The warning never holds the value (diag/redact removes it from the
// source line shown).
#include "import/secrets.hpp"

#include "import/group.hpp"
#include "util/strings.hpp"

namespace edgegen::import {

namespace {

const load::Node* member(const load::Node* node, const std::string& key)
{
  return node && node->is_map() ? node->find(key) : nullptr;
}

void move_users(Middleware& middleware, diag::Diagnostics& diagnostics)
{
  util::Value::Map& options = middleware.options.as_map();
  auto users = options.find("users");
  if (users == options.end()) {
    return;
  }
  size_t count = users->second.as_list().size();
  options.erase(users);
  std::string file = "/etc/traefik/auth/" + dns_label(middleware.name) + ".htpasswd";
  bool had_file = options.count("usersFile") > 0;
  if (!had_file) {
    options["usersFile"] = file;
  } else {
    file = options["usersFile"].as_string();
  }
  // At the first entry: the line shown under the warning is the secret's,
  // which the report redacts (diag/redact).
  const load::Node* at = member(middleware.node, "users");
  at = at && at->is_list() && !at->items.empty() ? &at->items.front() : at;
  diagnostics.warning("W0616", at ? at->location() : middleware.location,
                      "middleware \"" + middleware.name + "\": " + middleware.type + ".users (" +
                          std::to_string(count) + " entr" + (count == 1 ? "y" : "ies") +
                          ") is not copied; the import refers to the htpasswd file " + file + " (usersFile) instead",
                      "put the entries in " + file +
                          " where Traefik reads it (compose: below secretsDirectory; "
                          "Kubernetes: a Secret mounted there), never in Git");
}

void move_headers(Middleware& middleware, diag::Diagnostics& diagnostics)
{
  for (const char* section : {"customRequestHeaders", "customResponseHeaders"}) {
    util::Value::Map& options = middleware.options.as_map();
    auto headers = options.find(section);
    if (headers == options.end() || !headers->second.is_map()) {
      continue;
    }
    util::Value::Map& map = headers->second.as_map();
    for (auto it = map.begin(); it != map.end();) {
      std::string name = util::to_lower(it->first);
      bool secret = name == "authorization" || name == "proxy-authorization" || name == "cookie" || name == "x-api-key";
      if (!secret || (it->second.is_string() && it->second.as_string().empty())) {
        ++it;
        continue;
      }
      const load::Node* at = member(member(middleware.node, section), it->first);
      diagnostics.warning("W0616", at ? at->location() : middleware.location,
                          "middleware \"" + middleware.name + "\": header " + it->first + " in headers." + section +
                              " is a credential and is not copied",
                          "let a forwardAuth service add it (authResponseHeaders), or the backend read it from "
                          "its own secret store");
      it = map.erase(it);
    }
    if (map.empty()) {
      options.erase(section);
    }
  }
}

// "https://user:password@host/..." -> "https://host/..."
bool strip_userinfo(std::string& url)
{
  size_t scheme = url.find("://");
  size_t start = scheme == std::string::npos ? 0 : scheme + 3;
  size_t end = url.find_first_of("/?#", start);
  size_t at = url.rfind('@', end == std::string::npos ? url.size() : end);
  if (at == std::string::npos || at < start) {
    return false;
  }
  url.erase(start, at + 1 - start);
  return true;
}

} // namespace

void move_secrets(TraefikConfig& config, diag::Diagnostics& diagnostics)
{
  for (auto& [name, middleware] : config.middlewares) {
    if (middleware.type == "basicAuth" || middleware.type == "digestAuth") {
      move_users(middleware, diagnostics);
    } else if (middleware.type == "headers") {
      move_headers(middleware, diagnostics);
    } else if (middleware.type == "forwardAuth") {
      util::Value::Map& options = middleware.options.as_map();
      auto address = options.find("address");
      if (address != options.end() && address->second.is_string()) {
        std::string url = address->second.as_string();
        if (strip_userinfo(url)) {
          address->second = url;
          const load::Node* at = member(middleware.node, "address");
          diagnostics.warning("W0616", at ? at->location() : middleware.location,
                              "middleware \"" + name + "\": the credentials in forwardAuth.address are not copied",
                              "let the authentication service read them from its own secret store");
        }
      }
    }
  }
  for (auto& [name, service] : config.services) {
    for (auto& url : service.urls) {
      if (strip_userinfo(url)) {
        diagnostics.warning("W0616", service.location,
                            "service \"" + name + "\": the credentials in a server URL are not copied",
                            "let the backend authenticate Traefik otherwise (mTLS: the service's tls)");
      }
    }
  }
}

} // namespace edgegen::import
