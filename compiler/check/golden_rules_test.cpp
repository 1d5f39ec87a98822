// Every rule in every golden tree (tests/golden/**) parses as Traefik v3:
// what edgegen emits is never a rule Traefik would drop. Rules are found
// wherever a target writes them: `rule:` and IngressRoute `match:` keys,
// KV keys ending in /rule, and traefik.*.routers.*.rule labels.
#include "rules/rule.hpp"

#include "load/load.hpp"
#include "util/strings.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace edgegen::rules {
namespace {

struct Found
{
  std::string where;
  std::string rule;
  Protocol protocol;
};

Protocol protocol_of(const std::string& where)
{
  return where.find("tcp") != std::string::npos || where.find("TCP") != std::string::npos ? Protocol::tcp
                                                                                          : Protocol::http;
}

void collect(const load::Node& node, const std::string& where, std::vector<Found>& out)
{
  for (size_t i = 0; i < node.keys.size(); ++i) {
    const std::string& key = node.keys[i];
    const load::Node& value = node.items[i];
    std::string here = where + "/" + key;
    bool label = util::starts_with(key, "traefik.") && util::ends_with(key, ".rule");
    if (value.is_string() && (key == "rule" || key == "match" || util::ends_with(key, "/rule") || label)) {
      out.push_back({here, value.text, protocol_of(here)});
    }
    collect(value, here, out);
  }
  for (size_t i = 0; node.is_list() && i < node.items.size(); ++i) {
    const load::Node& item = node.items[i];
    std::string here = where + "/" + std::to_string(i);
    size_t equals = item.is_string() ? item.text.find('=') : std::string::npos;
    if (equals != std::string::npos && util::starts_with(item.text, "traefik.") &&
        util::ends_with(item.text.substr(0, equals), ".rule")) {
      out.push_back({here, item.text.substr(equals + 1), protocol_of(item.text.substr(0, equals))});
    }
    collect(item, here, out);
  }
}

TEST(GoldenRules, EveryEmittedRuleParses)
{
  std::vector<Found> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator("tests/golden")) {
    std::string path = entry.path().generic_string();
    if (!entry.is_regular_file() ||
        !(util::ends_with(path, ".yml") || util::ends_with(path, ".yaml") || util::ends_with(path, ".json"))) {
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    diag::Diagnostics diagnostics;
    for (const auto& document : load::read_yaml(path, bytes.str(), diagnostics)) {
      collect(document, path, found);
    }
    EXPECT_TRUE(diagnostics.empty()) << path << " does not load";
  }
  EXPECT_GE(found.size(), 20u) << "the golden trees hold fewer rules than the examples route";
  for (const auto& f : found) {
    Rule rule = parse_rule(f.rule, f.protocol);
    EXPECT_TRUE(rule.ok()) << f.where << ": " << f.rule << ": "
                           << (rule.problems.empty() ? "" : rule.problems[0].message);
  }
}

} // namespace
} // namespace edgegen::rules
