#include "model/build.hpp"

#include "diag/parallel.hpp"
#include "model/internal.hpp"

#include <algorithm>
#include <iterator>
#include <set>

namespace edgegen::model {

namespace {

using namespace detail;

// Variables of the Edge, overridden by the environment's own.
Vars vars_of(const Node* edge_spec, const Node* environment_spec, diag::Diagnostics& diagnostics)
{
  Vars out;
  for (const Node* spec : {edge_spec, environment_spec}) {
    const Node* vars = spec ? spec->find("vars") : nullptr;
    if (!vars || !vars->is_map()) {
      continue;
    }
    for (size_t i = 0; i < vars->keys.size(); ++i) {
      out[vars->keys[i]] = variable_value(vars->keys[i], vars->items[i], diagnostics);
    }
  }
  return out;
}

const Node* spec_of(const load::Document& document)
{
  const Node* spec = document.root.find("spec");
  static const Node k_empty = [] {
    Node n;
    n.kind = Node::Kind::map;
    return n;
  }();
  return spec && spec->is_map() ? spec : &k_empty;
}

// The document's identity and the warnings its annotation silences:
// `edgegen.dev/ignore: "W0601, W0602"` (commas or spaces between codes).
Declaration declaration_of(const load::Document& document)
{
  Declaration out{document.kind_name, document.name, document.root.location(), {}, {}};
  const Node* metadata = document.root.find("metadata");
  const Node* annotations = metadata ? metadata->find("annotations") : nullptr;
  const Node* ignore = annotations ? annotations->find(k_ignore_annotation) : nullptr;
  if (!ignore || !ignore->is_string()) {
    return out;
  }
  out.ignore_location = ignore->location();
  std::string code;
  for (char c : ignore->text + " ") {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!code.empty()) {
        out.ignore.push_back(code);
      }
      code.clear();
    } else {
      code += c;
    }
  }
  return out;
}

// One environment's patched copies, by the document as written.
using Overlay = std::map<const load::Document*, load::Document*>;

// The document as `overlay`'s environment sees it.
const load::Document& seen(const load::Document& document, const Overlay& overlay)
{
  auto found = overlay.find(&document);
  return found == overlay.end() ? document : *found->second;
}

struct Inputs
{
  const load::Document* edge = nullptr;
  std::vector<const load::Document*> environments;
  std::vector<const load::Document*> issuers;
  std::vector<const load::Document*> middlewares;
  std::vector<load::Document*> projects; // each one's tree is freed once converted
  std::vector<const load::Document*> route_tests;
  std::set<std::string> invalid_issuers; // declared, but failed validation
  std::set<std::string> invalid_middlewares;
};

Inputs sort_inputs(std::vector<load::Document>& documents, const std::vector<bool>& valid, Model& model,
                   diag::Diagnostics& diagnostics)
{
  Inputs in;
  std::set<std::pair<load::Kind, std::string>> seen;
  model.declarations.reserve(documents.size()); // kept to the end, one per document
  for (size_t i = 0; i < documents.size(); ++i) {
    auto& document = documents[i];
    model.declarations.push_back(declaration_of(document));
    // A second object with the same name is reported by check/ (E0411) and
    // left out here, so its routes do not also collide with the first's.
    bool first = document.name.empty() || seen.emplace(document.kind, document.name).second;
    if (!first && document.kind != load::Kind::edge) {
      continue;
    }
    bool ok = i < valid.size() && valid[i];
    model.declarations.back().dropped = !ok;
    switch (document.kind) {
    case load::Kind::edge:
      if (in.edge) {
        diagnostics.error("E0305", document.root.location(), "more than one Edge document",
                          "the first is in " + *in.edge->file + "; keep exactly one");
      } else if (ok) {
        in.edge = &document;
      }
      break;
    case load::Kind::environment:
      if (ok) {
        in.environments.push_back(&document);
      }
      break;
    case load::Kind::issuer:
      (ok ? in.issuers.push_back(&document) : void(in.invalid_issuers.insert(document.name)));
      break;
    case load::Kind::middleware:
      (ok ? in.middlewares.push_back(&document) : void(in.invalid_middlewares.insert(document.name)));
      break;
    case load::Kind::project:
      if (ok) {
        in.projects.push_back(&document);
      }
      break;
    case load::Kind::route_test:
      if (ok) {
        in.route_tests.push_back(&document);
      }
      break;
    }
  }
  return in;
}

// One environment, but for its projects (see convert_projects).
Config build_config(const Inputs& in, const load::Document* environment, const Overlay& overlay,
                    diag::Diagnostics& diagnostics)
{
  const Node* environment_spec = environment ? spec_of(*environment) : nullptr;
  const load::Document* edge = in.edge ? &seen(*in.edge, overlay) : nullptr;
  Vars vars = vars_of(edge ? spec_of(*edge) : nullptr, environment_spec, diagnostics);
  std::string environment_name = environment ? environment->name : "default";
  auto resolved_spec = [&](const load::Document& document) {
    Node out = substitute(*spec_of(document), vars, environment_name, diagnostics);
    check_paths(document.kind, out, diagnostics);
    return out;
  };

  Config config;
  Node environment_resolved = environment ? resolved_spec(*environment) : Node{};
  if (environment) {
    config.environment = convert_environment(*environment, environment_resolved);
  } else {
    config.environment.name = "default";
    config.environment.implicit = true;
  }
  config.environment.vars = vars;
  if (edge) {
    config.edge = convert_edge(*edge, resolved_spec(*edge));
  }
  if (environment) {
    apply_target_settings(config.edge, environment_resolved);
  }
  // The Valkey compose runs is the endpoint unless the input names one.
  if (!config.edge.compose.valkey_image.empty() && !config.edge.redis.endpoints_given) {
    config.edge.redis.endpoints = {"valkey:6379"};
  }
  // What `spec.environments` leaves out of this environment is not read at
  // all; a reference to it is reported by check/ (E0417).
  auto left_out = [&](const load::Document& document, std::map<std::string, Location>& absent) {
    if (selected(*spec_of(document), environment_name)) {
      return false;
    }
    absent[document.name] = spec_of(document)->find("environments")->location();
    return true;
  };
  for (const auto* written : in.issuers) {
    if (left_out(*written, config.absent_issuers)) {
      continue;
    }
    const load::Document& document = seen(*written, overlay);
    config.issuers.push_back(convert_issuer(document, resolved_spec(document)));
  }
  for (const auto* written : in.middlewares) {
    if (left_out(*written, config.absent_middlewares)) {
      continue;
    }
    const load::Document& document = seen(*written, overlay);
    Middleware middleware = convert_middleware(document.name, resolved_spec(document));
    middleware.location = document.root.location();
    read_metadata(document, middleware.labels, middleware.annotations);
    config.middlewares.push_back(std::move(middleware));
  }
  for (const auto* document : in.route_tests) {
    if (!selected(*spec_of(*document), environment_name)) {
      continue;
    }
    // Cases of other environments are not read here (their variables need
    // not exist in this one).
    Node own = route_tests_of(*spec_of(*document), environment_name);
    auto cases = convert_route_tests(*document, substitute(own, vars, environment_name, diagnostics));
    std::move(cases.begin(), cases.end(), std::back_inserter(config.route_tests));
  }
  return config;
}

// Environments mostly convert a project's services and middlewares alike
// (variables tend to change its hosts): where two converted them from the
// same values written in the same places, they hold one copy. So do a
// route's parts besides its hosts (RouteCommon), where they are equal.
void share_alike(std::vector<Config>& configs, size_t project, const std::vector<Node>& specs)
{
  auto same = [](const Node* a, const Node* b) { return a == b || (a && b && a->same_as(*b)); };
  for (size_t e = 1; e < configs.size(); ++e) {
    Project& own = configs[e].projects[project];
    for (size_t f = 0; f < e && !own.name.empty(); ++f) {
      const Project& earlier = configs[f].projects[project];
      if (earlier.name.empty()) {
        continue;
      }
      if (same(specs[e].find("services"), specs[f].find("services"))) {
        own.services.share(earlier.services);
      }
      if (same(specs[e].find("middlewares"), specs[f].find("middlewares"))) {
        own.middlewares.share(earlier.middlewares);
      }
      for (size_t r = 0; r < std::min(own.routes.size(), earlier.routes.size()); ++r) {
        Route& route = own.routes[r];
        if (!route.shares(earlier.routes[r]) && route.common() == earlier.routes[r].common()) {
          route.share(earlier.routes[r]);
        }
      }
    }
  }
}

// Every project into every environment. Projects are most of the input and
// independent of each other: converted side by side, each reporting into its
// own sink (merged in input order), and each one's tree freed once all
// environments have it.
void convert_projects(Inputs& in, std::vector<Config>& configs, const std::map<std::string, Overlay>& overlays,
                      diag::Diagnostics& diagnostics)
{
  static const Overlay k_none;
  std::vector<const Overlay*> overlay_of;
  for (Config& config : configs) {
    config.projects.resize(in.projects.size());
    auto found = overlays.find(config.environment.name);
    overlay_of.push_back(found == overlays.end() ? &k_none : &found->second);
  }
  diag::parallel_for(in.projects.size(), diagnostics, [&](size_t i, diag::Diagnostics& found) {
    load::Document& as_written = *in.projects[i];
    std::vector<Node> specs(configs.size()); // as each environment converted it
    for (size_t e = 0; e < configs.size(); ++e) {
      Config& config = configs[e];
      const std::string& environment = config.environment.name;
      auto patched = overlay_of[e]->find(&as_written);
      load::Document& document = patched == overlay_of[e]->end() ? as_written : *patched->second;
      if (!selected(*spec_of(document), environment)) {
        continue; // left with no name: finish_config drops it
      }
      Node storage;
      std::map<std::string, Location> absent;
      const Node& written = selected_spec(*spec_of(document), environment, storage, absent);
      Node spec = substitute(written, config.environment.vars, environment, found);
      check_paths(load::Kind::project, spec, found);
      config.projects[i] = convert_project(document, spec, written);
      config.projects[i].absent_middlewares = std::move(absent);
      specs[e] = std::move(spec);
      if (&document != &as_written) {
        document.root = Node{}; // a copy of this environment's alone
      }
    }
    as_written.root = Node{};
    share_alike(configs, i, specs);
  });
}

void finish_config(Config& config, const Inputs& in)
{
  auto by_name = [](const auto& a, const auto& b) { return a.name < b.name; };
  config.projects.erase(
      std::remove_if(config.projects.begin(), config.projects.end(), [](const Project& p) { return p.name.empty(); }),
      config.projects.end());
  std::stable_sort(config.issuers.begin(), config.issuers.end(), by_name);
  std::stable_sort(config.middlewares.begin(), config.middlewares.end(), by_name);
  std::stable_sort(config.projects.begin(), config.projects.end(), by_name);
  resolve(config, in.invalid_issuers, in.invalid_middlewares);
}

} // namespace

Model build(std::vector<load::Document> documents, const std::vector<bool>& valid, diag::Diagnostics& diagnostics,
            std::vector<patch::Patched> patched)
{
  Model model;
  Inputs in = sort_inputs(documents, valid, model, diagnostics);
  bool edge_declared =
      std::any_of(documents.begin(), documents.end(), [](const auto& d) { return d.kind == load::Kind::edge; });
  if (!edge_declared) {
    diagnostics.error("E0304", {}, "no Edge document found", "add one file with `kind: Edge` (see examples/)");
    return model;
  }
  if (in.projects.size() > k_max_projects) {
    const load::Document& first_over = *in.projects[k_max_projects];
    diagnostics.error("E0307", first_over.root.location(), "more than " + std::to_string(k_max_projects) + " projects",
                      "split the edge into several sources rendered separately");
    return model;
  }
  std::vector<std::string> environment_names;
  for (const auto* environment : in.environments) {
    environment_names.push_back(environment->name);
  }
  std::sort(environment_names.begin(), environment_names.end());
  std::map<std::string, Overlay> overlays;
  for (auto& copy : patched) {
    overlays[copy.environment][&documents[copy.base]] = &copy.document;
  }
  if (in.environments.empty()) {
    environment_names.push_back("default");
    model.environments.push_back(build_config(in, nullptr, {}, diagnostics));
  }
  for (const auto* kind : {&in.issuers, &in.middlewares, &in.route_tests}) {
    for (const auto* document : *kind) {
      check_environment_selectors(*document, environment_names, diagnostics);
    }
  }
  for (const auto* document : in.projects) {
    check_environment_selectors(*document, environment_names, diagnostics);
  }
  for (const auto& copy : patched) {
    check_environment_selectors(copy.document, environment_names, diagnostics); // what a patch wrote
  }
  for (const auto* environment : in.environments) {
    auto found = overlays.find(environment->name);
    model.environments.push_back(
        build_config(in, environment, found == overlays.end() ? Overlay{} : found->second, diagnostics));
  }
  convert_projects(in, model.environments, overlays, diagnostics);
  for (Config& config : model.environments) {
    finish_config(config, in);
  }
  std::stable_sort(model.environments.begin(), model.environments.end(),
                   [](const Config& a, const Config& b) { return a.environment.name < b.environment.name; });
  return model;
}

} // namespace edgegen::model
