#pragma once

// Test input shared by the tests of validate/.

namespace edgegen::validate::test_input {

// The examples of docs/input-format.md, verbatim
// except for the comments.
inline const char* const k_examples = R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata: {name: kanban}
spec:
  targets: [traefik, traefik-redis, kubernetes, flux, argocd, compose, dns]
  entryPoints:
    web:       {address: ":80", redirectTo: websecure}
    websecure: {address: ":443"}
  defaultIssuer: letsencrypt
  dashboard:
    host: traefik.${domain}
    middlewares: [oidc]
  git: {url: https://github.com/acme/edge, branch: main, path: rendered}
---
apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata: {name: prod}
spec:
  vars: {domain: kanban.example.com}
  issuer: letsencrypt
  kubernetes: {namespace: edge}
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: letsencrypt}
spec:
  acme:
    email: admin@example.com
    server: production
    solver:
      dns01: {provider: cloudflare, apiTokenSecretRef: {name: cloudflare-token, key: api-token}}
---
apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata: {name: secure-headers}
spec: {headers: {frameDeny: true, contentTypeNosniff: true, stsSeconds: 31536000}}
---
apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata: {name: hsts}
spec:
  preset: secure-headers
  headers: {stsSeconds: 63072000}
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: synced}
spec:
  files:
    certificates:
      - {certFile: /certs/example.com/fullchain.pem, keyFile: /certs/example.com/privkey.pem, domains: [example.com]}
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: letsencrypt-http}
spec:
  acme:
    email: admin@example.com
    server: staging
    privateKeySecretRef: {name: le-key}
    solver:
      http01: {entryPoint: web}
---
apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata: {name: team-a}
spec:
  services:
    api:
      port: 8000
      host: api.team-a.internal
      scheme: http
      healthCheck: {path: /healthz, interval: 10s, timeout: 3s}
      passHostHeader: false
    web: {port: 80}
    legacy:
      urls: [http://10.0.0.5:8000, http://10.0.0.6:8000]
  routes:
    - name: api
      host: team-a.${domain}
      pathPrefix: /api
      service: api
      middlewares: [secure-headers, rate-limit, authelia@docker]
      priority: 10
      entryPoints: [websecure]
      tls: true
      issuer: letsencrypt
    - host: team-a.${domain}
      service: web
    - rule: Host(`x.${domain}`) && Header(`X-Beta`, `1`)
      service: web
  middlewares:
    rate-limit: {rateLimit: {average: 100, burst: 50}}
)";

} // namespace edgegen::validate::test_input
