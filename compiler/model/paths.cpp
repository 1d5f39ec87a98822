// Values that become paths in the output: Flux's and Argo CD's place in the
// repository, files in Traefik's container, host paths of compose. A `..`
// in git.path makes the GitOps controller read another team's directory
// (Argo CD's CVE-2022-24348 class); in a usersFile it leaves the secrets
// directory compose mounts. Checked after substitution, so a variable
// cannot carry one in, at the field where it is written.
#include "model/internal.hpp"

#include "util/empty.hpp"
#include "util/paths.hpp"
#include "util/printable.hpp"
#include "util/strings.hpp"

#include <functional>
#include <optional>

namespace edgegen::model::detail {

namespace {

using util::PathKind;

const Node* at(const Node& node, std::initializer_list<const char*> keys)
{
  const Node* out = &node;
  for (const char* key : keys) {
    out = out->is_map() ? out->find(key) : nullptr;
    if (!out) {
      return nullptr;
    }
  }
  return out;
}

// `checked`: the value as its consumer reads it, when that is not as written.
void require(const Node* value, const std::string& field, PathKind kind, diag::Diagnostics& diagnostics,
             std::optional<std::string> checked = std::nullopt)
{
  if (!value || !value->is_string()) {
    return;
  }
  std::string why = util::path_problem(checked ? *checked : value->text, kind);
  if (why.empty() || value->text.find("-----BEGIN") != std::string::npos) {
    return; // a PEM block where a file belongs is E0117
  }
  const char* hint = kind == PathKind::relative ? "write a path inside the repository, such as clusters/prod"
                     : kind == PathKind::host   ? "write a path on the host without control characters, with '/'"
                                                : "write a path with '/' between plain names, such as /etc/traefik/x";
  // A value over several lines is not echoed: it may well be a secret.
  std::string quoted =
      value->text.find('\n') == std::string::npos ? " \"" + util::printable(value->text) + "\"" : std::string();
  diagnostics.error("E0426", value->location(), field + quoted + " is not a clean path: " + why, hint);
}

// A directory may be written with a trailing '/' ("/certs/"), as it is read.
void require_directory(const Node* value, const std::string& field, PathKind kind, diag::Diagnostics& diagnostics)
{
  std::string text = value && value->is_string() ? value->text : std::string();
  while (text.size() > 1 && text.back() == '/') {
    text.pop_back();
  }
  require(value, field, kind, diagnostics, text);
}

void compose_and_dns(const Node& spec, diag::Diagnostics& diagnostics)
{
  for (const char* key : {"traefikDirectory", "traefikEnvFile", "secretsDirectory"}) {
    require_directory(at(spec, {"compose", key}), std::string("compose.") + key, PathKind::host, diagnostics);
  }
  require_directory(at(spec, {"dns", "directory"}), "dns.directory", PathKind::any, diagnostics);
}

// A middleware's options ({basicAuth: {...}}): the files Traefik reads.
void middleware(const Node& options, diag::Diagnostics& diagnostics)
{
  for (const char* type : {"basicAuth", "digestAuth"}) {
    require(at(options, {type, "usersFile"}), std::string(type) + ".usersFile", PathKind::any, diagnostics);
  }
  for (const char* key : {"ca", "cert", "key"}) {
    require(at(options, {"forwardAuth", "tls", key}), std::string("forwardAuth.tls.") + key, PathKind::any,
            diagnostics);
  }
}

void each_value(const Node* map, const std::function<void(const Node&)>& visit)
{
  for (const Node& item : map && (map->is_map() || map->is_list()) ? map->items : util::empty<Node::List>()) {
    visit(item);
  }
}

} // namespace

void check_paths(load::Kind kind, const Node& spec, diag::Diagnostics& diagnostics)
{
  switch (kind) {
  case load::Kind::edge: {
    // As Flux and Argo CD are given it: without leading "./" and trailing
    // "/" ("." and "./" are the repository's root, "./clusters/" is fine).
    if (const Node* git_path = at(spec, {"git", "path"}); git_path && git_path->is_string()) {
      std::string trimmed = git_path->text;
      while (util::starts_with(trimmed, "./")) {
        trimmed.erase(0, 2);
      }
      while (!trimmed.empty() && (trimmed.back() == '/' || trimmed == ".")) {
        trimmed.pop_back();
      }
      if (!trimmed.empty() || git_path->text.empty()) {
        require(git_path, "git.path", PathKind::relative, diagnostics, trimmed);
      }
    }
    require_directory(at(spec, {"traefik", "dynamicDirectory"}), "traefik.dynamicDirectory", PathKind::any,
                      diagnostics);
    // Whether they are absolute matters to compose, which checks it (E0477, E0495).
    require(at(spec, {"traefik", "acmeStorage"}), "traefik.acmeStorage", PathKind::any, diagnostics);
    require(at(spec, {"traefik", "accessLog", "filePath"}), "traefik.accessLog.filePath", PathKind::any, diagnostics);
    compose_and_dns(spec, diagnostics);
    break;
  }
  case load::Kind::environment:
    compose_and_dns(spec, diagnostics);
    break;
  case load::Kind::issuer:
    each_value(at(spec, {"files", "certificates"}), [&](const Node& certificate) {
      require(at(certificate, {"certFile"}), "certFile", PathKind::any, diagnostics);
      require(at(certificate, {"keyFile"}), "keyFile", PathKind::any, diagnostics);
    });
    break;
  case load::Kind::middleware:
    middleware(spec, diagnostics);
    break;
  case load::Kind::project:
    each_value(spec.find("middlewares"), [&](const Node& options) { middleware(options, diagnostics); });
    each_value(spec.find("services"), [&](const Node& service) {
      require(at(service, {"tls", "ca"}), "tls.ca", PathKind::any, diagnostics);
    });
    break;
  case load::Kind::route_test:
    break;
  }
}

} // namespace edgegen::model::detail
