// The matchers of Traefik v3 (pkg/muxer/http and pkg/muxer/tcp): names,
// arities and the argument checks Traefik makes when it builds a router, plus
// the Traefik v2 forms people still write, each with its v3 spelling.
#include "rules/regexp.hpp"
#include "rules/rule.hpp"

#include "util/strings.hpp"

#include <arpa/inet.h>

namespace edgegen::rules {

namespace {

struct Definition
{
  const char* name;
  size_t min_arguments;
  size_t max_arguments;
  bool http;
  bool tcp;
  int regexp_argument; // index of the argument that is a regexp, -1 for none
  const char* example; // a correct call, for hints
};

const Definition k_matchers[] = {
    {"ClientIP", 1, 1, true, true, -1, "ClientIP(`10.0.0.0/8`)"},
    {"Method", 1, 1, true, false, -1, "Method(`GET`)"},
    {"Host", 1, 1, true, false, -1, "Host(`example.com`)"},
    {"HostRegexp", 1, 1, true, false, 0, "HostRegexp(`^[a-z]+\\.example\\.com$`)"},
    {"Path", 1, 1, true, false, -1, "Path(`/status`)"},
    {"PathRegexp", 1, 1, true, false, 0, "PathRegexp(`^/api/v[0-9]+/`)"},
    {"PathPrefix", 1, 1, true, false, -1, "PathPrefix(`/api`)"},
    {"Header", 2, 2, true, false, -1, "Header(`X-Beta`, `1`)"},
    {"HeaderRegexp", 2, 2, true, false, 1, "HeaderRegexp(`User-Agent`, `^curl/`)"},
    {"Query", 1, 2, true, false, -1, "Query(`mobile`, `true`)"},
    {"QueryRegexp", 1, 2, true, false, 1, "QueryRegexp(`page`, `^[0-9]+$`)"},
    {"ALPN", 1, 1, false, true, -1, "ALPN(`h2`)"},
    {"HostSNI", 1, 1, false, true, -1, "HostSNI(`example.com`)"},
    {"HostSNIRegexp", 1, 1, false, true, 0, "HostSNIRegexp(`^[a-z]+\\.example\\.com$`)"},
};

// v2 matchers that v3 renamed.
const std::pair<const char*, const char*> k_renamed[] = {
    {"HostHeader", "Host"}, {"Headers", "Header"}, {"HeadersRegexp", "HeaderRegexp"}};

// v2 accepted several values in one call for these; v3 takes one.
bool was_variadic(const std::string& name)
{
  return name == "Host" || name == "HostRegexp" || name == "Path" || name == "PathPrefix" || name == "Method" ||
         name == "ClientIP" || name == "HostSNI";
}

// Traefik registers each matcher under its name, lower-case, upper-case and
// Title-case (strings.Title of the lower-case): Host, host, HOST, Host.
bool same_name(const std::string& written, const std::string& name)
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

std::string call(const std::string& name, const std::vector<Argument>& arguments)
{
  std::vector<std::string> literals;
  for (const auto& a : arguments) {
    literals.push_back(a.literal);
  }
  return name + "(" + util::join(literals, ", ") + ")";
}

// `{name}` or `{name:regexp}` at `i`; returns its end (past '}') or npos.
size_t placeholder_end(std::string_view s, size_t i)
{
  if (i + 1 >= s.size() || s[i] != '{' || !(std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '_')) {
    return std::string_view::npos;
  }
  size_t j = i + 1;
  while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) {
    ++j;
  }
  if (j < s.size() && s[j] == '}') {
    return j + 1;
  }
  if (j >= s.size() || s[j] != ':') {
    return std::string_view::npos;
  }
  int depth = 1;
  for (++j; j < s.size(); ++j) {
    depth += s[j] == '{' ? 1 : s[j] == '}' ? -1 : 0;
    if (depth == 0) {
      return j + 1;
    }
  }
  return std::string_view::npos;
}

size_t find_placeholder(std::string_view s)
{
  for (size_t i = 0; i < s.size(); ++i) {
    if (placeholder_end(s, i) != std::string_view::npos) {
      return i;
    }
  }
  return std::string_view::npos;
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

bool is_ip_or_cidr(const std::string& text)
{
  size_t slash = text.find('/');
  std::string address = text.substr(0, slash);
  unsigned char buffer[16];
  bool v4 = inet_pton(AF_INET, address.c_str(), buffer) == 1;
  bool v6 = !v4 && inet_pton(AF_INET6, address.c_str(), buffer) == 1;
  if (!v4 && !v6) {
    return false;
  }
  if (slash == std::string::npos) {
    return true;
  }
  std::string bits = text.substr(slash + 1);
  if (bits.empty() || bits.size() > 3 || bits.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  return std::stoi(bits) <= (v4 ? 32 : 128);
}

// HostSNI: what Traefik's hostOrIP expression accepts ([[:word:]], '.', '-', ':').
bool is_sni(const std::string& s)
{
  if (s.empty()) {
    return false;
  }
  for (char c : s) {
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

void check_unknown(const Matcher& m, Protocol protocol, std::vector<RuleProblem>& out)
{
  for (const auto& [old_name, new_name] : k_renamed) {
    if (util::to_lower(m.written) == util::to_lower(old_name)) {
      problem(out, "E0503", m.offset, m.written + "() is Traefik v2 syntax; v3 calls it " + new_name + "()",
              "write " + call(new_name, m.arguments));
      return;
    }
  }
  std::vector<std::string> names;
  for (const auto& d : k_matchers) {
    if (same_name(m.written, d.name)) {
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
  std::string suggestion = util::closest_match(m.written, names);
  problem(out, "E0502", m.offset, "unknown matcher " + m.written + "()",
          suggestion.empty()
              ? std::string("Traefik v3 ") + protocol_name(protocol) + " matchers: " + util::join(names, ", ")
              : "did you mean " + suggestion + "()?");
}

bool check_arity(const Matcher& m, const Definition& d, std::vector<RuleProblem>& out)
{
  size_t n = m.arguments.size();
  if (m.name == "Query" && n >= 1 && m.arguments[0].value.find('=') != std::string::npos) {
    // v2's Query(`key=value`, ...): a key with '=' can never be in a parsed query.
    std::string key = m.arguments[0].value.substr(0, m.arguments[0].value.find('='));
    std::string value = m.arguments[0].value.substr(key.size() + 1);
    problem(out, "E0503", m.offset, "Query(`key=value`) is Traefik v2 syntax; v3 takes the key and the value apart",
            "write Query(" + util::go_quote(key) + ", " + util::go_quote(value) + ")");
    return false;
  }
  if (n > d.max_arguments && was_variadic(m.name)) {
    std::vector<std::string> calls;
    for (const auto& a : m.arguments) {
      calls.push_back(m.name + "(" + a.literal + ")");
    }
    problem(out, "E0503", m.offset,
            m.name + "() takes one value in Traefik v3 (v2 took several); this one has " + std::to_string(n),
            "write " + util::join(calls, " || "));
    return false;
  }
  if (n < d.min_arguments || n > d.max_arguments) {
    std::string wanted = d.min_arguments == d.max_arguments
                             ? std::to_string(d.min_arguments)
                             : std::to_string(d.min_arguments) + " or " + std::to_string(d.max_arguments);
    problem(out, "E0504", m.offset,
            m.name + "() takes " + wanted + " argument" + (d.max_arguments == 1 ? "" : "s") + ", got " +
                std::to_string(n),
            std::string("for example ") + d.example);
    return false;
  }
  return true;
}

void check_regexp(const Matcher& m, const Argument& a, std::vector<RuleProblem>& out)
{
  if (size_t at = find_placeholder(a.value); at != std::string::npos) {
    bool host = m.name == "HostRegexp" || m.name == "HostSNIRegexp";
    problem(out, "E0503", a.offset_of(at),
            m.name + "() uses a v2 {name:regexp} placeholder; v3 takes a plain Go regular expression",
            "write " + m.name + "(" + util::go_quote(v2_template_to_regexp(a.value, host, false)) + ")");
    return;
  }
  if (auto error = check_go_regexp(a.value)) {
    problem(out, "E0506", a.offset_of(error->offset),
            "regular expression " + a.literal + " does not compile: " + error->message,
            "Traefik uses Go's RE2 syntax: no backreferences or lookarounds");
  }
}

void check_arguments(const Matcher& m, const Definition& d, std::vector<RuleProblem>& out)
{
  const auto& args = m.arguments;
  if (d.regexp_argument >= 0 && static_cast<size_t>(d.regexp_argument) < args.size()) {
    check_regexp(m, args[d.regexp_argument], out);
  }
  const Argument& a = args[0];
  bool may_be_empty = m.name == "PathRegexp" || m.name == "Path" || m.name == "PathPrefix" || m.name == "ClientIP";
  if (a.value.empty() && !may_be_empty) {
    // An empty host, method, header name or query key matches nothing.
    problem(out, "E0505", a.offset, m.name + "() value is empty", std::string("for example ") + d.example);
  } else if ((m.name == "Path" || m.name == "PathPrefix") && find_placeholder(a.value) != std::string::npos) {
    problem(out, "E0503", a.offset_of(find_placeholder(a.value)),
            m.name + "() uses a v2 {name:regexp} placeholder; in v3 it matches the text literally",
            "write PathRegexp(" + util::go_quote(v2_template_to_regexp(a.value, false, m.name == "PathPrefix")) + ")");
  } else if ((m.name == "Path" || m.name == "PathPrefix") && (a.value.empty() || a.value[0] != '/')) {
    problem(out, "E0505", a.offset, m.name + "() path " + a.literal + " does not start with '/'",
            "write " + m.name + "(" + util::go_quote("/" + a.value) + ")");
  } else if ((m.name == "Host" || m.name == "HostRegexp" || m.name == "HostSNI") && !is_ascii(a.value)) {
    problem(out, "E0505", a.offset, m.name + "() value " + a.literal + " has non-ASCII characters",
            "write the IDNA (punycode) form, xn--...");
  } else if (m.name == "ClientIP" && !is_ip_or_cidr(a.value)) {
    problem(out, "E0505", a.offset, "ClientIP() value " + a.literal + " is not an IP address or CIDR range",
            "for example ClientIP(`192.168.0.0/16`) or ClientIP(`2001:db8::1`)");
  } else if (m.name == "ALPN" && a.value == "acme-tls/1") {
    problem(out, "E0505", a.offset, "ALPN(`acme-tls/1`) is reserved for ACME TLS challenges",
            "match another protocol, such as ALPN(`h2`)");
  } else if (m.name == "HostSNI" && a.value != "*" && !is_sni(a.value)) {
    problem(out, "E0505", a.offset, "HostSNI() value " + a.literal + " is not a host name or an IP address",
            "HostSNI(`*`) matches every connection");
  }
}

} // namespace

std::string v2_template_to_regexp(std::string_view text, bool host, bool prefix)
{
  // Text that already reads as a regexp keeps its escapes and anchors; only
  // the placeholders go.
  bool regexp = text.find('\\') != std::string_view::npos || (!text.empty() && (text[0] == '^' || text.back() == '$'));
  std::string out = regexp ? "" : "^";
  for (size_t i = 0; i < text.size();) {
    size_t end = placeholder_end(text, i);
    if (end != std::string_view::npos) {
      size_t colon = text.find(':', i);
      out += colon != std::string_view::npos && colon < end ? std::string(text.substr(colon + 1, end - colon - 2))
                                                            : std::string(host ? "[^.]+" : "[^/]+");
      i = end;
      continue;
    }
    if (!regexp && std::string_view(".\\+*?()|[]{}^$").find(text[i]) != std::string_view::npos) {
      out += '\\';
    }
    out += text[i++];
  }
  return prefix || regexp ? out : out + "$";
}

void detail::check_matcher(Matcher& m, Protocol protocol, std::vector<RuleProblem>& out)
{
  const Definition* definition = nullptr;
  for (const auto& d : k_matchers) {
    if (serves(d, protocol) && same_name(m.written, d.name)) {
      definition = &d;
    }
  }
  if (!definition) {
    check_unknown(m, protocol, out);
    return;
  }
  m.name = definition->name;
  m.known = true;
  if (check_arity(m, *definition, out)) {
    check_arguments(m, *definition, out);
  }
}

} // namespace edgegen::rules
