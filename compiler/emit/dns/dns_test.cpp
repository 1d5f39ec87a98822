#include "emit/dns/dns.hpp"

#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::emit::dns {
namespace {

std::string edge(const std::string& dns)
{
  return R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata: {name: test}
spec:
  targets: [dns]
  dashboard: {host: traefik.example.com}
  dns:
)" + dns +
         R"y(---
apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata: {name: p}
spec:
  services:
    web: {port: 80}
  routes:
    - {host: example.com, service: web, tls: false}
    - {name: www, host: www.example.com, service: web, tls: false}
    - {name: dev, host: app.dev.example.com, service: web, tls: false}
    - {name: raw, rule: "Host(`raw.example.com`) && Path(`/x`)", service: web, tls: false}
    - {name: other, host: www.example.org, service: web, tls: false}
)y";
}

const char* k_two_zones = R"(    addresses: [192.0.2.10, "2001:DB8::10"]
    zones:
      - name: example.com
      - name: dev.example.com.
)";

testing::Compiled compile(const std::string& dns)
{
  return testing::compile_files({{"edge.yaml", edge(dns)}}, false);
}

std::vector<std::string> lines(const std::vector<Record>& records)
{
  std::vector<std::string> out;
  for (const auto& r : records) {
    out.push_back(r.owner + " " + r.type + " " + r.data);
  }
  return out;
}

TEST(Dns, SerialFollowsTheContentAndGrowsWithTheVersion)
{
  EXPECT_EQ(serial(7, "") / 10000, 7u);
  EXPECT_EQ(serial(7, "a"), serial(7, "a"));
  EXPECT_NE(serial(7, "www IN A 192.0.2.10\n"), serial(7, "www IN A 192.0.2.11\n"));
  for (const char* content : {"", "a", "www IN A 192.0.2.10\n", "www IN A 192.0.2.11\n"}) {
    EXPECT_GT(serial(8, content), serial(7, "www IN A 192.0.2.10\n")) << content;
  }
  EXPECT_EQ(serial(429495, "x") / 10000, 429495u); // the schema's maximum still fits 32 bits
}

TEST(Dns, EachHostGoesToTheZoneWithTheLongestApex)
{
  auto c = compile(k_two_zones);
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  const auto& config = testing::config_of(c);
  EXPECT_EQ(lines(zone_records(config, config.edge.dns.zones.at(0))),
            (std::vector<std::string>{"@ NS ns.example.com.", "@ A 192.0.2.10", "@ AAAA 2001:db8::10",
                                      "ns A 192.0.2.10", "ns AAAA 2001:db8::10", "raw A 192.0.2.10",
                                      "raw AAAA 2001:db8::10", "traefik A 192.0.2.10", "traefik AAAA 2001:db8::10",
                                      "www A 192.0.2.10", "www AAAA 2001:db8::10"}));
  EXPECT_EQ(lines(zone_records(config, config.edge.dns.zones.at(1))),
            (std::vector<std::string>{"@ NS ns.dev.example.com.", "app A 192.0.2.10", "app AAAA 2001:db8::10",
                                      "ns A 192.0.2.10", "ns AAAA 2001:db8::10"}));
}

TEST(Dns, WildcardAndCnameZones)
{
  auto c = compile(R"(    addresses: [192.0.2.10]
    zones:
      - {name: example.com, cname: edge.example.com, nameServers: [ns1.example.net]}
      - {name: dev.example.com, wildcard: true}
)");
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  const auto& config = testing::config_of(c);
  // The apex keeps its address (a CNAME cannot sit beside SOA and NS); the
  // CNAME target inside the zone gets the addresses; an outside NS gets no glue.
  EXPECT_EQ(lines(zone_records(config, config.edge.dns.zones.at(0))),
            (std::vector<std::string>{"@ NS ns1.example.net.", "@ A 192.0.2.10", "edge A 192.0.2.10",
                                      "raw CNAME edge.example.com.", "traefik CNAME edge.example.com.",
                                      "www CNAME edge.example.com."}));
  EXPECT_EQ(lines(zone_records(config, config.edge.dns.zones.at(1))),
            (std::vector<std::string>{"@ NS ns.dev.example.com.", "* A 192.0.2.10", "ns A 192.0.2.10"}));
}

TEST(Dns, TheApexIsAHostLikeTheOthersButNeverACnameOrTheWildcard)
{
  // A record for an apex nothing serves would send clients to an edge that
  // answers 404 (E0492 for a route's host), so example.org's gets none; the
  // served apex gets the addresses themselves: not the wildcard, which does
  // not cover it, and never a CNAME (WildcardAndCnameZones), which cannot sit
  // beside the SOA and NS records.
  auto c = testing::compile_files({{"edge.yaml",
                                    R"(apiVersion: edgegen.dev/v1alpha1
kind: Edge
metadata: {name: test}
spec:
  targets: [dns]
  entryPoints: {web: {address: ":80"}}
  dashboard: {host: dev.example.com, tls: false}
  dns:
    addresses: [192.0.2.10]
    zones: [{name: dev.example.com, wildcard: true}, {name: example.org, cname: edge.example.org}]
)"}},
                                  false);
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  const auto& config = testing::config_of(c);
  EXPECT_EQ(lines(zone_records(config, config.edge.dns.zones.at(0))),
            (std::vector<std::string>{"@ NS ns.dev.example.com.", "@ A 192.0.2.10", "ns A 192.0.2.10"}));
  EXPECT_EQ(lines(zone_records(config, config.edge.dns.zones.at(1))),
            (std::vector<std::string>{"@ NS ns.example.org.", "edge A 192.0.2.10", "ns A 192.0.2.10"}));
}

TEST(Dns, TheSoaNamesTheFirstNameServerAsWrittenAndTheTimersOfDnsSoa)
{
  auto c = compile(R"(    addresses: [192.0.2.10]
    soa: {refresh: 7200, retry: 600, expire: 604800, minimum: 60}
    zones:
      - {name: example.com, nameServers: [NS2.example.net., ns1.example.net]}
)");
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  const auto& config = testing::config_of(c);
  const auto& zone = config.edge.dns.zones.at(0);
  EXPECT_EQ(primary_name_server(zone), "ns2.example.net.");
  std::string text = zone_file(config, zone);
  EXPECT_NE(text.find("@        IN SOA   ns2.example.net. hostmaster.example.com. (\n"), std::string::npos) << text;
  EXPECT_NE(text.find(R"(    7200       ; refresh
    600        ; retry
    604800     ; expire
    60 )       ; negative-answer TTL
@        IN NS    ns1.example.net.
@        IN NS    ns2.example.net.
)"),
            std::string::npos)
      << text;
  model::DnsZone bare;
  bare.name = "Lab.Example.net.";
  EXPECT_EQ(primary_name_server(bare), "ns.lab.example.net.");
}

TEST(Dns, ZoneFileAndCorefile)
{
  auto c = compile(R"(    version: 3
    ttl: 60
    directory: /zones
    addresses: [192.0.2.10]
    zones:
      - {name: dev.example.com, hostmaster: dns.admin@example.net}
)");
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  const auto& config = testing::config_of(c);
  std::string text = zone_file(config, config.edge.dns.zones.at(0));
  std::string number = std::to_string(serial(3, R"(ns.dev.example.com. dns\.admin.example.net. 3600 900 1209600 300
60
@    IN NS    ns.dev.example.com.
app  IN A     192.0.2.10
ns   IN A     192.0.2.10
)"));
  EXPECT_EQ(text, R"(; Zone dev.example.com for environment "default", rendered by edgegen.
; Serial: dns.version * 10000 + a number derived from this file's records.
$ORIGIN dev.example.com.
$TTL 60
@    IN SOA   ns.dev.example.com. dns\.admin.example.net. (
    )" + number +
                      R"(      ; serial
    3600       ; refresh
    900        ; retry
    1209600    ; expire
    300 )      ; negative-answer TTL
@    IN NS    ns.dev.example.com.
app  IN A     192.0.2.10
ns   IN A     192.0.2.10
)");
  EXPECT_EQ(corefile(config), R"(# CoreDNS server blocks for the zones of environment "default", rendered by edgegen.
# Use this file as the Corefile, or `import` it from yours. The zone files go in
# /zones; `reload` loads a zone again when its SOA serial changes.

dev.example.com {
    file /zones/dev.example.com.zone {
        reload 30s
    }
    errors
}
)");
}

TEST(Dns, CorefileForwardsEveryOtherNameAndLogs)
{
  auto c = compile(R"(    addresses: [192.0.2.10]
    log: true
    forward: ["TLS://1.1.1.1", "tls://[2606:4700:4700::1111]:853"]
    tlsServerName: Cloudflare-DNS.com
    zones: [{name: example.com}]
)");
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  const std::string tail = R"(
example.com {
    file /etc/coredns/zones/example.com.zone {
        reload 30s
    }
    log
    errors
}

# Every other name: asked of the forward servers.
. {
)";
  std::string text = corefile(testing::config_of(c));
  ASSERT_NE(text.find(tail), std::string::npos) << text;
  EXPECT_EQ(text.substr(text.find(tail) + tail.size()),
            R"(    forward . tls://1.1.1.1 tls://[2606:4700:4700::1111]:853 {
        tls_servername cloudflare-dns.com
    }
    log
    errors
}
)");
  auto plain = compile(R"(    addresses: [192.0.2.10]
    forward: [1.1.1.1, "9.9.9.9:53"]
    zones: [{name: example.com}]
)");
  ASSERT_EQ(testing::messages(plain), std::vector<std::string>{});
  text = corefile(testing::config_of(plain));
  EXPECT_EQ(text.substr(text.find(". {")), R"(. {
    forward . 1.1.1.1 9.9.9.9:53
    errors
}
)");
}

TEST(Dns, AnEnvironmentsSettingsReplaceTheEdgesFieldByField)
{
  auto c = testing::compile_files({{"edge.yaml", edge(k_two_zones)}, {"env.yaml", R"(apiVersion: edgegen.dev/v1alpha1
kind: Environment
metadata: {name: lab}
spec:
  dns: {addresses: [10.0.0.1], version: 4, soa: {retry: 300}}
)"}},
                                  false);
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  const auto& settings = testing::config_of(c).edge.dns;
  EXPECT_EQ(settings.addresses, std::vector<std::string>{"10.0.0.1"});
  EXPECT_EQ(settings.version, 4);
  EXPECT_EQ(settings.zones.size(), 2u); // not given there: the Edge's
  EXPECT_EQ(settings.soa.retry.value, 300);
  EXPECT_EQ(settings.soa.retry.location.file.str(), "env.yaml");
  EXPECT_EQ(settings.soa.refresh.value, 3600); // the default, written nowhere
  EXPECT_EQ(settings.soa.refresh.location.line, 0);
  std::vector<std::string> paths;
  for (const auto& file : c.files) {
    paths.push_back(file.path);
  }
  EXPECT_EQ(paths,
            (std::vector<std::string>{"lab/dns/Corefile", "lab/dns/dev.example.com.zone", "lab/dns/example.com.zone"}));
}

} // namespace
} // namespace edgegen::emit::dns
