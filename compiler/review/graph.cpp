// The route map: the routers of one environment's Traefik with what leads
// to them (hosts) and what they lead to (middlewares in order, the service,
// its servers), written as a Mermaid flowchart or a Graphviz digraph.
#include "review/graph.hpp"

#include "model/routing.hpp"
#include "util/printable.hpp"
#include "util/strings.hpp"

#include <cstdint>
#include <map>
#include <tuple>
#include <vector>

namespace edgegen::review {

namespace {

// Node kinds, in the order their ids sort: the prefix of each id.
constexpr char k_host = 'h';
constexpr char k_middleware = 'm';
constexpr char k_router = 'r';
constexpr char k_service = 's';
constexpr char k_server = 'u';
constexpr const char* k_any_host = "any host";

struct Node
{
  char kind = k_router;
  std::string name;
  std::vector<std::string> lines; // the label, the name first
  bool highlighted = false;
};

struct Graph
{
  std::map<std::string, Node> nodes;                                 // by key: kind, ':', name
  std::set<std::tuple<std::string, std::string, std::string>> edges; // keys and label
};

std::string key_of(char kind, const std::string& name)
{
  return std::string(1, kind) + ":" + name;
}

std::string add_node(Graph& graph, char kind, const std::string& name, std::vector<std::string> lines = {})
{
  std::string key = key_of(kind, name);
  Node& node = graph.nodes[key];
  if (node.name.empty()) {
    node.kind = kind;
    node.name = name;
    node.lines.push_back(name);
    node.lines.insert(node.lines.end(), lines.begin(), lines.end());
  }
  return key;
}

std::string tls_text(const model::Config& config, const model::Ref& issuer_ref)
{
  const model::Issuer* issuer = model::find_issuer(config, issuer_ref.resolved);
  return issuer && issuer->type == model::Issuer::Type::acme ? "TLS, issuer " + issuer->name : "TLS";
}

std::vector<std::string> router_lines(const model::Config& config, const model::RoutingTable& table,
                                      const rules::Router& router)
{
  std::vector<std::string> lines{table.rule_text(router)};
  std::string placement = "entry points: " + util::join(router.entry_points, ", ");
  if (router.priority && *router.priority != 0) {
    placement += "; priority " + std::to_string(*router.priority);
  }
  lines.push_back(placement);
  if (router.tls) {
    const model::RoutingTable::Source& source = table.routes[router.owner];
    const model::Ref* issuer = source.route                                                  ? &source.route->issuer()
                               : source.kind == model::RoutingTable::Source::Kind::dashboard ? &table.dashboard->issuer
                                                                                             : nullptr;
    lines.push_back(issuer ? tls_text(config, *issuer) : "TLS");
  }
  return lines;
}

const model::Middleware* find_middleware(const model::Config& config, const std::string& output_name)
{
  for (const auto& middleware : config.middlewares) {
    if (middleware.output_name == output_name) {
      return &middleware;
    }
  }
  for (const auto& project : config.projects) {
    for (const auto& middleware : project.middlewares) {
      if (middleware.output_name == output_name) {
        return &middleware;
      }
    }
  }
  return nullptr;
}

std::vector<std::string> middleware_lines(const model::Config& config, const std::string& name)
{
  const model::Middleware* middleware = find_middleware(config, name);
  if (!middleware) {
    return {};
  }
  if (middleware->chain.empty()) {
    return middleware->type == name ? std::vector<std::string>{} : std::vector<std::string>{middleware->type};
  }
  std::vector<std::string> parts;
  for (const auto& ref : middleware->chain) {
    parts.push_back(ref.resolved.empty() ? ref.name : ref.resolved);
  }
  return {"chain: " + util::join(parts, ", ")};
}

Graph build(const model::Config& config, const GraphOptions& options)
{
  model::RoutingTable table = model::traefik_routing_table(config);
  Graph graph;
  for (const auto& router : table.routers) {
    bool highlighted = options.highlight.count(std::string(router.name)) > 0;
    if (options.only_highlighted && !highlighted) {
      continue;
    }
    std::string router_key = add_node(graph, k_router, std::string(router.name), router_lines(config, table, router));
    graph.nodes[router_key].highlighted = highlighted;
    const model::Route* route = table.routes[router.owner].route;
    util::CompactVector<std::string> hosts = route ? route->match.scope.hosts : rules::scope_of(*router.rule).hosts;
    if (hosts.empty()) {
      hosts.push_back(k_any_host);
    }
    for (const auto& host : hosts) {
      graph.edges.emplace(add_node(graph, k_host, host), router_key, "");
    }
    size_t order = 0;
    for (const auto& middleware : table.middlewares_of(router)) {
      graph.edges.emplace(router_key, add_node(graph, k_middleware, middleware, middleware_lines(config, middleware)),
                          std::to_string(++order));
    }
    std::string service_key = add_node(graph, k_service, table.service_of(router));
    graph.edges.emplace(router_key, service_key, "");
    for (const auto& server : table.servers_of(router)) {
      graph.edges.emplace(service_key, add_node(graph, k_server, server), "");
    }
  }
  return graph;
}

// Ids from names: the kind's letter, '_', the name with every character but
// ASCII letters and digits as '_' (valid in Mermaid and DOT alike, and
// never a keyword such as `end` or `graph`). Names that still meet get
// _2, _3, … in the order of their names.
std::map<std::string, std::string> ids_of(const Graph& graph)
{
  std::map<std::string, std::vector<std::string>> keys_by_id;
  for (const auto& [key, node] : graph.nodes) {
    std::string id(1, node.kind);
    id += '_';
    for (char c : node.name) {
      bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      id += plain ? c : '_';
    }
    keys_by_id[id].push_back(key); // keys come sorted
  }
  std::map<std::string, std::string> out;
  std::set<std::string> taken;
  for (const auto& entry : keys_by_id) {
    taken.insert(entry.first);
  }
  for (const auto& [id, keys] : keys_by_id) {
    out[keys[0]] = id;
    int suffix = 1;
    for (size_t i = 1; i < keys.size(); ++i) {
      std::string unique;
      do {
        unique = id + "_" + std::to_string(++suffix);
      } while (taken.count(unique));
      taken.insert(unique);
      out[keys[i]] = unique;
    }
  }
  return out;
}

// A label line inside a Mermaid "quoted" label: the characters Mermaid or
// the HTML it makes would read as syntax become entity codes (#quot;, #35;).
std::string mermaid_text(const std::string& line)
{
  std::string out;
  for (char c : util::printable(line)) {
    switch (c) {
    case '"':
      out += "#quot;";
      break;
    case '#':
      out += "#35;";
      break;
    case '&':
      out += "#amp;";
      break;
    case '<':
      out += "#lt;";
      break;
    case '>':
      out += "#gt;";
      break;
    case '`':
      out += "#96;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string dot_text(const std::string& line)
{
  std::string out;
  for (char c : util::printable(line)) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

const char* class_of(const Node& node)
{
  if (node.highlighted) {
    return "highlight";
  }
  switch (node.kind) {
  case k_host:
    return "host";
  case k_middleware:
    return "middleware";
  case k_router:
    return "router";
  case k_service:
    return "service";
  default:
    return "server";
  }
}

std::vector<std::string> escaped_lines(const Node& node, std::string (*escape)(const std::string&))
{
  std::vector<std::string> out;
  for (const auto& line : node.lines) {
    out.push_back(escape(line));
  }
  return out;
}

// Nodes sorted by id, then edges by where they start: a router's
// middlewares in their order, then its service.
template <typename NodeLine, typename EdgeLine>
std::string write_sorted(const Graph& graph, NodeLine node_line, EdgeLine edge_line)
{
  std::map<std::string, std::string> ids = ids_of(graph);
  std::map<std::string, std::string> node_lines;
  for (const auto& [key, node] : graph.nodes) {
    node_lines[ids.at(key)] = node_line(ids.at(key), node);
  }
  std::set<std::tuple<std::string, size_t, std::string, std::string>> edges;
  for (const auto& [from, to, label] : graph.edges) {
    edges.emplace(ids.at(from), label.empty() ? SIZE_MAX : std::stoul(label), ids.at(to), label);
  }
  std::string out;
  for (const auto& entry : node_lines) {
    out += entry.second;
  }
  for (const auto& [from, rank, to, label] : edges) {
    out += edge_line(from, to, label);
  }
  return out;
}

std::string mermaid(const Graph& graph)
{
  std::string out = "flowchart LR\n"
                    "  classDef host fill:#e8f1fb,stroke:#4a78b0\n"
                    "  classDef router fill:#fff,stroke:#555\n"
                    "  classDef highlight fill:#ffe08a,stroke:#c77c00,stroke-width:3px\n"
                    "  classDef middleware fill:#f3ecfa,stroke:#8a63b8\n"
                    "  classDef service fill:#e9f7ec,stroke:#3f8f55\n"
                    "  classDef server fill:#f4f4f4,stroke:#888\n";
  return out + write_sorted(
                   graph,
                   [](const std::string& id, const Node& node) {
                     return "  " + id + "[\"" + util::join(escaped_lines(node, mermaid_text), "<br>") +
                            "\"]:::" + class_of(node) + "\n";
                   },
                   [](const std::string& from, const std::string& to, const std::string& label) {
                     return "  " + from + " -->" + (label.empty() ? "" : "|" + label + "|") + " " + to + "\n";
                   });
}

std::string dot_attributes(const Node& node)
{
  if (node.highlighted) {
    return ", style=\"filled,bold\", fillcolor=\"#ffe08a\", color=\"#c77c00\", penwidth=3";
  }
  switch (node.kind) {
  case k_host:
    return ", shape=ellipse, style=filled, fillcolor=\"#e8f1fb\"";
  case k_middleware:
    return ", style=\"filled,rounded\", fillcolor=\"#f3ecfa\"";
  case k_service:
    return ", style=filled, fillcolor=\"#e9f7ec\"";
  case k_server:
    return ", shape=note";
  default:
    return "";
  }
}

std::string dot(const Graph& graph)
{
  return "digraph routes {\n"
         "  rankdir=LR;\n"
         "  node [shape=box, fontname=\"DejaVu Sans\", fontsize=10];\n"
         "  edge [fontname=\"DejaVu Sans\", fontsize=9];\n" +
         write_sorted(
             graph,
             [](const std::string& id, const Node& node) {
               return "  " + id + " [label=\"" + util::join(escaped_lines(node, dot_text), "\\n") + "\"" +
                      dot_attributes(node) + "];\n";
             },
             [](const std::string& from, const std::string& to, const std::string& label) {
               return "  " + from + " -> " + to + (label.empty() ? "" : " [label=\"" + label + "\"]") + ";\n";
             }) +
         "}\n";
}

} // namespace

std::string draw_graph(const model::Config& config, const GraphOptions& options)
{
  Graph graph = build(config, options);
  return options.format == GraphFormat::dot ? dot(graph) : mermaid(graph);
}

} // namespace edgegen::review
