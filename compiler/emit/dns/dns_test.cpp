#include "emit/dns/dns.hpp"

#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::emit::dns {
namespace {

std::string edge(const std::string& dns)
{
  return "apiVersion: edgegen.dev/v1alpha1\n"
         "kind: Edge\n"
         "metadata: {name: test}\n"
         "spec:\n"
         "  targets: [dns]\n"
         "  dashboard: {host: traefik.example.com}\n"
         "  dns:\n" +
         dns +
         "---\n"
         "apiVersion: edgegen.dev/v1alpha1\n"
         "kind: Project\n"
         "metadata: {name: p}\n"
         "spec:\n"
         "  services:\n"
         "    web: {port: 80}\n"
         "  routes:\n"
         "    - {host: example.com, service: web, tls: false}\n"
         "    - {name: www, host: www.example.com, service: web, tls: false}\n"
         "    - {name: dev, host: app.dev.example.com, service: web, tls: false}\n"
         "    - {name: raw, rule: \"Host(`raw.example.com`) && Path(`/x`)\", service: web, tls: false}\n"
         "    - {name: other, host: www.example.org, service: web, tls: false}\n";
}

const char* k_two_zones = "    addresses: [192.0.2.10, \"2001:DB8::10\"]\n"
                          "    zones:\n"
                          "      - name: example.com\n"
                          "      - name: dev.example.com.\n";

Compilation compile(const std::string& dns)
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
  auto c = compile("    addresses: [192.0.2.10]\n"
                   "    zones:\n"
                   "      - {name: example.com, cname: edge.example.com, nameServers: [ns1.example.net]}\n"
                   "      - {name: dev.example.com, wildcard: true}\n");
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
  auto c = testing::compile_files(
      {{"edge.yaml",
        "apiVersion: edgegen.dev/v1alpha1\nkind: Edge\nmetadata: {name: test}\nspec:\n"
        "  targets: [dns]\n  entryPoints: {web: {address: \":80\"}}\n"
        "  dashboard: {host: dev.example.com, tls: false}\n"
        "  dns:\n"
        "    addresses: [192.0.2.10]\n"
        "    zones: [{name: dev.example.com, wildcard: true}, {name: example.org, cname: edge.example.org}]\n"}},
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
  auto c = compile("    addresses: [192.0.2.10]\n"
                   "    soa: {refresh: 7200, retry: 600, expire: 604800, minimum: 60}\n"
                   "    zones:\n"
                   "      - {name: example.com, nameServers: [NS2.example.net., ns1.example.net]}\n");
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  const auto& config = testing::config_of(c);
  const auto& zone = config.edge.dns.zones.at(0);
  EXPECT_EQ(primary_name_server(zone), "ns2.example.net.");
  std::string text = zone_file(config, zone);
  EXPECT_NE(text.find("@        IN SOA   ns2.example.net. hostmaster.example.com. (\n"), std::string::npos) << text;
  EXPECT_NE(text.find("    7200       ; refresh\n"
                      "    600        ; retry\n"
                      "    604800     ; expire\n"
                      "    60 )       ; negative-answer TTL\n"
                      "@        IN NS    ns1.example.net.\n"
                      "@        IN NS    ns2.example.net.\n"),
            std::string::npos)
      << text;
  model::DnsZone bare;
  bare.name = "Lab.Example.net.";
  EXPECT_EQ(primary_name_server(bare), "ns.lab.example.net.");
}

TEST(Dns, ZoneFileAndCorefile)
{
  auto c = compile("    version: 3\n"
                   "    ttl: 60\n"
                   "    directory: /zones\n"
                   "    addresses: [192.0.2.10]\n"
                   "    zones:\n"
                   "      - {name: dev.example.com, hostmaster: dns.admin@example.net}\n");
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  const auto& config = testing::config_of(c);
  std::string text = zone_file(config, config.edge.dns.zones.at(0));
  std::string number = std::to_string(serial(3, "ns.dev.example.com. dns\\.admin.example.net. 3600 900 1209600 300\n"
                                                "60\n"
                                                "@    IN NS    ns.dev.example.com.\n"
                                                "app  IN A     192.0.2.10\n"
                                                "ns   IN A     192.0.2.10\n"));
  EXPECT_EQ(text, "; Zone dev.example.com for environment \"default\", rendered by edgegen.\n"
                  "; Serial: dns.version * 10000 + a number derived from this file's records.\n"
                  "$ORIGIN dev.example.com.\n"
                  "$TTL 60\n"
                  "@    IN SOA   ns.dev.example.com. dns\\.admin.example.net. (\n"
                  "    " +
                      number +
                      "      ; serial\n"
                      "    3600       ; refresh\n"
                      "    900        ; retry\n"
                      "    1209600    ; expire\n"
                      "    300 )      ; negative-answer TTL\n"
                      "@    IN NS    ns.dev.example.com.\n"
                      "app  IN A     192.0.2.10\n"
                      "ns   IN A     192.0.2.10\n");
  EXPECT_EQ(corefile(config), "# CoreDNS server blocks for the zones of environment \"default\", rendered by edgegen.\n"
                              "# Use this file as the Corefile, or `import` it from yours. The zone files go in\n"
                              "# /zones; `reload` loads a zone again when its SOA serial changes.\n"
                              "\n"
                              "dev.example.com {\n"
                              "    file /zones/dev.example.com.zone {\n"
                              "        reload 30s\n"
                              "    }\n"
                              "    errors\n"
                              "}\n");
}

TEST(Dns, CorefileForwardsEveryOtherNameAndLogs)
{
  auto c = compile("    addresses: [192.0.2.10]\n"
                   "    log: true\n"
                   "    forward: [\"TLS://1.1.1.1\", \"tls://[2606:4700:4700::1111]:853\"]\n"
                   "    tlsServerName: Cloudflare-DNS.com\n"
                   "    zones: [{name: example.com}]\n");
  ASSERT_EQ(testing::messages(c), std::vector<std::string>{});
  const std::string tail = "\n"
                           "example.com {\n"
                           "    file /etc/coredns/zones/example.com.zone {\n"
                           "        reload 30s\n"
                           "    }\n"
                           "    log\n"
                           "    errors\n"
                           "}\n"
                           "\n"
                           "# Every other name: asked of the forward servers.\n"
                           ". {\n";
  std::string text = corefile(testing::config_of(c));
  ASSERT_NE(text.find(tail), std::string::npos) << text;
  EXPECT_EQ(text.substr(text.find(tail) + tail.size()),
            "    forward . tls://1.1.1.1 tls://[2606:4700:4700::1111]:853 {\n"
            "        tls_servername cloudflare-dns.com\n"
            "    }\n"
            "    log\n"
            "    errors\n"
            "}\n");
  auto plain = compile("    addresses: [192.0.2.10]\n"
                       "    forward: [1.1.1.1, \"9.9.9.9:53\"]\n"
                       "    zones: [{name: example.com}]\n");
  ASSERT_EQ(testing::messages(plain), std::vector<std::string>{});
  text = corefile(testing::config_of(plain));
  EXPECT_EQ(text.substr(text.find(". {")), ". {\n"
                                           "    forward . 1.1.1.1 9.9.9.9:53\n"
                                           "    errors\n"
                                           "}\n");
}

TEST(Dns, AnEnvironmentsSettingsReplaceTheEdgesFieldByField)
{
  auto c = testing::compile_files({{"edge.yaml", edge(k_two_zones)},
                                   {"env.yaml", "apiVersion: edgegen.dev/v1alpha1\n"
                                                "kind: Environment\n"
                                                "metadata: {name: lab}\n"
                                                "spec:\n"
                                                "  dns: {addresses: [10.0.0.1], version: 4, soa: {retry: 300}}\n"}},
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
