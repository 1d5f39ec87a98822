#include "emit/kubernetes/objects.hpp"

#include "util/strings.hpp"

#include <cstdio>

namespace edgegen::emit::kubernetes {

util::Value object(const std::string& api_version, const std::string& kind, const std::string& name,
                   const std::string& namespace_name)
{
  util::Value out;
  out["apiVersion"] = api_version;
  out["kind"] = kind;
  out["metadata"]["name"] = name;
  if (!namespace_name.empty()) {
    out["metadata"]["namespace"] = namespace_name;
  }
  return out;
}

namespace {

void add_to(util::Value& object, const char* field, const model::StringMap& values)
{
  for (const auto& [key, value] : values) {
    util::Value& map = object["metadata"][field];
    if (!map.as_map().count(key)) {
      map[key] = value;
    }
  }
}

} // namespace

void add_labels(util::Value& object, const model::StringMap& values)
{
  add_to(object, "labels", values);
}

void add_annotations(util::Value& object, const model::StringMap& values)
{
  add_to(object, "annotations", values);
}

OutputFile yaml_file(std::string path, std::vector<util::Value> documents, int rank)
{
  OutputFile file;
  file.path = std::move(path);
  file.documents = std::move(documents);
  file.rank = rank;
  return file;
}

uint32_t stable_hash(const std::string& text)
{
  uint32_t hash = 2166136261u;
  for (unsigned char c : text) {
    hash = (hash ^ c) * 16777619u;
  }
  return hash;
}

std::string object_name(const std::string& text, size_t limit)
{
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '*') {
      out += "wildcard";
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.') {
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += '-';
    }
  }
  // A name starts and ends with a letter or digit.
  while (!out.empty() && (out.back() == '-' || out.back() == '.')) {
    out.pop_back();
  }
  while (!out.empty() && (out.front() == '-' || out.front() == '.')) {
    out.erase(out.begin());
  }
  if (out.size() > limit) {
    char suffix[10];
    std::snprintf(suffix, sizeof suffix, "-%08x", stable_hash(text));
    out = out.substr(0, limit - 9);
    while (!out.empty() && (out.back() == '-' || out.back() == '.')) {
      out.pop_back();
    }
    out += suffix;
  }
  return out;
}

} // namespace edgegen::emit::kubernetes
