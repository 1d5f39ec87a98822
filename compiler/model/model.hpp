#pragma once

#include "diag/location.hpp"
#include "model/route_tests.hpp"
#include "model/settings.hpp"
#include "rules/request.hpp"
#include "rules/routing.hpp"
#include "rules/rule.hpp"
#include "util/rc.hpp"
#include "util/shared_list.hpp"
#include "util/sparse.hpp"
#include "util/symbol.hpp"
#include "util/value.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace edgegen::model {

// A reference by name to another object, where it was written, and what it
// resolved to (empty when nothing has that name: check/ reports it). The
// names are Symbols: a large edge holds about 140,000 references to some
// 37,000 names at 10,000 projects (32 bytes each, where two strings took 80).
struct Ref
{
  util::Symbol name;
  Location location;
  util::Symbol resolved; // the referenced object's output name
};

// A string as it was written, before ${var} substitution, and how (see
// load::Node::style), so check/ can point at a column inside its value.
struct WrittenText
{
  std::string text;
  char style = 0;
  bool one_line = false;
  // A value written over several lines: its lines as written, from its
  // first byte on, to find a place inside it (empty for one line).
  std::string lines = {};
};

struct SecretRef
{
  std::string name;
  std::string key;
};

// metadata.labels / metadata.annotations, copied to Kubernetes objects.
using StringMap = std::map<std::string, std::string>;

struct EntryPoint
{
  std::string name;
  std::string address; // ":443", "0.0.0.0:80/tcp"
  Ref redirect_to;     // empty name: no redirection
  Location location;
  Location address_location;
};

// A certificate the input asks for explicitly, typically a wildcard one
// (`*.example.com`) that routes below it share instead of one per host.
struct CertificateRequest
{
  std::string name;
  Ref issuer;                       // empty name: the environment's issuer
  std::vector<std::string> domains; // first is the main domain
  std::string duration;             // Kubernetes targets; empty: the issuer's
  std::string renew_before;
  Location location;
  std::vector<Location> domain_locations; // parallel to domains
};

struct Dashboard
{
  bool enabled = false;
  std::string host;
  Location host_location;
  util::CompactVector<Ref> middlewares;
  util::CompactVector<Ref> entry_points; // empty: every entry point that does not redirect
  bool tls = true;                       // false: plain HTTP, no certificate
  Ref issuer;                            // empty name: the environment's issuer
  // Also served without authentication on Traefik's own entry point
  // `traefik` (:8080), as api.insecure does: for development only.
  bool insecure = false;
  Location insecure_location;
  Location location;
};

struct Edge
{
  std::string name;
  std::vector<std::string> targets;     // sorted, unique
  std::vector<EntryPoint> entry_points; // sorted by name
  Ref default_issuer;
  Dashboard dashboard;
  GitSettings git;
  std::vector<std::string> exclude;
  std::vector<CertificateRequest> certificates;
  TraefikSettings traefik;
  // Settings of the compose, traefik-redis and dns targets, with the
  // environment's own (Environment.spec.compose, …) applied over the Edge's.
  ComposeSettings compose;
  RedisSettings redis;
  DnsSettings dns;
  KubernetesSettings kubernetes;
  FluxSettings flux;
  ArgoCdSettings argocd;
  StringMap labels;
  StringMap annotations;
  Location location;
};

struct Environment
{
  std::string name;
  bool implicit = false; // the "default" environment of an input without Environment documents
  std::map<std::string, std::string> vars;
  Ref issuer; // empty name: Edge.spec.defaultIssuer
  std::string kubernetes_namespace;
  std::vector<CertificateRequest> certificates;
  Location location;
};

struct AcmeSolver
{
  enum class Type { http01, dns01 };
  Type type = Type::http01;
  Ref entry_point;      // http01: the entry point that answers challenges
  std::string provider; // dns01: lego provider name (cloudflare, route53, …)
  Location provider_location;
  std::vector<std::string> resolvers;
  Location resolvers_location;
  std::optional<SecretRef> api_token;
  std::string delay_before_check;
  Location delay_before_check_location;
  std::vector<std::string> dns_zones; // zones the solver serves; empty: all
  // Kubernetes targets: cert-manager settings of providers that need more
  // than an API token, and the webhook of providers it has no solver for.
  struct Route53
  {
    std::string region;
    std::string hosted_zone_id;
    std::string role;
    std::optional<SecretRef> access_key_id;
    std::optional<SecretRef> secret_access_key;
  };
  struct Webhook
  {
    std::string group_name;
    std::string solver_name;
    util::Value config;
  };
  std::optional<Route53> route53;
  std::optional<Webhook> webhook;
};

struct FileCertificate
{
  std::string cert_file;
  std::string key_file;
  std::vector<std::string> domains;
};

struct Issuer
{
  enum class Type { acme, files };
  std::string name;
  Type type = Type::acme;
  // acme
  std::string email;
  std::string server; // the directory URL
  bool staging = false;
  AcmeSolver solver;
  std::optional<SecretRef> private_key;
  // files
  std::vector<FileCertificate> certificates;
  // Kubernetes targets
  bool cluster_scoped = true; // ClusterIssuer, else a namespaced Issuer
  std::string duration;       // of the certificates it issues; empty: the CA's
  std::string renew_before;
  StringMap labels;
  StringMap annotations;
  Location location;
};

struct Middleware
{
  util::Symbol name;       // as written
  std::string output_name; // shared: name; project: "<project>-<name>"
  util::Symbol project;    // empty for shared middlewares
  util::Symbol type;       // the Traefik middleware type: headers, rateLimit, …
  util::Value config;      // {type: {...}}, presets merged, variables substituted
  // Options that name Kubernetes Secrets ({basicAuth: {secret: …}},
  // {forwardAuth: {tls: {certSecret: …}}}): only the Kubernetes targets use
  // them, so they are kept out of `config`, which Traefik's file provider
  // would reject them in.
  util::Value secret_options;
  util::Sparse<StringMap> labels;
  util::Sparse<StringMap> annotations;
  Location location;
  // Where each value of `config` was written, by its JSON pointer, sorted
  // (not for preset values): a pair each, where a map's node took twice that.
  std::vector<std::pair<std::string, Location>> locations;
  util::CompactVector<Ref> chain; // chain.middlewares, resolved like a route's

  // Where the value of `config` at `pointer` was written, else the
  // middleware's own location.
  const Location& location_of(std::string_view pointer) const;
};

// services.<name>.tls: TLS from Traefik to an https service's servers (a
// Traefik serversTransport named after the service).
struct BackendTls
{
  std::string server_name;
  std::string ca; // a PEM file in the Traefik container (file, KV, labels)
  Location ca_location;
  std::string ca_secret; // Kubernetes: the Secret holding the CA
  bool insecure_skip_verify = false;
  Location insecure_location; // of insecureSkipVerify, when written
  Location location;          // of `tls`
};

struct Service
{
  util::Symbol name;
  std::string output_name; // "<project>-<name>"
  int64_t port = 0;
  std::string host; // default "<project>-<name>"
  util::Symbol scheme = "http";
  std::vector<std::string> urls;  // explicit servers; replaces host/port
  util::Value health_check;       // Traefik loadBalancer.healthCheck, or null
  Location health_check_location; // of healthCheck, when written
  std::optional<bool> pass_host_header;
  util::Symbol image; // compose: the container image; empty: the team's compose file has it
  // A container of the compose project named `host`: it has an image, or it
  // has neither `urls` nor a host that is an address (an IP or a dotted name).
  bool container = false;
  // The servers' TLS settings, when written (held apart: most services
  // have none).
  std::shared_ptr<const BackendTls> tls;
  Location location;
  std::vector<Location> url_locations; // parallel to urls
};

// The hosts and paths a route's Traefik rule serves: every check and every
// target reads them from here. The rule's text is the route's (rule(), for
// a raw rule); the rule of a route of host and path is not held:
// rule_text() makes it again from them. Nor is the parsed rule: what reads
// a rule's matchers parses the rules of one environment at a time
// (RouteRules, model/routing.hpp).
struct RouteMatch
{
  rules::Scope scope;              // hosts served and excluded, paths; for host/path routes, those fields
  std::optional<int64_t> priority; // emitted: the route's own, else computed for host/path
                                   // routes; none: Traefik's default, the rule's length
};

// What a route says besides its hosts, references resolved:
// the same in every environment that converts the route from the same
// values written in the same places (variables tend to change a route's
// hosts alone), and then held once for all of them.
struct RouteCommon
{
  util::Symbol name;       // defaults to the service name
  std::string output_name; // "<project>-<name>"
  Location host_location;
  // The path or the path prefix (the schema allows one of the two).
  util::Symbol path;
  Location path_location; // of path or pathPrefix
  Location rule_location;
  // The raw rule as written, before substitution: a raw rule's only (a
  // route of host and path holds a null pointer, not an empty WrittenText).
  std::shared_ptr<const WrittenText> rule_written;
  Ref service;
  util::CompactVector<Ref> middlewares;
  std::optional<int64_t> priority;       // as written
  util::CompactVector<Ref> entry_points; // empty: every entry point that does not redirect
  Ref issuer;                            // as written; empty: the environment's (see Route::issuer)
  Location location;
  // The flags last, side by side: a large edge holds tens of thousands.
  bool exact_path = false; // `path`, not `pathPrefix`
  bool tls = true;
  bool raw = false; // a raw Traefik rule (rule:, the escape hatch), not host and path
  // Set by the first environment that resolves the references; another
  // one that resolves them otherwise gets a copy of its own.
  bool resolved = false;
};
bool operator==(const RouteCommon& a, const RouteCommon& b);

struct Route
{
  RouteMatch match;

  // The host as written (after substitution); empty for a raw rule, whose
  // hosts are its scope's. Held once per route and environment: as the
  // scope's host, which is the host normalised, unless it is written
  // otherwise (upper case, a trailing dot).
  const std::string& host() const;
  void set_host(std::string host);
  // Sets the match built from the route (route_match()) and, for a raw
  // rule, the rule's text; lets go of the written host where the scope
  // holds it alike.
  void set_match(RouteMatch match, std::string rule = {});

  // The effective issuer: the route's own, else the environment's, else the
  // Edge default; none for a route without TLS.
  const Ref& issuer() const { return m_issuer ? *m_issuer : common().issuer; }
  // Set by model::resolve: the environment's issuer, shared by its routes
  // that name none, or an empty one; null: the route's own.
  void use_issuer(util::Rc<const Ref> issuer) { m_issuer = std::move(issuer); }

  // A raw Traefik v3 rule (the escape hatch), which replaces host and path,
  // as Traefik gets it (substituted); empty for a route of host and path.
  bool raw() const { return common().raw; }
  const std::string& rule() const;

  const std::string& name() const { return common().name; }
  const std::string& output_name() const { return common().output_name; }
  const Location& host_location() const { return common().host_location; }
  // The exact path, or the path prefix; empty when not written.
  const std::string& path() const { return common().exact_path ? common().path.str() : util::empty<std::string>(); }
  const std::string& path_prefix() const
  {
    return common().exact_path ? util::empty<std::string>() : common().path.str();
  }
  const Location& path_location() const { return common().path_location; }
  const Location& rule_location() const { return common().rule_location; }
  const WrittenText* rule_written() const { return common().rule_written.get(); }
  const Ref& service() const { return common().service; }
  const util::CompactVector<Ref>& middlewares() const { return common().middlewares; }
  const std::optional<int64_t>& priority() const { return common().priority; }
  const util::CompactVector<Ref>& entry_points() const { return common().entry_points; }
  bool tls() const { return common().tls; }
  const Location& location() const { return common().location; }

  const RouteCommon& common() const;
  // The part to change: this route's own, copied first when another
  // environment's route shares it.
  RouteCommon& edit();
  // Holds `other`'s common part instead of its own (which the caller knows
  // to be equal), or tells whether it does.
  void share(const Route& other) { m_common = other.m_common; }
  bool shares(const Route& other) const { return m_common && m_common == other.m_common; }
  // The common part to resolve in place: shared, but not yet resolved by
  // any environment.
  RouteCommon* unresolved() { return m_common && !m_common->resolved ? m_common.get() : nullptr; }

private:
  // One pointer each (util::Rc): a route is held per environment, 95,560
  // of them at 10,000 projects in two environments.
  util::Rc<RouteCommon> m_common;
  util::Rc<const Ref> m_issuer;
  // A raw rule's text; else the host as written where the scope's host is
  // not the same string; else null (the scope's host, or none).
  util::Rc<const std::string> m_text;
};

struct Project
{
  std::string name;
  util::SharedList<Service> services;       // sorted by name; shared by the environments where equal
  std::vector<Route> routes;                // input order
  util::SharedList<Middleware> middlewares; // sorted by name; shared by the environments where equal
  util::Sparse<StringMap> labels;
  util::Sparse<StringMap> annotations;
  Location location;
  // Middlewares of the project that `environments` leaves out of this
  // environment, with where that list is written.
  util::Sparse<std::map<std::string, Location>> absent_middlewares;
};

// Everything one environment needs, variables substituted and references
// resolved. Emitters see only this.
struct Config
{
  Edge edge;
  Environment environment;
  std::vector<Issuer> issuers;            // sorted by name
  std::vector<Middleware> middlewares;    // shared ones, sorted by name
  std::vector<Project> projects;          // sorted by name
  std::vector<RouteTestCase> route_tests; // the cases that run in this environment, in input order
  // Issuers and shared middlewares that `spec.environments` leaves out of
  // this environment, with where that list is written.
  std::map<std::string, Location> absent_issuers;
  std::map<std::string, Location> absent_middlewares;
};

// Whether a certificate for `domain` (maybe "*.example.com", which serves
// one label below) serves `host`; and the first certificate request of the
// environment, then of the Edge, that `issuer` signs and that serves `host`
// (nullptr: none, so the host needs a certificate of its own).
bool certificate_covers(std::string_view domain, std::string_view host);
const CertificateRequest* certificate_request(const Config& config, const std::string& host, const std::string& issuer);

// A named object of the input, whether or not it passed validation.
struct Declaration
{
  std::string kind; // "Project", …
  std::string name;
  Location location;
  // Warning codes silenced for this document by the annotation
  // `edgegen.dev/ignore: "W0601, W0602"`, and where it is written.
  std::vector<std::string> ignore;
  Location ignore_location;
  // It failed validation, and no environment holds it.
  bool dropped = false;
};

struct Model
{
  std::vector<Config> environments;      // sorted by name
  std::vector<Declaration> declarations; // in input order (file, then document)
};

const Issuer* find_issuer(const Config& config, const std::string& name);

// Whether an object that refers to others (the Edge, an Environment, a
// Project, a shared Middleware) failed validation and is missing from the
// environments. What is used, and where a request goes, is then not known
// in full: the checks that would call an object unused, or route a request,
// stay silent rather than report what fixing that error changes.
bool missing_referrers(const Model& model);

// The match of a route: the scope of its raw rule (`rule`, which a route of
// common().raw writes; it is parsed for its scope), or of its host and
// path, with its priority. Built once per route.
RouteMatch route_match(const Route& route, std::string_view rule = {});

// The rule Traefik gets for `route`: its raw rule, or the one built from
// its host and path, made again at each call.
std::string rule_text(const Route& route);
// That rule, parsed (again at each call).
rules::Rule parse_route_rule(const Route& route);
// The values the rule of a route of host and path is built from (the
// route's own strings), without what its parse says (builds, ok: false).
rules::HostPath host_path_of(const Route& route);

// The rule of a host alone: Host(`h`), or HostRegexp for *.domain (which
// every Traefik v3 release matches; Host(`*.domain`) only from v3.7).
std::string traefik_host_rule(const std::string& host);

// The priority of a router for `host` (maybe *.domain) and an exact path or
// a path prefix ("" or "/": none), so that the most specific one wins: an
// exact host beats a wildcard, an exact path beats a prefix, a longer prefix
// a shorter one. Traefik's default, the rule's length, gets these wrong.
int64_t specific_priority(const std::string& host, const std::string& path, bool exact);

// Who answers the ACME HTTP-01 challenges of an environment's certificates.
enum class AcmeClient {
  traefik,      // traefik.yml's certificate resolvers: target traefik or compose, without traefik-redis
                // (whose nodes get their certificates from a worker, outside Traefik)
  cert_manager, // target kubernetes: cert-manager's solver Ingress, served by Traefik
};
std::vector<AcmeClient> acme_clients(const Config& config);

// How Traefik routes cert-manager's HTTP-01 solver Ingress for an issuer:
// the router annotations edgegen puts in the solver's ingressTemplate. On
// the issuer's entry point, or when that one redirects to HTTPS, on the
// entry point it redirects to, with TLS (the CA follows the redirection to
// port 443 and does not verify the certificate there); at the highest
// priority a user router may have, above every route of the host.
struct SolverIngress
{
  std::string entry_point;
  bool tls = false;
  int64_t priority = rules::k_max_priority;
};
SolverIngress solver_ingress(const Config& config, const Issuer& issuer);

// The annotation that silences warnings for one document.
constexpr const char* k_ignore_annotation = "edgegen.dev/ignore";

// Whether clients speak TLS to an entry point: port 443, or another one
// redirects to it. Port 80 is plain HTTP.
bool serves_tls(const Config& config, const EntryPoint& entry_point);
bool serves_plain_http(const EntryPoint& entry_point);

// The entry points a router listens on: those `refs` name, else every entry
// point that does not redirect, but for a TLS router not the plain-HTTP ones
// (:80), in the Edge's order. May be empty (E0408): Traefik would then put
// the router on all of them.
std::vector<std::string> entry_points_of(const Config& config, const util::CompactVector<Ref>& refs, bool tls);

// The port of an "[host]:port[/proto]" address, or -1 if there is none.
long address_port(const std::string& address);

// The servers of a service: its `urls`, else scheme://host:port.
std::vector<std::string> service_urls(const Service& service);

// True if Edge.spec.targets names `target`.
bool has_target(const Config& config, const std::string& target);

} // namespace edgegen::model
