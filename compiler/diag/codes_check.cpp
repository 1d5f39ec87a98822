// Codes of the semantic checks: references and names (E04xx), Traefik rules
// (E05xx) and warnings (W06xx). Existing codes keep their meaning forever.
#include "diag/codes.hpp"

namespace edgegen::diag::detail {

void add_check_codes(std::vector<CodeInfo>& out)
{
  out.insert(
      out.end(),
      {
          {"E0401", "route names an unknown service", "`unknown service \"apii\"`",
           "A route sends its requests to a service of its own project; no service has this name.",
           "services:\n  api: {port: 8000}\nroutes:\n  - host: team.example.com\n    service: apii",
           "services:\n  api: {port: 8000}\nroutes:\n  - host: team.example.com\n    service: api"},
          {"E0402", "unknown middleware", "`unknown middleware \"secure-header\"`",
           "A route, a chain or the dashboard names a middleware that is neither the project's own nor a shared "
           "Middleware. Names with '@' (authelia@docker) belong to another Traefik provider and are not checked.",
           "routes:\n  - host: team.example.com\n    service: web\n    middlewares: [secure-header]",
           "routes:\n  - host: team.example.com\n    service: web\n    middlewares: [secure-headers]"},
          {"E0403", "unknown issuer", "`unknown issuer \"letsencrypt-prod\"`",
           "A route, environment, certificate or the Edge names an Issuer that does not exist.",
           "routes:\n  - host: team.example.com\n    service: web\n    issuer: letsencrypt-prod",
           "routes:\n  - host: team.example.com\n    service: web\n    issuer: letsencrypt"},
          {"E0404", "unknown entry point", "`unknown entry point \"webscure\"`",
           "An entry point named by a route, the dashboard, an HTTP-01 solver or a redirect is not in "
           "Edge.spec.entryPoints.",
           "routes:\n  - host: team.example.com\n    service: web\n    entryPoints: [webscure]",
           "routes:\n  - host: team.example.com\n    service: web\n    entryPoints: [websecure]"},
          {"E0405", "a TLS route that no issuer serves", "`route uses TLS but no issuer provides its certificate`",
           "Routes use TLS unless they say `tls: false`; their certificate comes from the route's issuer, the "
           "environment's or Edge.spec.defaultIssuer, and none is set.",
           "kind: Edge\nspec: {}\n---\nkind: Project\nspec:\n  routes:\n    - host: team.example.com\n      service: "
           "web",
           "kind: Edge\nspec:\n  defaultIssuer: letsencrypt"},
          {"E0406", "a route on an entry point that redirects every request",
           "`entry point \"web\" redirects every request to \"websecure\", so this route is never reached`",
           "An entry point with redirectTo answers every request with a redirect before any router sees it, so a route "
           "listed on it does nothing there. Routes default to the entry points that do not redirect.",
           "routes:\n  - host: team.example.com\n    service: web\n    entryPoints: [web, websecure]",
           "routes:\n  - host: team.example.com\n    service: web\n    entryPoints: [websecure]"},
          {"E0407", "a TLS route on an entry point without TLS",
           "`route uses TLS but entry point \"web\" (\":80\") serves plain HTTP`",
           "Port 80 is where clients speak plain HTTP. A TLS router there answers only TLS handshakes, so browsers "
           "going to http:// get a 404 and https:// never arrives on that port.",
           "routes:\n  - host: team.example.com\n    service: web\n    entryPoints: [web]",
           "routes:\n  - host: team.example.com\n    service: web\n    entryPoints: [websecure]"},
          {"E0408", "no entry point speaks as the route does",
           "`route uses TLS but no entry point in environment \"dev\" takes TLS: entry point \"web\" (\":80\") serves "
           "plain "
           "HTTP`",
           "Without entryPoints, a route goes on every entry point that does not redirect, and a TLS route not on "
           "the plain-HTTP ones (:80), where browsers never speak TLS. When none is left, Traefik would put the "
           "router on every entry point, where it answers nobody.",
           "# dev has only web (:80)\nroutes:\n  - host: app.localhost\n    service: web",
           "routes:\n  - host: app.localhost\n    service: web\n    tls: false"},
          {"E0409", "a requested certificate no router orders",
           "`certificate \"wild\" (issuer \"dns\") is ordered by no router: the routes it covers use issuer \"le\"`",
           "Traefik's ACME client orders a certificate only for a router whose tls names the resolver (certResolver "
           "and tls.domains). An Edge or Environment certificate whose issuer no covered route uses is written into "
           "no router, so Traefik never orders it. (cert-manager and the certificate worker read requests "
           "directly.)",
           "certificates:\n  - name: wild\n    domains: [\"*.example.com\"]\n    issuer: dns\n# routes of "
           "shop.example.com use defaultIssuer le",
           "defaultIssuer: dns   # or issuer: dns on the routes the wildcard covers"},
          {"E0411", "two objects of one kind with the same name", "`duplicate Project \"team\"`",
           "Names identify objects: two Projects (or Middlewares, Issuers, Environments) with one name would overwrite "
           "each other's output.",
           "# team.yaml and team-copy.yaml\nmetadata:\n  name: team", "metadata:\n  name: team-b"},
          {"E0412", "two routes of one project with the same name",
           "`duplicate route name \"api\" in project \"team\"`",
           "A route's name defaults to its service's; two routes to one service need a `name:` each, because the name "
           "becomes the Traefik router name.",
           "routes:\n  - host: a.example.com\n    service: web\n  - host: b.example.com\n    service: web",
           "routes:\n  - name: a\n    host: a.example.com\n    service: web\n  - name: b\n    host: b.example.com\n    "
           "service: web"},
          {"E0413", "two objects that would get the same Traefik name",
           "`Traefik router name \"a-b-c\" is produced twice`",
           "Traefik names are \"<project>-<name>\", so project \"a\" route \"b-c\" and project \"a-b\" route \"c\" are "
           "both \"a-b-c\", and one would replace the other.",
           "# project a\nroutes:\n  - name: b-c\n# project a-b\nroutes:\n  - name: c", "rename one of them"},
          {"E0414", "a middleware chain that includes itself",
           "`middleware chain \"protect\" includes itself (protect -> auth -> protect)`",
           "A chain middleware runs the middlewares it lists; one that reaches itself, directly or through other "
           "chains, loops. Traefik detects the recursion and drops every router that uses it.",
           "middlewares:\n  protect:\n    chain: {middlewares: [auth, protect]}",
           "middlewares:\n  protect:\n    chain: {middlewares: [auth, secure-headers]}"},
          {"E0415", "a name Windows reserves for a device", "`name \"con\" is reserved for a device on Windows`",
           "Names become file and directory names of the output (projects, environments); con, prn, aux, nul, com1-9 "
           "and lpt1-9 cannot be checked out on Windows whatever their extension.",
           "metadata:\n  name: con", "metadata:\n  name: console"},
          {"E0416", "an environment name that no Environment declares", "`unknown environment \"prd\"`",
           "An `environments` list (of an Issuer, Middleware, Project, route, project middleware or RouteTest) names "
           "the environments its object exists in; each must be an Environment's name, or \"default\" when there "
           "is no Environment.",
           "spec:\n  environments: [prd]", "spec:\n  environments: [prod]"},
          {"E0417", "a reference to an object another environment has",
           "`middleware \"oauth\" does not exist in environment \"dev\"`",
           "An object whose `environments` leave an environment out does not exist there, so nothing in that "
           "environment may name it. The error is at the reference, once for each environment that lacks it.",
           "# oauth: environments: [prod]\nroutes:\n  - host: grafana.${domain}\n    service: grafana\n    "
           "middlewares: [oauth]",
           "routes:\n  - host: grafana.${domain}\n    service: grafana\n    middlewares: [oauth]\n    "
           "environments: [prod]"},
          {"E0418", "a patch of an object that does not exist",
           "`Project \"shpo\" does not exist` (hint: did you mean \"shop\"?)",
           "A patch of Environment.spec.patches names its object by kind and metadata.name; no object of that kind "
           "has the name.",
           "patches:\n  - target: {kind: Project, name: shpo}\n    patch: {routes: []}",
           "patches:\n  - target: {kind: Project, name: shop}\n    patch: {routes: []}"},
          {"E0419", "a patch of an object the environment does not have",
           "`Middleware \"oauth\" does not exist in environment \"dev\"`",
           "The object's `environments` leave this environment out, so there is nothing to patch in it; the patch "
           "would change nothing, which is likely not what was meant.",
           "# oauth: environments: [prod]\n# in Environment dev:\npatches:\n  - target: {kind: Middleware, name: "
           "oauth}\n    patch: {forwardAuth: {trustForwardHeader: false}}",
           "# patch oauth in prod only, or select dev in its environments"},
          {"E0421", "two routes with the same host, path and priority",
           "`host \"x.example.com\" and pathPrefix \"/api\" is already routed (project \"team-a\")`",
           "Two routes match exactly the same requests with the same priority, in one project or across projects; "
           "Traefik would serve one and silently ignore the other.",
           "# team-a.yaml and team-b.yaml\nroutes:\n  - host: shared.example.com\n    pathPrefix: /api",
           "give one route another host or path, or a higher priority"},
          {"E0422", "a host claimed by two projects",
           "`host \"shop.example.com\" is also routed by project \"team-a\"`",
           "A host belongs to one project (one team): routes of another project under the same host change what its "
           "owner serves, and review by CODEOWNERS no longer protects it. The dashboard's host belongs to the Edge.",
           "# team-a.yaml\nroutes:\n  - host: shop.example.com\n    service: web\n# team-b.yaml\nroutes:\n  - host: "
           "shop.example.com\n    pathPrefix: /api\n    service: api",
           "move the /api route into team-a's project, or give team-b its own host"},
          {"E0423", "a route that a higher-priority route shadows",
           "`route is never reached: route \"team-a-web\" matches every request it matches, with a higher priority "
           "(100 > 49): GET https://shop.example.com/api goes to \"team-a-web\"`",
           "Traefik tries routers by priority (by default the length of the rule). A route whose host is covered by "
           "another route's host (the same, or a wildcard one label up), whose path lies within the other's path, on "
           "the same entry points and TLS, with a lower priority, never gets a request. A wildcard host's HostRegexp "
           "is longer than a plain Host, so it wins by default. The message shows a request this route matches that "
           "Traefik sends to the other one.",
           "routes:\n  - name: web\n    host: shop.example.com\n    service: web\n    priority: 100\n  - name: api\n   "
           " host: shop.example.com\n    pathPrefix: /api\n    service: api",
           "routes:\n  - name: web\n    host: shop.example.com\n    service: web\n  - name: api\n    host: "
           "shop.example.com\n    pathPrefix: /api\n    service: api"},
          {"E0424", "two routes that take the same request with the same priority",
           "`route ties with route \"team-api\" at priority 100: both match GET https://shop.example.com/api, and "
           "Traefik's order between routers of equal priority is undefined`",
           "Traefik sorts its routers by priority alone (by default the length of the rule), and the order of "
           "routers with the same priority is undefined: a request that two of them match, on an entry point both "
           "are on and with the same TLS, may go to either, and to the other one after a reload. Both routes are "
           "reported, with a request they both match. Routes for different hosts or paths, on different entry "
           "points, or whose priorities differ do not tie; two identical routes are E0421.",
           "routes:\n  - name: web\n    host: shop.example.com\n    service: web\n    priority: 100\n  - name: api\n   "
           " host: shop.example.com\n    pathPrefix: /api\n    service: api\n    priority: 100",
           "routes:\n  - name: web\n    host: shop.example.com\n    service: web\n    priority: 100\n  - name: api\n   "
           " host: shop.example.com\n    pathPrefix: /api\n    service: api\n    priority: 200"},
          {"E0431", "an invalid host name",
           "`\"team_a.example.com\" is not a valid host name: label \"team_a\" has a character other than a-z, 0-9 and "
           "'-'`",
           "Hosts become Traefik rules, certificate names and Kubernetes hosts: a route's `host` is an RFC 1123 name "
           "of lower-case labels of letters, digits and '-' (not at either end), at most 63 characters each and 253 in "
           "all, with '*' only as the whole leftmost label of a wildcard. A Host() value in a raw rule may be anything "
           "Traefik matches (upper case and a trailing dot, which are normalised, '_', an IP address, `*` alone), but "
           "not what Traefik can never match: a port, brackets, a comma, '*' elsewhere, an empty label.",
           "routes:\n  - host: team_a.example.com", "routes:\n  - host: team-a.example.com"},
          {"E0441", "a TLS host that no certificate covers",
           "`no certificate of issuer \"internal-ca\" covers \"shop.example.com\"`",
           "A TLS route needs a certificate for its host: a files issuer serves only the domains of its certificates "
           "(wildcards cover one label), and an ACME issuer learns the domains from the Host() matchers of the rule, "
           "so a raw rule without one gets no certificate.",
           "kind: Issuer\nmetadata: {name: internal-ca}\nspec:\n  files:\n    certificates:\n      - {certFile: "
           "/c/a.pem, keyFile: /c/a.key, domains: [api.example.com]}\n---\nroutes:\n  - host: shop.example.com\n    "
           "issuer: internal-ca",
           "      - {certFile: /c/a.pem, keyFile: /c/a.key, domains: [api.example.com, shop.example.com]}"},
          {"E0442", "a wildcard certificate from an HTTP-01 issuer",
           "`issuer \"letsencrypt\" solves HTTP-01, which cannot issue a certificate for \"*.example.com\"`",
           "ACME issues wildcard certificates only through the DNS-01 challenge. An HTTP-01 issuer asked for *.domain "
           "fails at run time, and the route serves Traefik's default certificate.",
           "certificates:\n  - domains: [\"*.example.com\"]\n    issuer: letsencrypt        # http01",
           "certificates:\n  - domains: [\"*.example.com\"]\n    issuer: letsencrypt-dns    # dns01"},
          {"E0443", "kubernetes target: a cluster-wide object that environments render differently",
           "`ClusterIssuer \"le\" would differ between environments \"dev\" and \"prod\" (acme.email), but a "
           "cluster-scoped object exists once in a cluster`",
           "Namespaces and ClusterIssuers belong to the whole cluster, not to an environment: the kubernetes target "
           "writes them once, to cluster/kubernetes/, which one Flux Kustomization or Argo CD Application applies "
           "before every environment's layers. Two environments that would write the same ClusterIssuer differently "
           "(a patched email or solver, another Ingress class for its HTTP-01 solver) cannot both have it. The same "
           "holds for the TLSOption `default` written from traefik.tls: Traefik takes the TLSOption of that name as "
           "the options of every router that names none, and drops it when several namespaces define one.",
           "kind: Environment\nmetadata: {name: dev}\nspec:\n  patches:\n    - target: {kind: Issuer, name: le}\n"
           "      patch: {acme: {email: dev@example.com}}",
           "kind: Issuer\nmetadata: {name: le}\nspec:\n  kubernetes: {kind: Issuer}   # one per environment"},
          {"E0444", "kubernetes target: an environment named \"cluster\"",
           "`environment name \"cluster\" is taken by the directory of the cluster-scoped objects "
           "(cluster/kubernetes/, flux/cluster.yaml, argocd/cluster.yaml)`",
           "The cluster-scoped objects of every environment are rendered to cluster/kubernetes/ and applied by "
           "flux/cluster.yaml and argocd/cluster.yaml, where an environment named \"cluster\" would write its own.",
           "kind: Environment\nmetadata: {name: cluster}", "kind: Environment\nmetadata: {name: cluster-a}"},
          {"E0451", "a port out of range", "`port 70000 is out of range (1-65535)`",
           "Ports are 1 to 65535. Entry point addresses and server URLs are checked after ${var} substitution, where "
           "the schema cannot see them.",
           "entryPoints:\n  websecure: {address: \":${port}\"}   # port: 70000",
           "entryPoints:\n  websecure: {address: \":443\"}"},
          {"E0452", "backend TLS settings on a service not reached over https",
           "`service \"nas\" of project \"home\" has tls settings, but Traefik does not reach its servers over https`",
           "`tls` on a service says how Traefik verifies its servers' certificate (a serversTransport). Traefik speaks "
           "TLS to the servers only for https (its scheme, or every url https://); on http or h2c the settings would "
           "never be used.",
           "services:\n  nas:\n    host: 192.168.10.7\n    port: 5000\n    tls: {ca: /etc/traefik/ca/nas.pem}",
           "services:\n  nas:\n    host: 192.168.10.7\n    port: 5001\n    scheme: https\n    tls: {ca: "
           "/etc/traefik/ca/nas.pem}"},
          {"E0453", "a backend CA path that is not absolute",
           "`tls.ca \"certs/pve.pem\" of service \"pve\" of project \"home\" is not an absolute path`",
           "Traefik reads `tls.ca` (its serversTransport's rootCAs) relative to its own working directory, which is "
           "not the input's. Give the path in the Traefik container; compose mounts it from `secretsDirectory`.",
           "tls: {ca: certs/pve.pem}", "tls: {ca: /etc/traefik/ca/pve.pem}"},
          {"E0454", "a backend CA file without its Secret for Kubernetes",
           "`service \"pve\" of project \"home\": tls.ca is a file, which the Traefik pod does not have; Kubernetes "
           "needs the name of the Secret that holds the CA`",
           "In Kubernetes a ServersTransport takes its CA from a Secret (or ConfigMap) of its namespace, never from a "
           "file: a service whose `tls` names a CA file needs `caSecret` as well when the kubernetes target is on.",
           "tls: {ca: /etc/traefik/ca/pve.pem}", "tls: {ca: /etc/traefik/ca/pve.pem, caSecret: pve-ca}"},
          {"E0461", "a secret written into the input", "`basicAuth.users puts password hashes into the repository`",
           "Secrets are only ever referenced, never written into desired state: the input is in Git and the rendered "
           "files are world-readable in many setups. basicAuth and digestAuth take usersFile (a file mounted into "
           "Traefik, for example from a Kubernetes Secret); a URL may not carry a password; Authorization headers may "
           "not be set to a value.",
           "basicAuth:\n  users: [\"admin:$apr1$Ht0bJ...\"]",
           "basicAuth:\n  usersFile: /etc/traefik/auth/admin.htpasswd"},
          {"E0462", "a list item Traefik's KV provider would split or trim",
           "`list item \"a,b\" of middleware \"cors\" holds ',', where Traefik's KV provider splits it into several "
           "items (environment \"prod\")`",
           "With traefik-redis, Traefik reads a list of scalars from Redis as its items joined with ',' and splits "
           "that text on ',' again, trimming spaces around each part. An item holding ',' would become several "
           "items, and an item's leading or trailing spaces would be lost.",
           "accessControlAllowOriginList: [\"https://a.example.com,https://b.example.com\"]",
           "accessControlAllowOriginList: [\"https://a.example.com\", \"https://b.example.com\"]"},
          {"E0464", "several Redis endpoints without Sentinel",
           "`2 Redis endpoints without a Sentinel master name, which Traefik's redis provider refuses (environment "
           "\"prod\")`",
           "Traefik's Redis client connects to one server; several endpoints are only accepted as Redis Sentinels, "
           "which need the name of the master they monitor. Traefik fails to start its redis provider otherwise.",
           "redis:\n  endpoints: [\"valkey-0:6379\", \"valkey-1:6379\"]",
           "redis:\n  endpoints: [\"sentinel-0:26379\", \"sentinel-1:26379\"]\n  sentinel: {masterName: edge}"},
          {"E0471", "the `dns` target without zones or addresses",
           "`target \"dns\" needs dns.zones and dns.addresses (environment \"prod\")`",
           "A zone file needs the zones to write and the entry addresses every host points at.",
           "spec:\n  targets: [traefik, dns]",
           "spec:\n  targets: [traefik, dns]\n  dns:\n    addresses: [\"203.0.113.10\"]\n"
           "    zones:\n      - name: example.com"},
          {"E0472", "a zone name that is not a DNS name",
           "`zone name \"a_b.example.com\" is not a DNS name (environment \"prod\")`",
           "A zone's name is its apex: a DNS name of labels of a-z, 0-9 and '-'.", "zones:\n  - name: a_b.example.com",
           "zones:\n  - name: ab.example.com"},
          {"E0473", "a zone listed twice", "`zone \"example.com\" is listed twice (environment \"prod\")`",
           "Each zone is one file; listing it twice would write two different files at one path.",
           "zones:\n  - name: example.com\n  - name: example.com", "zones:\n  - name: example.com"},
          {"E0474", "containers that cannot be one compose service",
           "`container \"app\" is given two images, \"app:1\" and \"app:2\"`",
           "Services that share a host are one container of the compose file; they must agree on its image.",
           "services:\n  a: {host: app, image: \"app:1\", port: 80}\n  b: {host: app, image: \"app:2\", port: 81}",
           "services:\n  a: {host: app, image: \"app:1\", port: 80}\n  b: {host: app, port: 81}"},
          {"E0476", "compose's Traefik reading Valkey/Redis at its own loopback",
           "`the Traefik container of compose would read Valkey/Redis at \"127.0.0.1:6379\", the container's own "
           "loopback (environment \"prod\")`",
           "With the compose and traefik-redis targets, the Traefik that reads redis.endpoints runs in a container: "
           "127.0.0.0/8, ::1 and localhost are that container itself, where no Valkey runs. The default endpoint, "
           "127.0.0.1:6379, is such an address.",
           "targets: [compose, traefik-redis]\nredis:\n  endpoints: [\"127.0.0.1:6379\"]",
           "targets: [compose, traefik-redis]\ncompose:\n  valkey: {}   # endpoint valkey:6379"},
          {"E0477", "an ACME storage compose cannot give a volume",
           "`ACME storage \"/acme.json\" is in \"/\": compose cannot keep it in a volume (environment \"prod\")`",
           "The compose target keeps Traefik's ACME storage in a named volume mounted at the file's directory. That "
           "directory must be Traefik's own: not the root (Docker refuses it), a system directory such as /etc, the "
           "directory of the static configuration or the Docker socket, or the dynamic directory; and the path must "
           "be absolute.",
           "traefik:\n  acmeStorage: /acme.json", "traefik:\n  acmeStorage: /etc/traefik/acme/acme.json"},
          {"E0478", "certificate files under the dynamic directory compose mounts",
           "`certificate file \"/certs/a.pem\" of issuer \"synced\" is in the dynamic directory \"/certs\", which "
           "compose mounts from the rendered tree over what a syncer writes there (environment \"prod\")`",
           "compose mounts the rendered dynamic files read-only at traefik.dynamicDirectory; whatever a certificate "
           "syncer's volume puts at or below that path is hidden by the mount, so Traefik would not find the files "
           "of a `files` issuer there.",
           "traefik:\n  dynamicDirectory: /certs\n# Issuer files: certFile: /certs/a.pem",
           "traefik:\n  dynamicDirectory: /etc/traefik/dynamic\n# Issuer files: certFile: /certs/a.pem"},
          {"E0481", "a route test that fails",
           "`route test \"shop\" case \"api\": GET https://shop.example.com/api/items goes to route \"shop-web\" "
           "(priority 20000, shop.yaml:9:7), service \"shop-web\", middlewares []; expected route \"shop-api\"`",
           "A RouteTest case routes its request through the environment's routers as Traefik v3 would (entry point "
           "and redirection, TLS, matchers, priorities) and compares the answer with each expectation. The error is "
           "at the expectation that does not hold, says what happened instead and which router decided it. When "
           "several routers match with the same priority, Traefik's choice is undefined and a route expectation "
           "fails.",
           "cases:\n  - request: {url: https://shop.example.com/api/items}\n    expect: {route: shop-api}\n"
           "# and shop-api's pathPrefix is /ap1",
           "cases:\n  - request: {url: https://shop.example.com/api/items}\n    expect: {route: shop-api}\n"
           "# and shop-api's pathPrefix is /api"},
          {"E0482", "a route test names a route, service or middleware that does not exist",
           "`unknown route \"shop-apii\"`",
           "A RouteTest names routes, services and middlewares as Traefik knows them (\"<project>-<name>\"; shared "
           "middlewares by their own name).",
           "expect: {route: api}", "expect: {route: shop-api}"},
          {"E0483", "a route test request that is not a request",
           "`route test \"shop\" case 1: port 99999 is out of range`",
           "The request of a RouteTest case is read as Go's HTTP server reads it: an http:// or https:// URL, header "
           "lines and the client's address.",
           "request: {url: \"https://shop.example.com:99999/\"}", "request: {url: \"https://shop.example.com:8443/\"}"},
          {"E0491", "an HTTP-01 challenge that does not reach the solver",
           "`HTTP-01 challenge for \"shop.example.com\" does not reach the solver (Traefik's acme-http@internal, "
           "priority MaxInt): GET http://shop.example.com/.well-known/acme-challenge/<token>: no entry point listens "
           "on port 80, where the CA connects`",
           "The CA validates an HTTP-01 challenge with GET http://<domain>/.well-known/acme-challenge/<token> on port "
           "80, following redirections to ports 80 and 443 only. edgegen routes that request through the "
           "environment's routers as Traefik does, with the solver's router: Traefik's acme-http@internal (priority "
           "MaxInt) on the resolver's entry point, or, with the kubernetes target, the router of cert-manager's solver "
           "Ingress. When a redirection, another route or a missing entry point answers instead, the certificate is "
           "never issued or renewed. The message says what answered.",
           "entryPoints:\n  websecure: {address: \":443\"}\n# issuer: solver: {http01: {entryPoint: websecure}}",
           "entryPoints:\n  web: {address: \":80\", redirectTo: websecure}\n  websecure: {address: \":443\"}"},
          {"E0492", "a host with a DNS record that no router serves",
           "`host \"shop.example.com\" gets a DNS record but no router serves it: GET https://shop.example.com/: no "
           "router matches it (404)`",
           "The dns target writes a record for every host a route serves. When no router can take any request for the "
           "host (tried with the requests the routers' rules match, on their entry points), as with a rule no request "
           "satisfies, the record sends clients to an edge that answers 404.",
           "routes:\n  - rule: Host(`shop.example.com`) && Method(`GET`) && Method(`POST`)\n    service: web",
           "routes:\n  - rule: Host(`shop.example.com`) && (Method(`GET`) || Method(`POST`))\n    service: web"},
          {"E0493", "SOA timers secondary servers cannot work with",
           "`SOA retry (7200) is not shorter than refresh (3600): a secondary whose refresh failed would wait longer "
           "than a refresh (environment \"prod\")`",
           "dns.soa sets the SOA timers of every zone. A secondary server asks the primary for changes every "
           "`refresh` seconds, again after `retry` when that failed, and stops answering for the zone `expire` "
           "seconds after its last successful refresh. RFC 1912 (section 2.2) asks for a retry below the refresh and "
           "an expire above the retry and the minimum (the TTL of negative answers); edgegen asks for an expire above "
           "refresh + retry, so a secondary gets at least one retry before it drops the zone.",
           "dns:\n  soa: {refresh: 3600, retry: 7200}", "dns:\n  soa: {refresh: 3600, retry: 900}"},
          {"E0494", "a forward server CoreDNS cannot use",
           "`forward server \"dns.google\": \"dns.google\" is not an IP address (environment \"prod\")`",
           "dns.forward lists the servers the Corefile's `.` block forwards every other name to, with CoreDNS's "
           "forward plugin: an IP address with an optional port ([IPv6]:port for IPv6 with a port), plain or after "
           "dns:// or tls://. The plugin resolves no names and speaks no other protocol. DNS over TLS (tls://) needs "
           "dns.tlsServerName, the name in the servers' certificate: without it CoreDNS does not verify whom it talks "
           "to. A tlsServerName without a tls:// server is a mistake too.",
           "dns:\n  forward: [dns.google, \"tls://9.9.9.9\"]",
           "dns:\n  forward: [\"tls://9.9.9.9\", \"tls://149.112.112.112\"]\n  tlsServerName: dns.quad9.net"},
          {"E0495", "an access log file compose cannot give a volume",
           "`access log \"/var/access.log\" is in the system directory \"/var\": compose cannot keep it in a volume "
           "(environment \"prod\")`",
           "With traefik.accessLog.filePath, the compose target mounts a named volume at the file's directory, so that "
           "Traefik can write there and the log outlives the container. That directory must be Traefik's own: not the "
           "root, a system directory such as /var, the directory of the static configuration or the Docker socket, the "
           "dynamic directory, or the ACME storage's directory (a volume already); and the path must be absolute.",
           "traefik:\n  accessLog: {filePath: /var/access.log}",
           "traefik:\n  accessLog: {filePath: /var/log/traefik/access.log}"},
          {"E0501", "Traefik rule syntax error", "`rule syntax: '(' is never closed`",
           "Traefik parses a rule as a Go expression: matchers joined by &&, || and !, parentheses, and arguments "
           "quoted with backticks or double quotes. On a syntax error Traefik drops the router. The column points into "
           "the rule.",
           "rule: Host(`a.example.com`) && (Path(`/a`) || Path(`/b`)",
           "rule: Host(`a.example.com`) && (Path(`/a`) || Path(`/b`))"},
          {"E0502", "unknown Traefik matcher", "`unknown matcher Hots()` (hint: did you mean Host()?)",
           "Traefik v3 HTTP rules use ClientIP, Method, Host, HostRegexp, Path, PathRegexp, PathPrefix, Header, "
           "HeaderRegexp, Query and QueryRegexp (TCP: ClientIP, ALPN, HostSNI, HostSNIRegexp), written as named, "
           "lower-case, upper-case or Title-case.",
           "rule: Hots(`a.example.com`)", "rule: Host(`a.example.com`)"},
          {"E0503", "Traefik v2 rule syntax", "`HostHeader() is Traefik v2 syntax; v3 calls it Host()`",
           "Traefik v3 changed the rule language: one value per matcher (join several with ||), Headers became Header, "
           "HostHeader became Host, Query takes the key and value apart, and {name:regexp} placeholders gave way to "
           "plain Go regular expressions in HostRegexp and PathRegexp.",
           "rule: Host(`a.example.com`, `b.example.com`)", "rule: Host(`a.example.com`) || Host(`b.example.com`)"},
          {"E0504", "wrong number of matcher arguments", "`Header() takes 2 arguments, got 1`",
           "Each matcher takes a fixed number of arguments: Header and HeaderRegexp two (name and value), Query and "
           "QueryRegexp one or two, the rest one.",
           "rule: Header(`X-Beta`)", "rule: Header(`X-Beta`, `1`)"},
          {"E0505", "a matcher argument Traefik refuses", "`Path() path `api` does not start with '/'`",
           "Traefik checks some arguments when it builds the router: paths start with '/', ClientIP takes an IP "
           "address or CIDR range, hosts are ASCII (write IDNA names as xn--...), values are not empty, and "
           "ALPN(`acme-tls/1`) is reserved.",
           "rule: Host(`a.example.com`) && PathPrefix(`api`)", "rule: Host(`a.example.com`) && PathPrefix(`/api`)"},
          {"E0506", "a regular expression that does not compile",
           "`regular expression `^/(a` does not compile: missing closing )`",
           "HostRegexp, PathRegexp, HeaderRegexp, QueryRegexp and the regex options of redirectRegex, "
           "replacePathRegex, stripPrefixRegex and headers use Go's RE2 syntax: no backreferences (\\1), no "
           "lookarounds ((?=, (?<=), no possessive or atomic groups, repetition counts up to 1000.",
           "rule: PathRegexp(`^/(?!admin)`)", "rule: PathRegexp(`^/`) && !PathPrefix(`/admin`)"},
          {"E0801", "kubernetes target: a DNS-01 provider cert-manager has no solver for, without `dns01.webhook`",
           "`cert-manager has no DNS-01 solver for provider \"ovh\"`",
           "cert-manager solves DNS-01 itself for a few providers only (cloudflare, route53, …); any other needs a "
           "webhook solver, named with dns01.webhook.",
           "dns01:\n  provider: ovh",
           "dns01:\n  provider: ovh\n  webhook:\n    groupName: acme.example.com\n    solverName: ovh"},
          {"E0802", "kubernetes target: a cloudflare or digitalocean solver without `apiTokenSecretRef`",
           "`cert-manager's cloudflare solver needs the API token's Secret`",
           "In Kubernetes the solver reads its API token from a Secret; edgegen never holds the token itself.",
           "dns01:\n  provider: cloudflare",
           "dns01:\n  provider: cloudflare\n  apiTokenSecretRef: {name: cloudflare-token, key: api-token}"},
          {"E0803", "kubernetes target: users or TLS files without the name of the Secret holding them",
           "`middleware \"login\": basicAuth needs the name of the Secret that holds its users for Kubernetes`",
           "Traefik's Kubernetes CRDs read users and TLS material from Secrets, not from files; name the Secret.",
           "basicAuth:\n  usersFile: /etc/traefik/auth/users",
           "basicAuth:\n  usersFile: /etc/traefik/auth/users\n  secret: login-users"},
          {"E0804", "flux or argocd target without `Edge.spec.git`", "`the flux target needs Edge.spec.git`",
           "Flux and ArgoCD apply the rendered tree from Git: they need its URL, branch and path.",
           "spec:\n  targets: [kubernetes, flux]",
           "spec:\n  targets: [kubernetes, flux]\n  git: {url: https://github.com/acme/edge, path: rendered}"},
          {"E0805", "kubernetes target: one host, two issuers",
           "`host \"a.example.com\" gets its certificate from issuer \"le\" already; in Kubernetes a host has one "
           "certificate`",
           "A host's TLS secret is one Certificate's; two issuers for one host would fight over it.",
           "routes with host a.example.com and issuers le and zerossl", "use one issuer for the host"},
          {"E0806", "kubernetes target: a host covered by a requested certificate of another issuer",
           "`host \"a.apps.example.com\" is covered by certificate \"apps\" of issuer \"dns\" but uses issuer \"le\": "
           "it would get a second certificate`",
           "A requested (wildcard) certificate covers the hosts below it; a route there with another issuer would ask "
           "for a second certificate for the same host.",
           "certificate *.apps.example.com from issuer dns; route a.apps.example.com with issuer le",
           "drop the route's issuer, or use the certificate's"},
          {"E0807", "flux target: a Git URL Flux cannot read",
           "`Flux reads Git over http://, https:// or ssh:// only, not \"git@github.com:acme/edge\"`",
           "Flux's GitRepository takes a URL with a scheme; the scp-like form of git is not one.",
           "git: {url: \"git@github.com:acme/edge\"}", "git: {url: \"ssh://git@github.com/acme/edge\"}"},
          {"E0808", "flux or argocd target without the kubernetes target, whose tree they apply",
           "`the flux target applies what the kubernetes target renders`",
           "Flux and ArgoCD objects point at the Kustomize directories of the kubernetes target.",
           "targets: [traefik, flux]", "targets: [traefik, kubernetes, flux]"},
          {"W0601", "a middleware no route uses",
           "`middleware \"rate-limit\" is not used by any route, chain or the dashboard`",
           "A middleware defined but used nowhere, in no environment, is often a leftover or a misspelt reference "
           "elsewhere. Shared middlewares offered to teams before anyone uses them are a reason to silence it.",
           "kind: Middleware\nmetadata:\n  name: rate-limit", "use it in a route's middlewares, or delete it"},
          {"W0602", "a service no route uses", "`service \"worker\" of project \"team-a\" is not used by any route`",
           "A service that no route sends requests to is rendered for nothing; often a route names the wrong service.",
           "services:\n  web: {port: 80}\n  worker: {port: 9000}\nroutes:\n  - host: a.example.com\n    service: web",
           "delete the service, or add the route that should use it"},
          {"W0603", "an issuer nothing uses",
           "`issuer \"letsencrypt-staging\" is not used by any environment, route or certificate`",
           "An issuer that no environment, route, certificate or the Edge default names is rendered (as a resolver) "
           "for nothing.",
           "kind: Issuer\nmetadata:\n  name: letsencrypt-staging", "name it in an Environment's issuer, or delete it"},
          {"W0604", "a plain-HTTP route on a TLS entry point",
           "`route has tls: false but is served on entry point \"websecure\" (\":443\"), where clients speak TLS`",
           "With `tls: false` the router answers plain HTTP only; on port 443 (or an entry point others redirect to) "
           "clients arrive with TLS, so the route is reachable only by an unusual http://host:443 request.",
           "routes:\n  - host: a.example.com\n    service: web\n    tls: false",
           "routes:\n  - host: a.example.com\n    service: web\n    tls: false\n    entryPoints: [internal]    # a "
           "plain-HTTP entry point"},
          {"W0605", "authentication without TLS",
           "`middleware \"sso\" (forwardAuth) authenticates a route without TLS: credentials cross the network in "
           "clear`",
           "basicAuth, digestAuth and forwardAuth on a route with `tls: false` let passwords or session cookies travel "
           "unencrypted.",
           "routes:\n  - host: admin.example.com\n    service: admin\n    tls: false\n    middlewares: [sso]",
           "routes:\n  - host: admin.example.com\n    service: admin\n    middlewares: [sso]"},
          {"W0606", "a requested certificate for hosts no router serves",
           "`certificate \"shop\" is for hosts no router serves: GET https://shop.example.com/: no router matches it "
           "(404)`",
           "A certificate of `certificates:` is presented only for hosts a router serves. When none of its domains is "
           "served (tried with the requests the routers' rules match), it is never used: Traefik never orders it, "
           "cert-manager issues it for nothing. A domain next to served ones (the apex beside a wildcard) is not "
           "reported: it costs one name in the certificate. Silence it for a certificate issued ahead of its routes.",
           "certificates:\n  - name: shop\n    domains: [shop.example.com]   # no route has this host",
           "certificates:\n  - name: shop\n    domains: [shop.example.com]\n# and a route with host: shop.example.com"},
          {"W0607", "an insecure dashboard in production",
           "`the dashboard is served without authentication on :8080 in environment \"prod\"`",
           "`dashboard.insecure` is Traefik's api.insecure: the dashboard and the API, which shows every router, "
           "service and middleware, answer anyone who reaches port 8080. Convenient on a laptop; in an environment "
           "whose name starts with \"prod\" it is almost certainly a mistake.",
           "dashboard:\n  host: traefik.example.com\n  insecure: true",
           "dashboard:\n  host: traefik.example.com\n  middlewares: [sso]"},
          {"W0609", "kubernetes target: DNS-01 `resolvers`, which cert-manager takes from its flags",
           "`issuer \"dns\": cert-manager takes the DNS-01 resolvers from its controller's flags, not from an "
           "Issuer, so the kubernetes target does not render them (environment \"prod\")`",
           "Traefik's resolvers check the DNS-01 record's propagation. cert-manager does the same check with the "
           "nameservers of its controller's --dns01-recursive-nameservers flag (with "
           "--dns01-recursive-nameservers-only), one setting for every issuer, which no Issuer field carries. Set "
           "them on the cert-manager installation (Helm value extraArgs); the warning names the flags.",
           "dns01:\n  provider: cloudflare\n  resolvers: [\"1.1.1.1:53\"]",
           "# cert-manager Helm values\nextraArgs: [--dns01-recursive-nameservers=1.1.1.1:53, "
           "--dns01-recursive-nameservers-only]"},
          {"W0610", "kubernetes target: DNS-01 `delayBeforeCheck`, which cert-manager does not have",
           "`issuer \"dns\": cert-manager has no delayBeforeCheck; it checks that the DNS-01 record has propagated "
           "before asking the CA, so the kubernetes target drops it (environment \"prod\")`",
           "Traefik (lego) can wait a fixed time before its propagation check. cert-manager has no such setting: it "
           "polls the authoritative nameservers until the record is visible, then asks the CA. The value is used by "
           "the traefik targets and dropped for Kubernetes.",
           "dns01:\n  provider: cloudflare\n  delayBeforeCheck: 30s",
           "metadata:\n  annotations:\n    edgegen.dev/ignore: W0610"},
          {"W0611", "a backend whose certificate is not verified",
           "`service \"pve\" of project \"home\": insecureSkipVerify accepts any certificate its servers present, so "
           "anyone between Traefik and them can read and change the traffic`",
           "`tls.insecureSkipVerify: true` makes Traefik accept any certificate from the servers, for any name. A "
           "self-signed certificate is better trusted by name: give its CA (or the certificate itself) as `ca`, "
           "`caSecret` for Kubernetes. Silence it for a backend on a link nobody else reaches.",
           "tls: {insecureSkipVerify: true}", "tls: {ca: /etc/traefik/ca/pve.pem, caSecret: pve-ca}"},
          {"W0612", "a backend transport that an Ingress cannot name",
           "`service \"api\" of project \"shop\" is reached through an Ingress, where Traefik reads its "
           "serversTransport from the annotations of Service \"api\", which edgegen does not write`",
           "With `kubernetes.routing: ingress` Traefik takes a backend's serversTransport from the annotation "
           "traefik.ingress.kubernetes.io/service.serverstransport of the Service the Ingress names. edgegen writes "
           "the ExternalName Services of servers outside the namespace, annotated; a Service of the namespace is the "
           "team's, and needs the annotation added where it is deployed.",
           "kubernetes: {routing: ingress}\n---\nservices:\n  api: {host: api, port: 8443, scheme: https, tls: "
           "{caSecret: api-ca}}",
           "# on the team's Service \"api\":\nannotations:\n  traefik.ingress.kubernetes.io/service.serverstransport: "
           "edge-shop-api@kubernetescrd"},
          {"W0613", "a Traefik setting of the Edge that the kubernetes target does not write",
           "`the kubernetes target writes no Traefik configuration, so entry point \"web\" redirects to "
           "\"websecure\" only if Traefik's Helm release says so (cert-manager's HTTP-01 solver waits on "
           "\"websecure\")`",
           "In a cluster, Traefik's static configuration (entry points, their redirections, logs, the access log, the "
           "insecure API) comes from its Helm release, which edgegen does not own. With "
           "`kubernetes.traefikValues`, edgegen writes the settings it can as the chart's `additionalArguments`, in "
           "the "
           "cluster directory: a HelmChartConfig, which K3s and RKE2 merge into their bundled Traefik, or a ConfigMap "
           "for a Helm release's valuesFrom. Entry points other than the chart's (web on 80, websecure on 443) and an "
           "access log file are never written: they belong in the release's `ports` and volumes.",
           "entryPoints:\n  web: {address: \":80\", redirectTo: websecure}\nkubernetes: {}",
           "kubernetes:\n  traefikValues: {kind: HelmChartConfig}   # K3s: kube-system/traefik"},
          {"W0614", "a backend behind an ExternalName Service that Traefik ignores by default",
           "`service \"nas\" of project \"home\": Traefik reaches \"nas.lan.example.com\" through an ExternalName "
           "Service, which its Kubernetes providers ignore unless allowExternalNameServices is set (off by default)`",
           "A backend in another namespace (name.namespace.svc.cluster.local) or outside the cluster (a DNS name) "
           "becomes an ExternalName Service. Traefik's kubernetesCRD and kubernetesIngress providers skip such "
           "Services unless their allowExternalNameServices option is on, and the route then answers 404 or 503. "
           "With `kubernetes.traefikValues`, edgegen turns the option on in the Traefik arguments it writes; the files "
           "holding ExternalName Services say so in a comment.",
           "services:\n  nas: {urls: [\"https://nas.lan.example.com:5001\"]}",
           "kubernetes:\n  traefikValues: {kind: ConfigMap, namespace: traefik}\n# or, in Traefik's Helm values:\n"
           "providers:\n  kubernetesCRD: {allowExternalNameServices: true}\n  kubernetesIngress: "
           "{allowExternalNameServices: true}"},
          {"W0621", "a health check the kubernetes target cannot write",
           "`service \"api\" of project \"homepage\": the kubernetes target does not write its healthCheck: "
           "Traefik's Kubernetes providers health-check only the ExternalName Services of an IngressRoute, and send "
           "a Service's requests to its ready Pods`",
           "Traefik's file, KV and Docker providers health-check a service's servers. In a cluster, Traefik reads a "
           "healthCheck only on an IngressRoute's ExternalName Service (a backend outside the namespace); an Ingress "
           "has none, and a Service of the namespace sends requests only to the Pods its readiness probes pass. The "
           "traefik targets keep the health check; the kubernetes target drops it and says so.",
           "services:\n  api:\n    port: 8000\n    healthCheck: {path: /api/health, interval: 10s}",
           "# the team's Deployment:\nreadinessProbe:\n  httpGet: {path: /api/health, port: 8000}\n  periodSeconds: "
           "10"},
      });
}

} // namespace edgegen::diag::detail
