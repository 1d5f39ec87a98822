#include "diag/redact.hpp"

#include <gtest/gtest.h>

namespace edgegen::diag {
namespace {

TEST(Redact, KeysThatNameSecretsButNotTheirReferences)
{
  for (const char* key : {"apiToken", "password", "client_secret", "credentials", "apiKey", "key", "Authorization",
                          "X-Api-Key", "privateKey", "secret"}) {
    EXPECT_TRUE(secret_key(key)) << key;
  }
  for (const char* key : {"apiTokenSecretRef", "keyFile", "usersFile", "secretName", "secretsDirectory", "host",
                          "keyPath", "service", "monkeys", "rootKey", "publicKey", "accessControlAllowCredentials"}) {
    EXPECT_FALSE(secret_key(key)) << key;
  }
}

TEST(Redact, ValuesThatLookLikeSecrets)
{
  EXPECT_TRUE(secret_value("-----BEGIN PRIVATE KEY-----MIIEvQ"));
  EXPECT_TRUE(secret_value("\"http://admin:s3cret@10.0.0.5:8000\""));
  EXPECT_TRUE(secret_value("admin:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/"));
  EXPECT_TRUE(secret_value("Bearer abc123"));
  EXPECT_TRUE(secret_value("9fQm2Lx7RtV4wZ8kPb3NcY6hJd1GsA5e"));
  EXPECT_TRUE(secret_value("b9fqm2lx7rtv4wz8kpb3ncy6hjd1gsa5e.example.com")); // lower-cased in a hint
  EXPECT_FALSE(secret_value("grafana-prod-eu-west-1.internal.example.com"));
  EXPECT_FALSE(secret_value("http://admin@10.0.0.5:8000")); // a user, no password
  EXPECT_FALSE(secret_value("team-a.example.com"));
  EXPECT_FALSE(secret_value("/etc/traefik/auth/ops.htpasswd"));
  EXPECT_FALSE(secret_value("0123456789abcdef0123456789abcdef01234567")); // a commit id
  EXPECT_FALSE(secret_value("Host(`shop.example.com`) && PathPrefix(`/api`)"));
}

TEST(Redact, LinesKeepTheirKeysAndLoseTheSecrets)
{
  EXPECT_EQ(redact_line("        apiToken: \"cf-Zq8Rt2\"  # from the dashboard"),
            "        apiToken: <redacted>  # from the dashboard");
  EXPECT_EQ(redact_line("  - password: hunter2"), "  - password: <redacted>");
  EXPECT_EQ(redact_line("        - http://admin:s3cret@10.0.0.5:8000"), "        - <redacted>");
  EXPECT_EQ(redact_line("  - {tls: {key: \"-----BEGIN KEY\", ca: /c.pem}, x: [a, 'Bearer t0k3n']}"),
            "  - {tls: {key: <redacted>, ca: /c.pem}, x: [a, <redacted>]}");
  EXPECT_EQ(redact_line("    MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7"), "    <redacted>");
  EXPECT_EQ(redact_line("  keyFile: /certs/a.key"), "  keyFile: /certs/a.key");
  EXPECT_EQ(redact_line("  password: |"), "  password: |");
  EXPECT_EQ(redact_line("    - host: team.example.com"), "    - host: team.example.com");
}

TEST(Redact, MessagesLoseTheSecretsOfTheirLineAndQuotedOnes)
{
  Diagnostic d;
  d.message = "/spec/password: \"hunter2\" is too short; hunter2 again";
  d.hint = "not \"9fQm2Lx7RtV4wZ8kPb3NcY6hJd1GsA5e.example.com\"";
  redact(d, "    password: hunter2");
  EXPECT_EQ(d.message, "/spec/password: \"<redacted>\" is too short; <redacted> again");
  EXPECT_EQ(d.hint, "not \"<redacted>\"");
  Diagnostic short_one;
  short_one.message = "value \"abc\" of password; abcdef stays";
  redact(short_one, "password: abc");
  EXPECT_EQ(short_one.message, "value \"<redacted>\" of password; abcdef stays");
}

// A secret key's block scalar: each of its lines is the secret, whatever it
// looks like; the head keeps its key, and other keys' blocks are shown.
TEST(Redact, EveryLineOfASecretKeysBlockScalar)
{
  const std::string text = R"(spec:
  password: |-
    hunter2
      indented more

    last
  description: >
    plain words
  - apiToken: |2 # a comment
      tok
  host: example.com
)";
  EXPECT_EQ(redact_source_line(text, 2), "  password: |-");
  EXPECT_EQ(redact_source_line(text, 3), "    <redacted>");
  EXPECT_EQ(redact_source_line(text, 4), "      <redacted>");
  EXPECT_EQ(redact_source_line(text, 5), "");
  EXPECT_EQ(redact_source_line(text, 6), "    <redacted>");
  EXPECT_EQ(redact_source_line(text, 8), "    plain words");
  EXPECT_EQ(redact_source_line(text, 10), "      <redacted>");
  EXPECT_EQ(redact_source_line(text, 11), "  host: example.com");
  Diagnostic d;
  d.message = "unknown value hunter2 here";
  d.hint = "not hunter2";
  redact(d, text, 3);
  EXPECT_EQ(d.message, "unknown value <redacted> here");
  EXPECT_EQ(d.hint, "not <redacted>");
  // At the block's head, every line of the block is its value.
  d.message = "password: \"hunter2\\n  indented more\\n\\nlast\" is not allowed";
  redact(d, text, 2);
  EXPECT_EQ(d.message, "password: \"<redacted>\\n  <redacted>\\n\\n<redacted>\" is not allowed");
}

} // namespace
} // namespace edgegen::diag
