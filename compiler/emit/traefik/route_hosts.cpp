#include "emit/traefik/traefik.hpp"

#include "util/strings.hpp"

#include <cctype>

namespace edgegen::emit::traefik {

std::vector<std::string> route_hosts(const model::Route& route)
{
  if (route.rule.empty()) {
    return route.host.empty() ? std::vector<std::string>{} : std::vector<std::string>{route.host};
  }
  // Host(`a`) or Host("a"), in any of the spellings Traefik accepts
  // (host, HOST), found by scanning rather than parsing: a matcher under `!`
  // counts too. HostRegexp names no single host and is skipped.
  std::vector<std::string> out;
  const std::string& rule = route.rule;
  const std::string lower = util::to_lower(rule);
  for (size_t at = lower.find("host("); at != std::string::npos; at = lower.find("host(", at + 1)) {
    bool matcher_start = at == 0 || !(std::isalnum(static_cast<unsigned char>(rule[at - 1])) || rule[at - 1] == '_');
    size_t open = at + 5;
    if (!matcher_start || open >= rule.size() || (rule[open] != '`' && rule[open] != '"')) {
      continue;
    }
    size_t close = rule.find(rule[open], open + 1);
    if (close != std::string::npos && close > open + 1) {
      out.push_back(rule.substr(open + 1, close - open - 1));
    }
  }
  return out;
}

} // namespace edgegen::emit::traefik
