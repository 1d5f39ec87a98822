// Environment.spec.patches: per environment, a copy of each object it
// patches, the patches merged into the copy's spec in the order written.
#include "patch/patch.hpp"

#include "util/empty.hpp"
#include "util/strings.hpp"

#include <map>
#include <set>

namespace edgegen::patch {

bool patchable(load::Kind kind)
{
  return kind == load::Kind::edge || kind == load::Kind::issuer || kind == load::Kind::middleware ||
         kind == load::Kind::project;
}

namespace {

using load::Node;

const Node* member(const Node* map, const std::string& key)
{
  return map && map->is_map() ? map->find(key) : nullptr;
}

std::string string_of(const Node* node)
{
  return node && node->is_string() ? node->text : std::string();
}

Node* spec_of(Node& root)
{
  for (size_t i = 0; i < root.keys.size(); ++i) {
    if (root.keys[i] == "spec" && root.items[i].is_map()) {
      return &root.items[i];
    }
  }
  return nullptr;
}

bool kind_named(const std::string& name, load::Kind& kind)
{
  for (load::Kind k : {load::Kind::edge, load::Kind::environment, load::Kind::issuer, load::Kind::middleware,
                       load::Kind::project, load::Kind::route_test}) {
    if (name == load::kind_name(k)) {
      kind = k;
      return true;
    }
  }
  return false;
}

// The first document of each kind and name (as the model keeps only the
// first of duplicates, E0411), and the names of each kind for hints.
struct Objects
{
  std::map<std::pair<load::Kind, std::string>, size_t> first;
  std::map<load::Kind, std::vector<std::string>> names;

  explicit Objects(const std::vector<load::Document>& documents)
  {
    for (size_t i = 0; i < documents.size(); ++i) {
      const auto& d = documents[i];
      if (!d.name.empty() && first.emplace(std::make_pair(d.kind, d.name), i).second) {
        names[d.kind].push_back(d.name);
      }
    }
  }
};

// The `environments` list of a spec as written that leaves `environment`
// out, or nullptr.
const Node* leaving_out(const load::Document& document, const std::string& environment)
{
  const Node* list = member(document.root.find("spec"), "environments");
  if (!list || !list->is_list()) {
    return nullptr;
  }
  for (const auto& item : list->items) {
    if (item.text == environment) {
      return nullptr;
    }
  }
  return list;
}

// Keys a patch may not set: which environments have an object, and which
// files are input, are decided before any environment is rendered.
bool changes_selection(const Node& patch, load::Kind kind, diag::Diagnostics& diagnostics)
{
  for (size_t i = 0; i < patch.keys.size(); ++i) {
    const std::string& key = patch.keys[i];
    if (key == "environments" && kind != load::Kind::edge) {
      diagnostics.error("E0312", patch.key_location(i), "a patch cannot change \"environments\"",
                        "which environments have an object is read from the object as written; change them there");
      return true;
    }
    if (key == "exclude" && kind == load::Kind::edge) {
      diagnostics.error("E0312", patch.key_location(i), "a patch cannot change \"exclude\"",
                        "the input files are chosen before any environment is read; change Edge.spec.exclude itself");
      return true;
    }
  }
  return false;
}

} // namespace

std::vector<Patched> apply(const std::vector<load::Document>& documents, diag::Diagnostics& diagnostics)
{
  Objects objects(documents);
  std::map<std::pair<std::string, size_t>, Patched> copies;
  std::set<std::string> environments;
  for (const auto& environment : documents) {
    if (environment.kind != load::Kind::environment || environment.name.empty() ||
        !environments.insert(environment.name).second) {
      continue;
    }
    const Node* patches = member(environment.root.find("spec"), "patches");
    for (const Node& item : patches && patches->is_list() ? patches->items : util::empty<Node::List>()) {
      const Node* target = member(&item, "target");
      const Node* kind_node = member(target, "kind");
      const Node* name_node = member(target, "name");
      const Node* patch = member(&item, "patch");
      load::Kind kind;
      std::string name = string_of(name_node);
      if (!kind_named(string_of(kind_node), kind) || name.empty() || !patch || !patch->is_map()) {
        continue; // the schema reports it
      }
      if (!patchable(kind)) {
        diagnostics.error("E0311", kind_node->location(),
                          std::string(load::kind_name(kind)) + " objects cannot be patched",
                          "a patch targets an Edge, Issuer, Middleware or Project");
        continue;
      }
      auto found = objects.first.find({kind, name});
      if (found == objects.first.end()) {
        std::string close = util::closest_match(name, objects.names[kind]);
        diagnostics.error(
            "E0418", name_node->location(), std::string(load::kind_name(kind)) + " \"" + name + "\" does not exist",
            close.empty() ? "a patch names its object by kind and metadata.name" : "did you mean \"" + close + "\"?");
        continue;
      }
      const load::Document& base = documents[found->second];
      if (const Node* list = leaving_out(base, environment.name)) {
        diagnostics.error("E0419", name_node->location(),
                          std::string(load::kind_name(kind)) + " \"" + name + "\" does not exist in environment \"" +
                              environment.name + "\"",
                          "its environments (" + diag::format_location(list->location()) +
                              ") leave it out; patch it only in the environments that have it");
        continue;
      }
      if (changes_selection(*patch, kind, diagnostics)) {
        continue;
      }
      auto [copy, added] = copies.try_emplace({environment.name, found->second});
      if (added) {
        copy->second = {environment.name, found->second, base, {}};
        copy->second.document.patch_file = environment.root.file;
        copy->second.document.patch_bytes = environment.bytes;
      }
      if (Node* spec = spec_of(copy->second.document.root)) {
        merge_patch(*spec, *patch, &copy->second.trace);
      }
    }
  }
  std::vector<Patched> out;
  out.reserve(copies.size());
  for (auto& [key, copy] : copies) {
    out.push_back(std::move(copy));
  }
  return out;
}

} // namespace edgegen::patch
