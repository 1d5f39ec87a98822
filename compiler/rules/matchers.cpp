// The matchers of Traefik v3 (pkg/muxer/http and pkg/muxer/tcp): names,
// arities and the argument checks Traefik makes when it builds a router, plus
// the Traefik v2 forms people still write, each with its v3 spelling. Host()
// values are hosts.cpp's, v2 placeholders templates.cpp's.
#include "rules/characters.hpp"
#include "rules/go_net.hpp"
#include "rules/internal.hpp"
#include "rules/regexp.hpp"

#include "util/strings.hpp"

#include <mutex>
#include <unordered_set>

namespace edgegen::rules {

namespace {

struct Definition
{
  const char* name;
  size_t min_arguments;
  size_t max_arguments;
  bool http;
  bool tcp;
  int regexp_argument;                       // index of the argument that is a regexp, -1 for none
  const char* example;                       // a correct call, for hints
  const char* roles[2] = {"value", "value"}; // what each argument is, for messages
};

const Definition k_matchers[] = {
    {"ClientIP", 1, 1, true, true, -1, "ClientIP(`10.0.0.0/8`)"},
    {"Method", 1, 1, true, false, -1, "Method(`GET`)"},
    {"Host", 1, 1, true, false, -1, "Host(`example.com`)"},
    {"HostRegexp", 1, 1, true, false, 0, "HostRegexp(`^[a-z]+\\.example\\.com$`)"},
    {"Path", 1, 1, true, false, -1, "Path(`/status`)"},
    {"PathRegexp", 1, 1, true, false, 0, "PathRegexp(`^/api/v[0-9]+/`)"},
    {"PathPrefix", 1, 1, true, false, -1, "PathPrefix(`/api`)"},
    {"Header", 2, 2, true, false, -1, "Header(`X-Beta`, `1`)", {"name", "value"}},
    {"HeaderRegexp", 2, 2, true, false, 1, "HeaderRegexp(`User-Agent`, `^curl/`)", {"name", "regexp"}},
    {"Query", 1, 2, true, false, -1, "Query(`mobile`, `true`)", {"key", "value"}},
    {"QueryRegexp", 1, 2, true, false, 1, "QueryRegexp(`page`, `^[0-9]+$`)", {"key", "regexp"}},
    {"ALPN", 1, 1, false, true, -1, "ALPN(`h2`)"},
    {"HostSNI", 1, 1, false, true, -1, "HostSNI(`example.com`)"},
    {"HostSNIRegexp", 1, 1, false, true, 0, "HostSNIRegexp(`^[a-z]+\\.example\\.com$`)"},
};

// v2 matchers that v3 renamed.
const std::pair<const char*, const char*> k_renamed[] = {
    {"HostHeader", "Host"}, {"Headers", "Header"}, {"HeadersRegexp", "HeaderRegexp"}};

// v2 accepted several values in one call for these; v3 takes one.
bool was_variadic(std::string_view name)
{
  return name == "Host" || name == "HostRegexp" || name == "Path" || name == "PathPrefix" || name == "Method" ||
         name == "ClientIP" || name == "HostSNI";
}

// Traefik registers each matcher under its name, lower-case, upper-case and
// Title-case (strings.Title of the lower-case): Host, host, HOST, Host.
bool same_name(std::string_view written, const std::string& name)
{
  // Without building the three spellings: this runs for every matcher of
  // every rule against the whole table.
  if (written.size() != name.size() || name.empty()) {
    return false;
  }
  auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  auto upper = [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); };
  auto rest_is = [&](auto spell, size_t from) {
    for (size_t i = from; i < name.size(); ++i) {
      if (written[i] != spell(name[i])) {
        return false;
      }
    }
    return true;
  };
  return written == name || rest_is(lower, 0) || rest_is(upper, 0) ||
         (written[0] == upper(name[0]) && rest_is(lower, 1));
}

bool serves(const Definition& d, Protocol protocol)
{
  return protocol == Protocol::http ? d.http : d.tcp;
}

const char* protocol_name(Protocol protocol)
{
  return protocol == Protocol::http ? "HTTP" : "TCP";
}

std::vector<std::string> values_of(const Matcher& m)
{
  std::vector<std::string> out;
  for (const auto& a : m.arguments) {
    out.push_back(a.value);
  }
  return out;
}

const Definition* definition_of(std::string_view name)
{
  for (const auto& d : k_matchers) {
    if (name == d.name) {
      return &d;
    }
  }
  return nullptr;
}

bool is_ascii(const std::string& s)
{
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      return false;
    }
  }
  return true;
}

// HostSNI: what Traefik's hostOrIP expression accepts: an optional leading
// `*.`, then [[:word:]], '.', '-' and ':'.
bool is_sni(const std::string& s)
{
  size_t first = util::starts_with(s, "*.") ? 2 : 0;
  if (s.size() <= first) {
    return false;
  }
  for (char c : s.substr(first)) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-' || c == ':')) {
      return false;
    }
  }
  return true;
}

void problem(std::vector<RuleProblem>& out, const char* code, size_t offset, std::string message, std::string hint = {})
{
  out.push_back({code, offset, std::move(message), std::move(hint)});
}

void check_unknown(const Matcher& m, std::string_view rule, Protocol protocol, std::vector<RuleProblem>& out)
{
  const std::string written(m.written(rule));
  for (const auto& [old_name, new_name] : k_renamed) {
    if (util::to_lower(written) == util::to_lower(old_name)) {
      problem(out, "E0503", m.offset, written + "() is Traefik v2 syntax; v3 calls it " + new_name + "()",
              detail::write_hint(detail::call_of(new_name, values_of(m)), protocol,
                                 std::string("for example ") + definition_of(new_name)->example));
      return;
    }
  }
  std::vector<std::string> names;
  for (const auto& d : k_matchers) {
    if (same_name(written, d.name)) {
      names.clear();
      for (const auto& other : k_matchers) {
        if (serves(other, protocol)) {
          names.push_back(other.name);
        }
      }
      problem(out, "E0502", m.offset, std::string(d.name) + "() is not a " + protocol_name(protocol) + " matcher",
              std::string("Traefik v3 ") + protocol_name(protocol) + " matchers: " + util::join(names, ", "));
      return;
    }
    if (serves(d, protocol)) {
      names.push_back(d.name);
    }
  }
  std::string suggestion = util::closest_match(written, names);
  problem(out, "E0502", m.offset, "unknown matcher " + written + "()",
          suggestion.empty()
              ? std::string("Traefik v3 ") + protocol_name(protocol) + " matchers: " + util::join(names, ", ")
              : "did you mean " + suggestion + "()?");
}

// v2's Query(`key=value`, ...): all its pairs had to be in the query. v3
// finds `key=value` only as a key, which a query holds only if it escapes
// the '=' (key%3Dvalue).
void check_v2_query(const Matcher& m, Protocol protocol, std::vector<RuleProblem>& out)
{
  std::vector<std::string> calls;
  for (const auto& a : m.arguments) {
    size_t equals = a.value.find('=');
    calls.push_back(equals == std::string::npos
                        ? detail::call_of("Query", {a.value})
                        : detail::call_of("Query", {a.value.substr(0, equals), a.value.substr(equals + 1)}));
  }
  problem(out, "E0503", m.offset, "Query(`key=value`) is Traefik v2 syntax; v3 takes the key and the value apart",
          detail::write_hint(util::join(calls, " && "), protocol, "for example Query(`mobile`, `true`)"));
}

bool check_arity(const Matcher& m, const Definition& d, Protocol protocol, std::vector<RuleProblem>& out)
{
  size_t n = m.arguments.size();
  if (m.name == "Query" && n >= 1 && m.arguments[0].value.find('=') != std::string::npos) {
    check_v2_query(m, protocol, out);
    return false;
  }
  if (n > d.max_arguments && was_variadic(m.name)) {
    std::vector<std::string> calls;
    for (const auto& a : m.arguments) {
      if (!a.value.empty()) {
        calls.push_back(detail::call_of(m.name, {a.value}));
      }
    }
    problem(out, "E0503", m.offset,
            std::string(m.name) + "() takes one value in Traefik v3 (v2 took several); this one has " +
                std::to_string(n),
            detail::write_hint(util::join(calls, " || "), protocol, "join matchers of one value each with ||"));
    return false;
  }
  if (n < d.min_arguments || n > d.max_arguments) {
    std::string wanted = d.min_arguments == d.max_arguments
                             ? std::to_string(d.min_arguments)
                             : std::to_string(d.min_arguments) + " or " + std::to_string(d.max_arguments);
    problem(out, "E0504", m.offset,
            std::string(m.name) + "() takes " + wanted + " argument" + (d.max_arguments == 1 ? "" : "s") + ", got " +
                std::to_string(n),
            std::string("for example ") + d.example);
    return false;
  }
  return true;
}

// Traefik refuses an empty argument in any position (rules.CheckRule) before
// the matcher sees it. The hints say what the empty value was probably for.
bool check_empty(const Matcher& m, const Definition& d, Protocol protocol, std::vector<RuleProblem>& out)
{
  const auto& args = m.arguments;
  bool any = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (!args[i].value.empty()) {
      continue;
    }
    any = true;
    std::string example = std::string("for example ") + d.example;
    std::string hint = example;
    if (m.name == "Path" || m.name == "PathPrefix" || m.name == "PathRegexp") {
      hint = detail::write_hint("PathPrefix(`/`)", protocol, example, "to match every path, ");
    } else if (i == 1 && !args[0].value.empty()) {
      std::string any_value = detail::call_of(
          m.name == "Header" || m.name == "HeaderRegexp" ? "HeaderRegexp" : "QueryRegexp", {args[0].value, ".*"});
      std::string lead = m.name == "Query" ? detail::call_of("Query", {args[0].value}) +
                                                 " matches the key with an empty value; for any value, "
                         : m.name == "Header" ? "to match the header with any value, "
                                              : "an empty regexp matches any value: ";
      hint = detail::write_hint(any_value, protocol, example, lead);
    }
    std::string what = d.max_arguments == 1 ? "value" : d.roles[std::min<size_t>(i, 1)];
    problem(out, "E0505", args[i].offset, std::string(m.name) + "() " + what + " is empty", hint);
  }
  return !any;
}

void check_regexp(const Matcher& m, const Argument& a, std::string_view rule, Protocol protocol,
                  std::vector<RuleProblem>& out)
{
  if (size_t at = detail::find_placeholder(a.value, true); at != std::string::npos) {
    bool host = m.name == "HostRegexp" || m.name == "HostSNIRegexp";
    bool path = m.name == "PathRegexp";
    std::string regexp = detail::placeholders_to_regexp(a.value, host ? "[^.]+" : path ? "[^/]+" : ".*");
    std::vector<std::string> values = values_of(m);
    values.back() = regexp; // the regexp is the last argument; a header name or query key stays
    problem(out, "E0503", a.offset_of(at, rule),
            std::string(m.name) + "() uses a v2 {name:regexp} placeholder; v3 takes a plain Go regular expression",
            detail::write_hint(detail::call_of(m.name, values), protocol,
                               "replace the placeholder with its regular expression"));
    return;
  }
  if (auto error = check_go_regexp(a.value)) {
    problem(out, "E0506", a.offset_of(error->offset, rule),
            "regular expression " + detail::printable(a.literal(rule)) + " does not compile: " + error->message,
            "Traefik uses Go's RE2 syntax: no backreferences or lookarounds");
  }
}

void check_arguments(const Matcher& m, const Definition& d, std::string_view rule, Protocol protocol,
                     std::vector<RuleProblem>& out)
{
  const auto& args = m.arguments;
  if (!check_empty(m, d, protocol, out)) {
    return;
  }
  if (d.regexp_argument >= 0 && static_cast<size_t>(d.regexp_argument) < args.size()) {
    check_regexp(m, args[d.regexp_argument], rule, protocol, out);
  }
  const Argument& a = args[0];
  // For a message only: nearly every argument has no problem.
  auto literal = [&] { return detail::printable(a.literal(rule)); };
  bool path = m.name == "Path" || m.name == "PathPrefix";
  if (path && detail::find_placeholder(a.value, false) != std::string::npos) {
    std::string regexp = v2_template_to_regexp(a.value, false, m.name == "PathPrefix");
    problem(out, "E0503", a.offset_of(detail::find_placeholder(a.value, false), rule),
            std::string(m.name) + "() uses a v2 {name:regexp} placeholder; in v3 it matches the text literally",
            detail::write_hint(detail::call_of("PathRegexp", {regexp}), protocol,
                               "PathRegexp() takes a Go regular expression"));
  } else if (path && a.value[0] != '/') {
    problem(out, "E0505", a.offset, std::string(m.name) + "() path " + literal() + " does not start with '/'",
            detail::write_hint(detail::call_of(m.name, {"/" + a.value}), protocol, "a path starts with '/'"));
  } else if ((m.name == "Host" || m.name == "HostRegexp" || m.name == "HostSNI" || m.name == "HostSNIRegexp") &&
             !is_ascii(a.value)) {
    problem(out, "E0505", a.offset, std::string(m.name) + "() value " + literal() + " has non-ASCII characters",
            "use the IDNA (punycode) form, xn--...");
  } else if (m.name == "Host") {
    detail::check_host(m, a, rule, out);
  } else if (m.name == "ClientIP" && !go_parse_ip_range(a.value)) {
    problem(out, "E0505", a.offset, "ClientIP() value " + literal() + " is not an IP address or CIDR range",
            "for example ClientIP(`192.168.0.0/16`) or ClientIP(`2001:db8::1`)");
  } else if (m.name == "ALPN" && a.value == "acme-tls/1") {
    problem(out, "E0505", a.offset, "ALPN(`acme-tls/1`) is reserved for ACME TLS challenges",
            "match another protocol, such as ALPN(`h2`)");
  } else if (m.name == "HostSNI" && a.value != "*" && !is_sni(a.value)) {
    problem(out, "E0505", a.offset, "HostSNI() value " + literal() + " is not a host name or an IP address",
            "HostSNI(`*`) matches every connection");
  }
}

} // namespace

std::string_view intern_name(std::string_view name)
{
  for (const auto& d : k_matchers) {
    if (name == d.name) {
      return d.name; // how nearly every matcher is written
    }
  }
  static std::mutex mutex;
  static std::unordered_set<std::string> names; // nodes: their strings stay where they are
  std::lock_guard<std::mutex> lock(mutex);
  return *names.emplace(name).first;
}

void detail::check_matcher(Matcher& m, std::string_view rule, Protocol protocol, std::vector<RuleProblem>& out)
{
  const Definition* definition = nullptr;
  for (const auto& d : k_matchers) {
    if (serves(d, protocol) && same_name(m.written(rule), d.name)) {
      definition = &d;
    }
  }
  if (!definition) {
    check_unknown(m, rule, protocol, out);
    return;
  }
  m.name = definition->name;
  m.known = true;
  if (check_arity(m, *definition, protocol, out)) {
    check_arguments(m, *definition, rule, protocol, out);
  }
}

} // namespace edgegen::rules
