#include "review/graph.hpp"

#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::review {
namespace {

// A wildcard host, a path template, a regexp with braces, a quote, a '#',
// non-ASCII text, a chain and a shared middleware used twice.
const char* k_project = R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata: {name: shop}
spec:
  services:
    api: {port: 8000}
    web: {urls: ["http://10.0.0.1:80", "http://10.0.0.2:80"]}
  routes:
    - host: shop.example.com
      pathPrefix: /api
      service: api
      middlewares: [guard, secure]
    - name: any
      host: "*.shop.example.com"
      service: web
      issuer: dns
      middlewares: [secure]
    - name: odd
      rule: 'Host(`odd.example.com`) && PathRegexp(`^/v[0-9]{1,2}/#x`) && Header(`X-Q`, `a"b<é>`)'
      service: web
      priority: 5
  middlewares:
    limit: {rateLimit: {average: 10}}
    guard: {chain: {middlewares: [limit, secure]}}
---
apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata: {name: secure}
spec: {headers: {frameDeny: true}}
---
apiVersion: edgegen.dev/v1alpha1
kind: Issuer
metadata: {name: dns}
spec: {acme: {email: a@example.com, solver: {dns01: {provider: cloudflare}}}}
)";

// The first lines of every drawing: the kinds' styles, the layout.
const std::string k_mermaid = R"graph(flowchart LR
  classDef host fill:#e8f1fb,stroke:#4a78b0
  classDef router fill:#fff,stroke:#555
  classDef highlight fill:#ffe08a,stroke:#c77c00,stroke-width:3px
  classDef middleware fill:#f3ecfa,stroke:#8a63b8
  classDef service fill:#e9f7ec,stroke:#3f8f55
  classDef server fill:#f4f4f4,stroke:#888
)graph";
const std::string k_dot = R"graph(digraph routes {
  rankdir=LR;
  node [shape=box, fontname="DejaVu Sans", fontsize=10];
  edge [fontname="DejaVu Sans", fontsize=9];
)graph";

TEST(Graph, MermaidEscapesLabelsAndSortsNodesAndEdges)
{
  Compilation c = testing::compile_files({{"shop.yaml", k_project}});
  EXPECT_EQ(draw_graph(testing::config_of(c), {}),
            k_mermaid + R"graph(  h___shop_example_com["*.shop.example.com"]:::host
  h_any_host["any host"]:::host
  h_odd_example_com["odd.example.com"]:::host
  h_shop_example_com["shop.example.com"]:::host
  m_secure["secure<br>headers"]:::middleware
  m_shop_guard["shop-guard<br>chain: shop-limit, secure"]:::middleware
  r_acme_http_internal["acme-http@internal<br>PathPrefix(#96;/.well-known/acme-challenge/#96;)<br>entry points: web; priority 9223372036854775807"]:::router
  r_shop_any["shop-any<br>HostRegexp(#96;^[a-z0-9-]+\.shop\.example\.com$#96;)<br>entry points: websecure; priority 10000<br>TLS, issuer dns"]:::router
  r_shop_api["shop-api<br>Host(#96;shop.example.com#96;) #amp;#amp; PathPrefix(#96;/api#96;)<br>entry points: websecure; priority 20004<br>TLS, issuer le"]:::router
  r_shop_odd["shop-odd<br>Host(#96;odd.example.com#96;) #amp;#amp; PathRegexp(#96;^/v[0-9]{1,2}/#35;x#96;) #amp;#amp; Header(#96;X-Q#96;, #96;a#quot;b#lt;é#gt;#96;)<br>entry points: websecure; priority 5<br>TLS, issuer le"]:::router
  s_acme_http_internal["acme-http@internal"]:::service
  s_shop_api["shop-api"]:::service
  s_shop_web["shop-web"]:::service
  u_http___10_0_0_1_80["http://10.0.0.1:80"]:::server
  u_http___10_0_0_2_80["http://10.0.0.2:80"]:::server
  u_http___shop_api_8000["http://shop-api:8000"]:::server
  h___shop_example_com --> r_shop_any
  h_any_host --> r_acme_http_internal
  h_odd_example_com --> r_shop_odd
  h_shop_example_com --> r_shop_api
  r_acme_http_internal --> s_acme_http_internal
  r_shop_any -->|1| m_secure
  r_shop_any --> s_shop_web
  r_shop_api -->|1| m_shop_guard
  r_shop_api -->|2| m_secure
  r_shop_api --> s_shop_api
  r_shop_odd --> s_shop_web
  s_shop_api --> u_http___shop_api_8000
  s_shop_web --> u_http___10_0_0_1_80
  s_shop_web --> u_http___10_0_0_2_80
)graph");
}

TEST(Graph, DotEscapesLabelsAndSortsNodesAndEdges)
{
  Compilation c = testing::compile_files({{"shop.yaml", k_project}});
  GraphOptions options;
  options.format = GraphFormat::dot;
  EXPECT_EQ(
      draw_graph(testing::config_of(c), options),
      k_dot +
          R"graph(  h___shop_example_com [label="*.shop.example.com", shape=ellipse, style=filled, fillcolor="#e8f1fb"];
  h_any_host [label="any host", shape=ellipse, style=filled, fillcolor="#e8f1fb"];
  h_odd_example_com [label="odd.example.com", shape=ellipse, style=filled, fillcolor="#e8f1fb"];
  h_shop_example_com [label="shop.example.com", shape=ellipse, style=filled, fillcolor="#e8f1fb"];
  m_secure [label="secure\nheaders", style="filled,rounded", fillcolor="#f3ecfa"];
  m_shop_guard [label="shop-guard\nchain: shop-limit, secure", style="filled,rounded", fillcolor="#f3ecfa"];
  r_acme_http_internal [label="acme-http@internal\nPathPrefix(`/.well-known/acme-challenge/`)\nentry points: web; priority 9223372036854775807"];
  r_shop_any [label="shop-any\nHostRegexp(`^[a-z0-9-]+\\.shop\\.example\\.com$`)\nentry points: websecure; priority 10000\nTLS, issuer dns"];
  r_shop_api [label="shop-api\nHost(`shop.example.com`) && PathPrefix(`/api`)\nentry points: websecure; priority 20004\nTLS, issuer le"];
  r_shop_odd [label="shop-odd\nHost(`odd.example.com`) && PathRegexp(`^/v[0-9]{1,2}/#x`) && Header(`X-Q`, `a\"b<é>`)\nentry points: websecure; priority 5\nTLS, issuer le"];
  s_acme_http_internal [label="acme-http@internal", style=filled, fillcolor="#e9f7ec"];
  s_shop_api [label="shop-api", style=filled, fillcolor="#e9f7ec"];
  s_shop_web [label="shop-web", style=filled, fillcolor="#e9f7ec"];
  u_http___10_0_0_1_80 [label="http://10.0.0.1:80", shape=note];
  u_http___10_0_0_2_80 [label="http://10.0.0.2:80", shape=note];
  u_http___shop_api_8000 [label="http://shop-api:8000", shape=note];
  h___shop_example_com -> r_shop_any;
  h_any_host -> r_acme_http_internal;
  h_odd_example_com -> r_shop_odd;
  h_shop_example_com -> r_shop_api;
  r_acme_http_internal -> s_acme_http_internal;
  r_shop_any -> m_secure [label="1"];
  r_shop_any -> s_shop_web;
  r_shop_api -> m_shop_guard [label="1"];
  r_shop_api -> m_secure [label="2"];
  r_shop_api -> s_shop_api;
  r_shop_odd -> s_shop_web;
  s_shop_api -> u_http___shop_api_8000;
  s_shop_web -> u_http___10_0_0_1_80;
  s_shop_web -> u_http___10_0_0_2_80;
}
)graph");
}

TEST(Graph, OnlyHighlightedRoutersWithTheirNeighbours)
{
  Compilation c = testing::compile_files({{"shop.yaml", k_project}});
  GraphOptions options;
  options.highlight = {"shop-any"};
  options.only_highlighted = true;
  EXPECT_EQ(draw_graph(testing::config_of(c), options),
            k_mermaid + R"graph(  h___shop_example_com["*.shop.example.com"]:::host
  m_secure["secure<br>headers"]:::middleware
  r_shop_any["shop-any<br>HostRegexp(#96;^[a-z0-9-]+\.shop\.example\.com$#96;)<br>entry points: websecure; priority 10000<br>TLS, issuer dns"]:::highlight
  s_shop_web["shop-web"]:::service
  u_http___10_0_0_1_80["http://10.0.0.1:80"]:::server
  u_http___10_0_0_2_80["http://10.0.0.2:80"]:::server
  h___shop_example_com --> r_shop_any
  r_shop_any -->|1| m_secure
  r_shop_any --> s_shop_web
  s_shop_web --> u_http___10_0_0_1_80
  s_shop_web --> u_http___10_0_0_2_80
)graph");
  options.format = GraphFormat::dot;
  EXPECT_EQ(
      draw_graph(testing::config_of(c), options),
      k_dot +
          R"graph(  h___shop_example_com [label="*.shop.example.com", shape=ellipse, style=filled, fillcolor="#e8f1fb"];
  m_secure [label="secure\nheaders", style="filled,rounded", fillcolor="#f3ecfa"];
  r_shop_any [label="shop-any\nHostRegexp(`^[a-z0-9-]+\\.shop\\.example\\.com$`)\nentry points: websecure; priority 10000\nTLS, issuer dns", style="filled,bold", fillcolor="#ffe08a", color="#c77c00", penwidth=3];
  s_shop_web [label="shop-web", style=filled, fillcolor="#e9f7ec"];
  u_http___10_0_0_1_80 [label="http://10.0.0.1:80", shape=note];
  u_http___10_0_0_2_80 [label="http://10.0.0.2:80", shape=note];
  h___shop_example_com -> r_shop_any;
  r_shop_any -> m_secure [label="1"];
  r_shop_any -> s_shop_web;
  s_shop_web -> u_http___10_0_0_1_80;
  s_shop_web -> u_http___10_0_0_2_80;
}
)graph");
}

TEST(Graph, HighlightingChangesOnlyTheClassOfTheHighlightedRouters)
{
  Compilation c = testing::compile_files({{"shop.yaml", k_project}});
  GraphOptions options;
  options.highlight = {"shop-api", "no-such-router"};
  std::string plain = draw_graph(testing::config_of(c), {});
  std::string highlighted = draw_graph(testing::config_of(c), options);
  std::string router = "TLS, issuer le\"]:::router\n";
  size_t at = plain.find("  r_shop_api[");
  ASSERT_NE(at, std::string::npos);
  at = plain.find(router, at);
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(highlighted, plain.substr(0, at) + "TLS, issuer le\"]:::highlight\n" + plain.substr(at + router.size()));
}

TEST(Graph, NamesThatSanitiseAlikeGetDistinctIds)
{
  const char* project = R"(apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata: {name: p}
spec:
  services:
    web: {port: 80}
  routes:
    - {name: a-b, host: a-b.example.com, service: web}
    - {name: a-b-2, host: a.b.example.com, service: web}
)";
  Compilation c = testing::compile_files({{"p.yaml", project}});
  EXPECT_EQ(draw_graph(testing::config_of(c), {}), k_mermaid + R"graph(  h_a_b_example_com["a-b.example.com"]:::host
  h_a_b_example_com_2["a.b.example.com"]:::host
  h_any_host["any host"]:::host
  r_acme_http_internal["acme-http@internal<br>PathPrefix(#96;/.well-known/acme-challenge/#96;)<br>entry points: web; priority 9223372036854775807"]:::router
  r_p_a_b["p-a-b<br>Host(#96;a-b.example.com#96;)<br>entry points: websecure; priority 20000<br>TLS, issuer le"]:::router
  r_p_a_b_2["p-a-b-2<br>Host(#96;a.b.example.com#96;)<br>entry points: websecure; priority 20000<br>TLS, issuer le"]:::router
  s_acme_http_internal["acme-http@internal"]:::service
  s_p_web["p-web"]:::service
  u_http___p_web_80["http://p-web:80"]:::server
  h_a_b_example_com --> r_p_a_b
  h_a_b_example_com_2 --> r_p_a_b_2
  h_any_host --> r_acme_http_internal
  r_acme_http_internal --> s_acme_http_internal
  r_p_a_b --> s_p_web
  r_p_a_b_2 --> s_p_web
  s_p_web --> u_http___p_web_80
)graph");
}

} // namespace
} // namespace edgegen::review
