// Codes of `edgegen import`: what an existing Traefik configuration holds
// that the desired state cannot say. Meanings and examples are the README's
// table.
#include "diag/codes.hpp"

namespace edgegen::diag::detail {

void add_import_codes(std::vector<CodeInfo>& out)
{
  out.insert(
      out.end(),
      {
          {"E0427", "an import input that is not of the kind given",
           "`not a Traefik static configuration: it has none of entryPoints, providers and certificatesResolvers`",
           "`edgegen import traefik STATIC DYNAMIC...` reads the static file first and dynamic files after it; "
           "`edgegen import compose FILE...` reads compose files, `edgegen import kubernetes PATH...` Kubernetes "
           "manifests. A file of another kind (a dynamic file given as the static one, a compose file given to "
           "the traefik or kubernetes kind) is refused rather than read as something it is not.",
           "edgegen import traefik dynamic/routes.yml traefik.yml --out edge/",
           "edgegen import traefik traefik.yml dynamic/routes.yml --out edge/"},
          {"E0428", "a middleware of an unknown type", "`middleware \"auth\" has the unknown type \"basicauth\"`",
           "A Traefik middleware holds exactly one of Traefik v3's HTTP middleware types, spelt as Traefik "
           "spells them (the dynamic file's keys are case-sensitive). Traefik itself refuses an unknown type, so "
           "the configuration did not work as written.",
           "http:\n  middlewares:\n    auth:\n      basicauth: {usersFile: /etc/traefik/users}",
           "http:\n  middlewares:\n    auth:\n      basicAuth: {usersFile: /etc/traefik/users}"},
          {"E0429", "imported configuration that the desired state cannot express",
           "`service \"split\" is a weighted service: edgegen's services are load balancers`",
           "edgegen writes HTTP routers to load-balanced services with ACME or file certificates. TCP and UDP "
           "routing, weighted, mirroring and failover services, routers to another provider's service, v2 rule "
           "syntax and the TLS-ALPN challenge have no place in the desired state; the import stops rather than "
           "drop them. Keep such objects in a dynamic file of their own beside edgegen's.",
           "http:\n  services:\n    split:\n      weighted:\n        services: [{name: a, weight: 3}, {name: b, "
           "weight: 1}]",
           "http:\n  services:\n    a:\n      loadBalancer:\n        servers: [{url: http://10.0.0.5:80}]"},
          {"E0430", "invalid TOML", "`invalid TOML: Error while parsing key-value pair: expected '=', saw '\"'`",
           "An import input whose name ends in .toml is read as TOML (Traefik's other syntax); it is not valid "
           "TOML 1.0 at the line and column given, and Traefik would refuse it too.",
           "[entryPoints.web]\naddress \":80\"", "[entryPoints.web]\naddress = \":80\""},
          {"E0432", "a Redis dump entry that is not a Traefik key",
           "`\"target_domains\" is not a Traefik key under the root key \"traefik\"`",
           "`edgegen import redis` reads the keys of Traefik's redis provider: ROOT/http/..., ROOT/tcp/..., "
           "ROOT/udp/... and ROOT/tls/..., the root key being the first key's first segment (or the static "
           "file's providers.redis.rootKey). A dump is kv.json (one JSON object of key and string value) or "
           "text of alternating key and value lines; another key (a set of domains, a lock), a key without its "
           "value line or a value that is not a string is refused rather than guessed at.",
           "traefik/http/routers/blog/rule\nHost(`blog.example.com`)\ntarget_domains\n",
           "traefik/http/routers/blog/rule\nHost(`blog.example.com`)\n"},
          {"W0617", "a placeholder Issuer for a fleet's certificates",
           "`router \"blog\" and the other TLS routers without a certificate resolver get their certificates from "
           "outside the KV; the Issuer \"certificate-worker\" written for them is a placeholder (ACME DNS-01 "
           "by lego's manual provider, email hostmaster@example.com)`",
           "In Traefik's KV, edgegen's fleets' routers only ask for TLS: a certificate worker obtains the "
           "certificates, with an issuer that is not among the keys. With no static file whose "
           "certificatesResolvers could stand for it, `import redis` writes a placeholder Issuer so that the "
           "tree validates; its email and solver are the worker's to fill in.",
           "kind: Issuer\nmetadata: {name: certificate-worker}\nspec:\n  acme: {email: hostmaster@example.com, "
           "server: production, solver: {dns01: {provider: manual}}}",
           "kind: Issuer\nmetadata: {name: certificate-worker}\nspec:\n  acme: {email: certs@example.com, "
           "server: production, solver: {dns01: {provider: cloudflare}}}"},
          {"W0615", "an imported setting that is not carried over",
           "`metrics is not carried over: edgegen's desired state has no such setting`",
           "A setting of the static or dynamic configuration that edgegen's Edge, Issuers, Middlewares and "
           "Projects do not model (metrics, tracing, an entry point's transport, a TLS store) is left out of "
           "the imported tree, by name, so that nothing is dropped silently. The proof compares routing only.",
           "metrics:\n  prometheus: {}",
           "# configure metrics where Traefik is deployed (the compose file, the Helm values)"},
          {"W0618", "a Kubernetes object that is not Traefik or cert-manager configuration",
           "`Kustomization \"apps\" is not carried over: a Flux object: edgegen's flux target writes its own`",
           "`edgegen import kubernetes` reads Traefik's IngressRoutes, Middlewares and TLSOptions, Ingresses "
           "with Traefik's annotations, the Services they send to and cert-manager's Issuers, ClusterIssuers "
           "and Certificates. Every other object of the manifests (Deployments, Flux's Kustomizations and "
           "HelmReleases, whose chart values edgegen does not write, a document without apiVersion and kind) "
           "is left out of the imported tree, by name and place, so that nothing is dropped silently.",
           "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: traefik}",
           "# keep the HelmRelease where it is; set Traefik's settings in Edge.spec.traefik"},
          {"W0619", "an entry point whose address the manifests do not hold",
           "`entry point \"metrics\" of router \"whoami\" has no address in these manifests (Traefik's own "
           "settings hold it); the import gives it :8000`",
           "Kubernetes manifests name entry points (an IngressRoute's entryPoints, an Ingress's router.entrypoints "
           "annotation) whose addresses are Traefik's static settings, in its Helm values. web and websecure "
           "are taken as Traefik's chart has them (:80 and :443); another gets a free port, to be set in "
           "edge.yaml.",
           "spec:\n  entryPoints: [metrics]", "# edge.yaml\nspec:\n  entryPoints:\n    metrics: {address: \":9100\"}"},
          {"W0620", "a route without entry points that web and websecure serve differently",
           "`router \"homepage\" names no entry point, so Traefik serves it in plain HTTP on web (:80) as well as "
           "with TLS on websecure (:443); the import writes both, as \"homepage-web\" and \"homepage\"`",
           "A router without entry points is on every one. Traefik's Ingress provider leaves an Ingress's router "
           "plain even when spec.tls names its host (it only loads the Secret's certificate), and Traefik's Helm "
           "chart makes websecure's routers TLS: so the host is served in plain HTTP on web and with TLS on "
           "websecure, and the import writes one route of each. A router that is TLS everywhere (the router.tls "
           "annotation, an IngressRoute's tls) answers on web only to clients speaking TLS to port 80, which "
           "edgegen refuses (E0407): the import puts it on websecure alone.",
           "metadata:\n  annotations: {cert-manager.io/cluster-issuer: le}\nspec:\n  tls: [{hosts: [example.com], "
           "secretName: example-tls}]",
           "metadata:\n  annotations:\n    cert-manager.io/cluster-issuer: le\n    "
           "traefik.ingress.kubernetes.io/router.entrypoints: websecure"},
          {"W0616", "an inline secret replaced by a reference",
           "`middleware \"ops-auth\": basicAuth.users (2 entries) is not copied; the import refers to the htpasswd "
           "file /etc/traefik/auth/ops-auth.htpasswd (usersFile) instead`",
           "Secrets are referenced, never written in the desired state (it lives in Git). Inline basicAuth and "
           "digestAuth users become a usersFile to create, credential headers and passwords in URLs are left "
           "out; the warning says what to move where and never shows the value.",
           "basicAuth:\n  users: [\"admin:$apr1$...\"]",
           "basicAuth:\n  usersFile: /etc/traefik/auth/ops-auth.htpasswd"},
      });
}

} // namespace edgegen::diag::detail
