#include "check/check.hpp"

#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::check {
namespace {

using namespace testing;

const std::string k_issuers = R"(apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata:
  name: ovh
spec:
  acme:
    email: a@example.com
    solver:
      dns01:
        provider: ovh
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata:
  name: hook
spec:
  acme:
    email: a@example.com
    solver:
      dns01:
        provider: ovh
        webhook: {groupName: acme.example.com, solverName: ovh}
)";

TEST(CheckKubernetes, DnsProviderWithoutACertManagerSolverNeedsAWebhook)
{
  auto c = compile(edge(), {{"i.yaml", k_issuers}});
  EXPECT_EQ(errors(c), "i.yaml:10:19: E0801: cert-manager has no DNS-01 solver for provider \"ovh\"\n");
  // Traefik alone has lego's providers: nothing to report.
  std::string traefik_only = edge();
  traefik_only.replace(traefik_only.find("[kubernetes, flux, argocd]"), 26, "[traefik]");
  EXPECT_EQ(errors(compile(traefik_only, {{"i.yaml", k_issuers}})), "");
}

TEST(CheckKubernetes, UsersAndKeyFilesNeedSecretNames)
{
  const std::string spec = R"(  middlewares:
    login:
      basicAuth: {users: ["a:$$apr1$$x"]}
    digest:
      digestAuth: {usersFile: /users, secret: digest-users}
    tls:
      forwardAuth: {address: https://a.example.com, tls: {ca: /ca.pem, certSecret: client}}
)";
  auto c = compile(edge(), {{"p.yaml", project("p", spec)}});
  EXPECT_EQ(
      errors(c),
      R"(p.yaml:7:5: E0803: middleware "login": basicAuth needs the name of the Secret that holds its users for Kubernetes
p.yaml:8:26: E0461: basicAuth.users puts password hashes into the repository
p.yaml:11:5: E0803: middleware "tls": forwardAuth.tls needs the name of the Secret that holds its CA for Kubernetes
)");
}

TEST(CheckKubernetes, FluxAndArgoCDNeedTheGitRepository)
{
  std::string without_git = edge();
  without_git.erase(without_git.find("  git:"), without_git.find("---") - without_git.find("  git:"));
  EXPECT_EQ(errors(compile(without_git)), R"(edge.yaml:1:1: E0804: the argocd target needs Edge.spec.git
edge.yaml:1:1: E0804: the flux target needs Edge.spec.git
)");
}

TEST(CheckKubernetes, FluxNeedsAUrlWithAScheme)
{
  std::string scp = edge();
  scp.replace(scp.find("https://git.example.com/edge.git"), 32, "git@git.example.com:edge.git");
  EXPECT_EQ(errors(compile(scp)), "edge.yaml:1:1: E0807: Flux reads Git over http://, https:// or ssh:// only, not "
                                  "\"git@git.example.com:edge.git\"\n");
}

TEST(CheckKubernetes, FluxAndArgoCDApplyTheKubernetesTargetsTree)
{
  std::string without = edge();
  without.replace(without.find("[kubernetes, flux, argocd]"), 26, "[argocd, traefik]");
  EXPECT_EQ(errors(compile(without)),
            "edge.yaml:1:1: E0808: the argocd target applies what the kubernetes target renders\n");
}

TEST(CheckKubernetes, AHostHasOneIssuer)
{
  const std::string spec = R"(  services:
    web: {port: 80}
  routes:
    - host: a.example.com
      service: web
    - name: two
      host: a.example.com
      pathPrefix: /two
      service: web
      issuer: dns
)";
  EXPECT_EQ(errors(compile(edge(), {{"p.yaml", project("p", spec)}})),
            "p.yaml:11:7: E0805: host \"a.example.com\" gets its certificate from issuer \"le\" already; in "
            "Kubernetes a host has one certificate\n");
}

TEST(CheckKubernetes, ARequestedCertificateOfAnotherIssuerWouldCoverTheHostTwice)
{
  const std::string request = R"(  certificates:
    - name: apps
      issuer: dns
      domains: ["*.apps.example.com"]
)";
  const std::string spec = R"(  services:
    web: {port: 80}
  routes:
    - host: a.apps.example.com
      service: web
    - name: covered
      host: b.apps.example.com
      service: web
      issuer: dns
)";
  EXPECT_EQ(errors(compile(edge(request), {{"p.yaml", project("p", spec)}})),
            "p.yaml:9:7: E0806: host \"a.apps.example.com\" is covered by certificate \"apps\" of issuer \"dns\" but "
            "uses issuer \"le\": it would get a second certificate\n");
}

} // namespace
} // namespace edgegen::check
