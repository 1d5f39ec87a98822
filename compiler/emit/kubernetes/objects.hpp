#pragma once

// Building blocks of Kubernetes documents, shared by the kubernetes, flux
// and argocd targets.

#include "emit/output.hpp"
#include "model/model.hpp"
#include "util/value.hpp"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace edgegen::emit::kubernetes {

// {apiVersion, kind, metadata: {name, namespace}}; no namespace when empty.
util::Value object(const std::string& api_version, const std::string& kind, const std::string& name,
                   const std::string& namespace_name = {});

// Adds `values` to metadata.labels (or .annotations); existing keys win, so
// edgegen's own labels are set last and cannot be overridden by the input.
void add_labels(util::Value& object, const model::StringMap& values);
void add_annotations(util::Value& object, const model::StringMap& values);

// A list of strings, from any range of std::string or std::string_view
// items (a braced list reads as std::string).
template <typename Items> util::Value string_list(const Items& items)
{
  util::Value out = util::Value::list();
  for (const auto& item : items) {
    out.push_back(std::string(item));
  }
  return out;
}
inline util::Value string_list(std::initializer_list<std::string> items)
{
  return string_list<std::initializer_list<std::string>>(items);
}

OutputFile yaml_file(std::string path, std::vector<util::Value> documents, int rank);

// A valid object name (DNS-1123 subdomain, at most `limit` characters) that
// reads like `text`: lower case, "*" becomes "wildcard", any other character
// that is not a letter, digit, '-' or '.' becomes '-'; a name that is too
// long is cut and ends in a hash of the whole, so it stays unique.
std::string object_name(const std::string& text, size_t limit = 253);

// FNV-1a, 32 bits: stable across machines and releases (std::hash is not).
uint32_t stable_hash(const std::string& text);

inline const char* const k_managed_by = "app.kubernetes.io/managed-by";
inline const char* const k_part_of = "app.kubernetes.io/part-of";
inline const char* const k_project_label = "edgegen.dev/project";

} // namespace edgegen::emit::kubernetes
