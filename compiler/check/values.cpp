// Values the schema cannot judge because they are known only after ${var}
// substitution or need parsing: ports, secrets written inline, and the
// regular expressions of middlewares.
#include "check/check.hpp"
#include "check/internal.hpp"
#include "diag/location.hpp"
#include "rules/regexp.hpp"

#include "util/empty.hpp"
#include "util/strings.hpp"

namespace edgegen::check {

namespace {

diag::Location where(const model::Middleware& middleware, const std::string& pointer)
{
  return middleware.location_of(pointer);
}

void check_port(long port, const diag::Location& location, diag::Diagnostics& diagnostics)
{
  if (port == 0 || port > 65535) {
    diagnostics.error("E0451", location, "port " + std::to_string(port) + " is out of range (1-65535)");
  }
}

// Port and password of "scheme://[user[:password]@]host[:port][/...]".
void check_url(const std::string& url, const diag::Location& location, diag::Diagnostics& diagnostics)
{
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) {
    return;
  }
  size_t start = scheme + 3;
  std::string authority = url.substr(start, url.find_first_of("/?#", start) - start);
  if (size_t at = authority.rfind('@'); at != std::string::npos) {
    if (authority.substr(0, at).find(':') != std::string::npos) {
      diagnostics.error("E0461", location, "URL carries a password",
                        "servers authenticate edgegen's requests by other means: a forwardAuth or headers from a "
                        "file; never a password in the repository");
    }
    authority = authority.substr(at + 1);
  }
  size_t colon = authority.rfind(':');
  if (colon == std::string::npos || authority.find(']', colon) != std::string::npos) {
    return;
  }
  std::string port = authority.substr(colon + 1);
  if (!port.empty() && port.size() <= 6 && port.find_first_not_of("0123456789") == std::string::npos) {
    check_port(std::stol(port), location, diagnostics);
  }
}

void check_middleware(const model::Middleware& middleware, diag::Diagnostics& diagnostics)
{
  const util::Value& spec = middleware.config.is_map() && !middleware.config.as_map().empty()
                                ? middleware.config.as_map().begin()->second
                                : middleware.config;
  if (!spec.is_map()) {
    return;
  }
  const std::string base = "/" + middleware.type;
  const auto& map = spec.as_map();
  auto member = [&](const char* key) -> const util::Value* {
    auto found = map.find(key);
    return found == map.end() ? nullptr : &found->second;
  };
  if (middleware.type == "basicAuth" || middleware.type == "digestAuth") {
    if (const util::Value* users = member("users"); users && users->is_list() && !users->as_list().empty()) {
      diagnostics.error("E0461", where(middleware, base + "/users"),
                        middleware.type + ".users puts password hashes into the repository",
                        "write the users to a file that Traefik mounts (e.g. from a Kubernetes Secret) and name it "
                        "in usersFile");
    }
  }
  if (middleware.type == "forwardAuth") {
    if (const util::Value* address = member("address"); address && address->is_string()) {
      check_url(address->as_string(), where(middleware, base + "/address"), diagnostics);
    }
  }
  if (middleware.type == "headers") {
    for (const char* list : {"customRequestHeaders", "customResponseHeaders"}) {
      const util::Value* headers = member(list);
      for (const auto& [name, value] :
           headers && headers->is_map() ? headers->as_map() : util::empty<util::Value::Map>()) {
        std::string lower = util::to_lower(name);
        bool credential =
            lower == "authorization" || lower == "proxy-authorization" || lower == "cookie" || lower == "x-api-key";
        if (credential && value.is_string() && !value.as_string().empty()) {
          diagnostics.error("E0461", where(middleware, base + "/" + list + "/" + diag::pointer_token(name)),
                            "header \"" + name + "\" is set to a credential in the repository",
                            "let the client or a forwardAuth supply it; an empty value only removes the header");
        }
      }
    }
  }
  // Options that Traefik compiles as Go regular expressions.
  std::vector<std::pair<std::string, const util::Value*>> regexps;
  if (middleware.type == "redirectRegex" || middleware.type == "replacePathRegex") {
    regexps.emplace_back(base + "/regex", member("regex"));
  }
  const char* list_key = middleware.type == "stripPrefixRegex" ? "regex"
                         : middleware.type == "headers"        ? "accessControlAllowOriginListRegex"
                                                               : nullptr;
  if (list_key) {
    const util::Value* list = member(list_key);
    for (size_t i = 0; list && list->is_list() && i < list->as_list().size(); ++i) {
      regexps.emplace_back(base + "/" + list_key + "/" + std::to_string(i), &list->as_list()[i]);
    }
  }
  for (const auto& [pointer, value] : regexps) {
    if (!value || !value->is_string()) {
      continue;
    }
    if (auto error = rules::check_go_regexp(value->as_string())) {
      diagnostics.error("E0506", where(middleware, pointer),
                        "regular expression \"" + value->as_string() + "\" does not compile: " + error->message,
                        "Traefik uses Go's RE2 syntax: no backreferences or lookarounds");
    }
  }
}

} // namespace

void check_values(const model::Config& config, diag::Diagnostics& diagnostics)
{
  for (const auto& entry_point : config.edge.entry_points) {
    long port = model::address_port(entry_point.address);
    if (port >= 0) {
      check_port(port, entry_point.address_location, diagnostics);
    }
  }
  for (const auto& middleware : config.middlewares) {
    check_middleware(middleware, diagnostics);
  }
  for (const auto& project : config.projects) {
    for (const auto& middleware : project.middlewares) {
      check_middleware(middleware, diagnostics);
    }
    for (const auto& service : project.services) {
      for (size_t i = 0; i < service.urls.size(); ++i) {
        check_url(service.urls[i], i < service.url_locations.size() ? service.url_locations[i] : service.location,
                  diagnostics);
      }
    }
  }
}

} // namespace edgegen::check
