#include "cli/starter.hpp"

#include "util/embedded.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iterator>
#include <stdexcept>

namespace edgegen::cli {

namespace {

// starter/ holds the files every shape shares, and in shapes/ the part of
// the Edge's spec that makes each shape (its targets and their settings),
// which replaces "%%SHAPE%%" in edge/edge.yaml. A shape's part may hold the
// settings several shapes share, parts/<name>.yaml as "%%NAME%%".
constexpr std::string_view k_root = "starter/";
constexpr std::string_view k_shapes = "starter/shapes/";
constexpr std::string_view k_parts = "starter/parts/";

// A template inserted in place of its placeholder's line, which has its own
// line break.
std::string without_final_newlines(std::string_view text)
{
  while (!text.empty() && text.back() == '\n') {
    text.remove_suffix(1);
  }
  return std::string(text);
}

std::string_view embedded(const std::string& path)
{
  for (const auto& file : util::embedded_files()) {
    if (file.path == path) {
      return file.content;
    }
  }
  throw std::logic_error(path + " is not embedded in the binary");
}

// "edge" for a template whose document is `kind: Edge`; empty for one that is
// not an edgegen document (the pre-commit configuration, the workflow).
std::string kind_of(std::string_view text)
{
  for (const auto& line : util::split(text, '\n')) {
    if (util::starts_with(line, "kind: ")) {
      return util::to_lower(line.substr(6));
    }
  }
  return "";
}

} // namespace

const std::vector<StarterShape>& starter_shapes()
{
  static const std::vector<StarterShape> shapes = {
      {"traefik", "Traefik's file provider: traefik.yml and one dynamic file per project"},
      {"traefik-redis", "a fleet of Traefiks reading every route from one Redis or Valkey (KV provider)"},
      {"compose", "one Docker host: a compose file with Traefik, routes as container labels"},
      {"kubernetes", "Traefik IngressRoutes and cert-manager objects, a Kustomize directory per layer"},
      {"flux", "kubernetes, applied by Flux (a GitRepository and Kustomizations)"},
      {"argocd", "kubernetes, applied by Argo CD (an Application per environment)"},
      {"dns", "Traefik's file provider, plus DNS zone files and a CoreDNS Corefile"},
  };
  return shapes;
}

std::vector<std::string> starter_shape_names()
{
  std::vector<std::string> names;
  for (const auto& shape : starter_shapes()) {
    names.emplace_back(shape.name);
  }
  return names;
}

std::string substitute_placeholders(std::string_view text, const std::map<std::string, std::string>& values)
{
  std::string out;
  for (size_t at = 0;;) {
    size_t open = text.find("%%", at);
    if (open == std::string_view::npos) {
      out.append(text.substr(at));
      return out;
    }
    size_t close = text.find("%%", open + 2);
    std::string name(text.substr(open + 2, close == std::string_view::npos ? 0 : close - open - 2));
    auto it = values.find(name);
    if (close == std::string_view::npos || it == values.end()) {
      throw std::logic_error("starter template: no value for placeholder \"%%" + name + "%%\"");
    }
    out.append(text.substr(at, open - at));
    out += it->second;
    at = close + 2;
  }
}

std::vector<StarterFile> starter_files(const StarterRequest& request)
{
  std::map<std::string, std::string> parts;
  for (const auto& file : util::embedded_files()) {
    if (util::starts_with(file.path, k_parts) && util::ends_with(file.path, ".yaml")) {
      std::string_view name = file.path.substr(k_parts.size(), file.path.size() - k_parts.size() - 5);
      std::string key;
      std::transform(name.begin(), name.end(), std::back_inserter(key),
                     [](char c) { return c == '-' ? '_' : static_cast<char>(std::toupper(c)); });
      parts[key] = without_final_newlines(file.content);
    }
  }
  const std::string shape =
      substitute_placeholders(without_final_newlines(embedded(std::string(k_shapes) + request.shape + ".yaml")), parts);
  const std::map<std::string, std::string> values = {
      {"ENVIRONMENT", request.environment}, {"VERSION", request.version}, {"SHAPE", shape}};
  std::vector<StarterFile> files;
  for (const auto& file : util::embedded_files()) {
    if (!util::starts_with(file.path, k_root) || util::starts_with(file.path, k_shapes) ||
        util::starts_with(file.path, k_parts)) {
      continue;
    }
    StarterFile out;
    out.path = substitute_placeholders(file.path.substr(k_root.size()), values);
    out.bytes = substitute_placeholders(file.content, values);
    std::string kind = kind_of(out.bytes);
    std::string schema = kind.empty() || !request.schema_of ? "" : request.schema_of(kind);
    if (!schema.empty()) {
      out.bytes = "# yaml-language-server: $schema=" + schema + "\n" + out.bytes;
    }
    files.push_back(std::move(out));
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return files;
}

std::string find_schema(const std::string& executable, const std::string& kind)
{
  namespace fs = std::filesystem;
  if (executable.empty()) {
    return "";
  }
  const fs::path bin = fs::path(executable).parent_path();
  const fs::path installed = bin / ".." / "share" / "edgegen" / "schemas";
  for (const fs::path& candidate :
       {installed / (kind + ".schema.json"), installed / (kind + ".json"), bin / ".." / "schemas" / (kind + ".json")}) {
    std::error_code error;
    if (fs::is_regular_file(candidate, error)) {
      fs::path found = fs::weakly_canonical(fs::absolute(candidate, error), error);
      return error ? fs::absolute(candidate).lexically_normal().string() : found.string();
    }
  }
  return "";
}

} // namespace edgegen::cli
