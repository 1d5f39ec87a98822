#include "rules/go_net.hpp"

#include <gtest/gtest.h>

namespace edgegen::rules {
namespace {

std::string split(const char* text)
{
  auto parts = go_split_host_port(text);
  return parts ? "[" + parts->host + "][" + parts->port + "]" : "error";
}

TEST(GoNet, SplitHostPortAsNetSplitHostPort)
{
  EXPECT_EQ(split("example.com:8080"), "[example.com][8080]");
  EXPECT_EQ(split("example.com:"), "[example.com][]");
  EXPECT_EQ(split("[::1]:80"), "[::1][80]");
  EXPECT_EQ(split("[fe80::1%eth0]:80"), "[fe80::1%eth0][80]");
  EXPECT_EQ(split("[127.0.0.1]:80"), "[127.0.0.1][80]");
  EXPECT_EQ(split("example.com"), "error");
  EXPECT_EQ(split("::1"), "error");
  EXPECT_EQ(split("[::1]"), "error");
  EXPECT_EQ(split("[::1]x:80"), "error");
  EXPECT_EQ(split("[::1]:80:80"), "error");
  EXPECT_EQ(split("a:b:80"), "error");
  EXPECT_EQ(split("a[b]:80"), "error");
  EXPECT_EQ(split(""), "error");
}

TEST(GoNet, CanonicalHeaderKeyAsGo)
{
  EXPECT_EQ(go_canonical_header_key("x-forwarded-proto"), "X-Forwarded-Proto");
  EXPECT_EQ(go_canonical_header_key("X-FORWARDED-PROTO"), "X-Forwarded-Proto");
  EXPECT_EQ(go_canonical_header_key("content-md5"), "Content-Md5");
  EXPECT_EQ(go_canonical_header_key("x_forwarded_for"), "X_forwarded_for");
  EXPECT_EQ(go_canonical_header_key("1a-b2"), "1a-B2");
  EXPECT_EQ(go_canonical_header_key("-a"), "-A");
  EXPECT_EQ(go_canonical_header_key("x forwarded"), "x forwarded");
  EXPECT_EQ(go_canonical_header_key("x-\xc3\xa9"), "x-\xc3\xa9");
  EXPECT_EQ(go_canonical_header_key(""), "");
}

std::string query(const char* raw)
{
  std::string out;
  for (const auto& [key, value] : go_parse_query(raw)) {
    out += "[" + key + "=" + value + "]";
  }
  return out;
}

TEST(GoNet, ParseQueryAsUrlParseQuery)
{
  EXPECT_EQ(query("q=traefik&q=proxy"), "[q=traefik][q=proxy]");
  EXPECT_EQ(query("mobile"), "[mobile=]");
  EXPECT_EQ(query("mobile="), "[mobile=]");
  EXPECT_EQ(query("a=b=c"), "[a=b=c]");
  EXPECT_EQ(query("a=1;b=2&c=3"), "[c=3]");
  EXPECT_EQ(query("a=%zz&b=%41+c&d%2=1&e=%4"), "[b=A c]");
  EXPECT_EQ(query("%26=%3D&k=a%2Bb"), "[&==][k=a+b]");
  EXPECT_EQ(query("&&=x&k="), "[=x][k=]");
  EXPECT_EQ(query(""), "");
}

bool contains(const char* range, const char* address)
{
  auto parsed = go_parse_ip_range(range);
  return parsed && go_ip_range_contains(*parsed, address);
}

TEST(GoNet, ClientIpAddressesCompareAsNetIp)
{
  EXPECT_TRUE(contains("127.0.0.1", "127.0.0.1"));
  EXPECT_TRUE(contains("127.0.0.1", "127.0.0.1:5000"));
  EXPECT_TRUE(contains("127.0.0.1", "[127.0.0.1]:5000"));
  EXPECT_TRUE(contains("127.0.0.1", "::ffff:127.0.0.1"));
  EXPECT_TRUE(contains("127.0.0.1", "[::ffff:127.0.0.1]:80"));
  EXPECT_FALSE(contains("127.0.0.1", "192.168.1.1"));
  EXPECT_FALSE(contains("127.0.0.1", "1"));
  EXPECT_FALSE(contains("127.0.0.1", ""));
  EXPECT_FALSE(contains("127.0.0.1", "127.0.0.1:80:80"));
  EXPECT_FALSE(contains("127.0.0.1", "0127.0.0.1"));
  EXPECT_TRUE(contains("::1", "[::1]:80"));
  EXPECT_TRUE(contains("::1", "::1"));
  EXPECT_FALSE(contains("::1", "127.0.0.1"));
  // netip.ParseAddr takes a zone and drops it; an empty zone is an error.
  EXPECT_TRUE(contains("fe80::1", "fe80::1%eth0"));
  EXPECT_TRUE(contains("fe80::1", "[fe80::1%eth0]:443"));
  EXPECT_FALSE(contains("fe80::1", "fe80::1%"));
}

TEST(GoNet, AnAddressIsHexDigitsDotsAndColonsAndMaybeAZone)
{
  for (const char* address : {"192.0.2.1", "::1", "FE80::A", "::ffff:192.0.2.1", "2001:db8::1%eth0", "fe80::1%a.b-c"}) {
    EXPECT_TRUE(go_parse_addr(address).has_value()) << address;
  }
  for (const char* not_one : {"", "%eth0", "example.com", "cafe.be", "fe80::1%", "192.0.2.1%eth0", "g::1", "192.0.2.1 ",
                              "1.2.3.4.5", "[::1]"}) {
    EXPECT_FALSE(go_parse_addr(not_one).has_value()) << not_one;
  }
  EXPECT_EQ(go_parse_addr("::ffff:192.0.2.1"), go_parse_addr("192.0.2.1"));
}

TEST(GoNet, ClientIpNetworksContainAsIpNetContains)
{
  EXPECT_TRUE(contains("192.168.1.0/24", "192.168.1.1"));
  EXPECT_TRUE(contains("192.168.1.0/24", "192.168.1.100:80"));
  EXPECT_TRUE(contains("192.168.1.0/24", "::ffff:192.168.1.7"));
  EXPECT_FALSE(contains("192.168.1.0/24", "192.168.2.1"));
  EXPECT_TRUE(contains("192.168.1.77/24", "192.168.1.5"));
  EXPECT_TRUE(contains("10.0.0.0/08", "10.1.2.3"));
  EXPECT_TRUE(contains("2001:db8::/32", "[2001:db8::1]:443"));
  EXPECT_TRUE(contains("2001:db8::/32", "2001:db8::1%eth0"));
  EXPECT_FALSE(contains("2001:db8::/32", "2001:db9::1"));
  // An IPv6 network written in IPv4-mapped form holds IPv4 addresses; ::/0
  // and 0.0.0.0/0 each hold only their own family.
  EXPECT_TRUE(contains("::ffff:0:0/96", "10.0.0.1"));
  EXPECT_FALSE(contains("::ffff:0:0/96", "2001:db8::1"));
  EXPECT_TRUE(contains("::/0", "2001:db8::1"));
  EXPECT_FALSE(contains("::/0", "10.0.0.1"));
  EXPECT_TRUE(contains("0.0.0.0/0", "1.2.3.4"));
  EXPECT_FALSE(contains("0.0.0.0/0", "2001:db8::1"));
}

TEST(GoNet, ClientIpArgumentsTraefikRefuses)
{
  for (const char* bad : {"", "1", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/8x", "010.0.0.1", "1.2.3.4.5", "fe80::1%eth0",
                          "::1/129", "example.com", "10.0.0.0/-1"}) {
    EXPECT_FALSE(go_parse_ip_range(bad).has_value()) << bad;
  }
  for (const char* good : {"10.0.0.1", "10.0.0.0/8", "::1", "::1/128", "::ffff:10.0.0.1", "2001:db8::/32"}) {
    EXPECT_TRUE(go_parse_ip_range(good).has_value()) << good;
  }
}

} // namespace
} // namespace edgegen::rules
