// `import compose`: the Traefik labels of compose services, turned into the
// tree a dynamic file would hold (labels are the docker provider's spelling
// of the same configuration), then read by the dynamic reader. Each label
// keeps its own file:line:col.
#include "import/import.hpp"
#include "import/read_common.hpp"
#include "load/load.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <deque>
#include <set>

namespace edgegen::import {

namespace {

struct Label
{
  std::string key;
  std::string value;
  const load::Node* at = nullptr; // the label as written
};

std::vector<Label> labels_of(const load::Node& service)
{
  std::vector<Label> out;
  const load::Node* labels = service.find("labels");
  if (labels && labels->is_map()) {
    for (size_t i = 0; i < labels->keys.size(); ++i) {
      out.push_back({labels->keys[i], labels->items[i].text, &labels->items[i]});
    }
  } else if (labels && labels->is_list()) {
    for (const auto& item : labels->items) {
      size_t equals = item.text.find('=');
      out.push_back(
          {item.text.substr(0, equals), equals == std::string::npos ? "" : item.text.substr(equals + 1), &item});
    }
  }
  return out;
}

const std::set<std::string>& list_options()
{
  static const std::set<std::string> names = {"prefixes",
                                              "regex",
                                              "sourcerange",
                                              "authresponseheaders",
                                              "authrequestheaders",
                                              "accesscontrolallowmethods",
                                              "accesscontrolallowheaders",
                                              "accesscontrolalloworiginlist",
                                              "accesscontrolexposeheaders",
                                              "allowedhosts",
                                              "hostsproxyheaders",
                                              "excludedcontenttypes",
                                              "includedcontenttypes",
                                              "encodings",
                                              "status",
                                              "middlewares",
                                              "excludedips",
                                              "sans"};
  return names;
}

void set_leaf(load::Node& leaf, const Label& label, const std::string& last)
{
  if (list_options().count(util::to_lower(last))) {
    leaf.kind = load::Node::Kind::list;
    for (const auto& part : util::split(label.value, ',')) {
      leaf.items.emplace_back();
      leaf.items.back().file = label.at->file;
      leaf.items.back().line = label.at->line;
      leaf.items.back().column = label.at->column;
      set_scalar(leaf.items.back(), part);
    }
    return;
  }
  set_scalar(leaf, label.value);
}

void add_label(load::Node& root, const std::string& container, const Label& label, diag::Diagnostics& diagnostics)
{
  std::vector<std::string> path = util::split(label.key, '.');
  if (path.size() < 5 || util::to_lower(path[1]) != "http") {
    if (util::to_lower(label.key) != "traefik.enable" && util::to_lower(label.key) != "traefik.docker.network") {
      diagnostics.error("E0429", label.at->location(),
                        "label " + label.key + " of compose service \"" + container +
                            "\" cannot be expressed: edgegen writes HTTP routing only");
    }
    return;
  }
  std::string section = util::to_lower(path[2]);
  std::string lower = util::to_lower(util::join({path.begin() + 4, path.end()}, "."));
  const load::Node& at = *label.at;
  load::Node& http = child(root, "http", at);
  size_t bracket = lower.find('[');
  if (section == "routers" && util::starts_with(lower, "tls.domains[") && lower.find("].") != std::string::npos) {
    // tls.domains[N].main / .sans: a map by N, which read_tls makes a list.
    std::string index = lower.substr(bracket + 1, lower.find(']') - bracket - 1);
    std::string field = lower.substr(lower.find("].") + 2);
    load::Node& router = child(child(http, "routers", at), path[3], at);
    load::Node& domain = child(child(child(router, "tls", at), "domains", at), index, at);
    set_leaf(child(domain, field, at), label, field == "sans" ? "sans" : "");
    return;
  }
  if (bracket != std::string::npos) {
    diagnostics.warning("W0615", at.location(), "label " + label.key + " is not carried over");
    return;
  }
  if (section == "routers") {
    load::Node& router = child(child(http, "routers", at), path[3], at);
    if (lower == "tls.certresolver" || lower == "tls.options") {
      set_leaf(child(child(router, "tls", at), lower == "tls.options" ? "options" : "certResolver", at), label, "");
    } else if (lower == "tls") {
      if (router.find("tls") == nullptr) {
        set_leaf(child(router, "tls", at), label, "");
      }
    } else {
      set_leaf(child(router, lower, at), label, lower);
    }
  } else if (section == "services") {
    load::Node& balancer = child(child(child(http, "services", at), path[3], at), "loadBalancer", at);
    if (lower == "loadbalancer.server.port" || lower == "loadbalancer.server.scheme") {
      set_leaf(child(child(balancer, "server", at), lower.substr(20), at), label, "");
    } else if (util::starts_with(lower, "loadbalancer.healthcheck.")) {
      set_leaf(child(child(balancer, "healthCheck", at), path.back(), at), label, "");
    } else if (lower == "loadbalancer.passhostheader") {
      set_leaf(child(balancer, "passHostHeader", at), label, "");
    } else {
      diagnostics.warning("W0615", at.location(),
                          "label " + label.key +
                              " is not carried over: edgegen's services "
                              "have no such setting");
    }
  } else if (section == "middlewares") {
    load::Node* node = &child(child(child(http, "middlewares", at), path[3], at), middleware_type(path[4]), at);
    for (size_t i = 5; i < path.size(); ++i) {
      node = &child(*node, path[i], at);
    }
    set_leaf(*node, label, path.back());
  } else {
    diagnostics.error("E0429", at.location(),
                      "label " + label.key +
                          " cannot be expressed: edgegen writes routers, "
                          "services and middlewares");
  }
}

// The docker provider's servers: the container at the port of the label
// (edgegen's own render names the container in the service), and a router
// without a service label goes to the container's only service.
void complete(load::Node& root, const std::string& container, const load::Node& at)
{
  load::Node& http = child(root, "http", at);
  load::Node& services = child(http, "services", at);
  for (auto& service : services.items) {
    load::Node& balancer = child(service, "loadBalancer", at);
    const load::Node* server = balancer.find("server");
    std::string scheme = server ? text_of(server->find("scheme")) : "";
    std::string port = server ? text_of(server->find("port")) : "";
    // Where the url was written: the server label's place, copied, since
    // adding "servers" to the balancer may move its children.
    load::Node url_at;
    url_at.file = (server ? *server : at).file;
    url_at.line = (server ? *server : at).line;
    url_at.column = (server ? *server : at).column;
    load::Node& servers = child(balancer, "servers", at);
    servers.kind = load::Node::Kind::list;
    servers.items.emplace_back();
    load::Node& url = child(servers.items.back(), "url", url_at);
    url.kind = load::Node::Kind::string;
    url.text = (scheme.empty() ? "http" : scheme) + "://" + container + (port.empty() ? "" : ":" + port);
    for (size_t i = 0; i < balancer.keys.size(); ++i) {
      if (balancer.keys[i] == "server") {
        balancer.keys.erase(balancer.keys.begin() + static_cast<long>(i));
        balancer.items.erase(balancer.items.begin() + static_cast<long>(i));
        break;
      }
    }
  }
  const load::Node* routers = http.find("routers");
  std::string only = services.keys.size() == 1 ? services.keys.front().str() : container;
  for (size_t i = 0; routers && i < routers->keys.size(); ++i) {
    load::Node& router = child(child(http, "routers", at), routers->keys[i], at);
    if (!router.find("service")) {
      load::Node& service = child(router, "service", at);
      service.kind = load::Node::Kind::string;
      service.text = only;
    }
  }
}

} // namespace

// The labels of every service of a compose file, as dynamic configuration.
void read_compose(const load::Node& root, TraefikConfig& config, std::deque<load::Node>& trees,
                  diag::Diagnostics& diagnostics)
{
  const load::Node* services = root.is_map() ? root.find("services") : nullptr;
  if (!services || !services->is_map() || root.find("http") || root.find("entryPoints")) {
    diagnostics.error("E0427", root.location(), "not a compose file: it has no services",
                      "`edgegen import compose` reads compose files whose services carry Traefik labels");
    return;
  }
  for (size_t i = 0; i < services->keys.size(); ++i) {
    std::vector<Label> labels = labels_of(services->items[i]);
    bool enabled = std::any_of(labels.begin(), labels.end(), [](const Label& l) {
      return util::to_lower(l.key) == "traefik.enable" && util::to_lower(l.value) == "true";
    });
    if (!enabled) {
      continue;
    }
    trees.emplace_back();
    load::Node& tree = trees.back();
    tree.file = root.file;
    tree.line = services->items[i].line;
    tree.column = services->items[i].column;
    for (const auto& label : labels) {
      if (util::starts_with(util::to_lower(label.key), "traefik.")) {
        add_label(tree, services->keys[i], label, diagnostics);
      }
    }
    complete(tree, services->keys[i], services->items[i]);
    read_dynamic(tree, config, diagnostics);
  }
}

} // namespace edgegen::import
