#include "diag/redact.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

namespace edgegen::diag {

namespace {

std::string lower_alnum(std::string_view s)
{
  std::string out;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

std::string_view trimmed(std::string_view s)
{
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string_view unquoted(std::string_view s)
{
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    return s.substr(1, s.size() - 2);
  }
  return s;
}

// Bits per character of `s` as a sample of its own alphabet.
double entropy(std::string_view s)
{
  int counts[256] = {};
  for (unsigned char c : s) {
    ++counts[c];
  }
  double bits = 0;
  for (int count : counts) {
    if (count > 0) {
      double p = static_cast<double>(count) / s.size();
      bits -= p * std::log2(p);
    }
  }
  return bits;
}

// A run of letters and digits long and random enough to be a key: 24 or
// more between separators, both letters and digits, and above 4 bits a
// character: more than hex carries (commit ids, content hashes), about what
// random letters and digits do. Host names and paths have short runs.
bool random_looking(std::string_view s)
{
  if (s.size() < 24) {
    return false;
  }
  for (char c : s) {
    bool token_char = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      std::string_view("+/=_-.~").find(c) != std::string_view::npos;
    if (!token_char) {
      return false;
    }
  }
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find_first_of("+/=_-.~", start);
    end = end == std::string_view::npos ? s.size() : end;
    std::string_view run = s.substr(start, end - start);
    bool letter = false, digit = false;
    for (char c : run) {
      letter |= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      digit |= c >= '0' && c <= '9';
    }
    if (run.size() >= 24 && letter && digit && entropy(run) > 4.0) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

// Where a value ends: at a top-level ',', '}' or ']' in flow style, at a
// comment, or at the end.
size_t value_end(std::string_view s, size_t from, bool flow)
{
  int depth = 0;
  char quote = 0;
  for (size_t i = from; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      quote = c == quote ? 0 : quote;
    } else if (c == '"' || c == '\'') {
      quote = i == from || s[i - 1] == ' ' || s[i - 1] == '{' || s[i - 1] == '[' ? c : 0;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (flow && depth == 0 && (c == ',' || c == '}' || c == ']')) {
      return i;
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == '#' && i > from && (s[i - 1] == ' ' || s[i - 1] == '\t')) {
      return i;
    }
  }
  return s.size();
}

// The key at the start of `s` and where its value starts, if `s` is
// "key: value" (or "key:").
std::optional<std::pair<std::string_view, size_t>> split_key(std::string_view s)
{
  if (s.empty()) {
    return std::nullopt;
  }
  size_t colon = std::string_view::npos;
  std::string_view key;
  if (s.front() == '"' || s.front() == '\'') {
    size_t close = s.find(s.front(), 1);
    if (close == std::string_view::npos || close + 1 >= s.size() || s[close + 1] != ':') {
      return std::nullopt;
    }
    key = s.substr(1, close - 1);
    colon = close + 1;
  } else {
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (c == ':' && (i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == '\t')) {
        colon = i;
        break;
      }
      if (c == '{' || c == '[' || c == ',' || c == '}' || c == ']' || c == '#') {
        return std::nullopt;
      }
    }
    if (colon == std::string_view::npos) {
      return std::nullopt;
    }
    key = trimmed(s.substr(0, colon));
  }
  if (colon + 1 < s.size() && s[colon + 1] != ' ' && s[colon + 1] != '\t') {
    return std::nullopt;
  }
  return std::make_pair(key, colon + 1);
}

using Spans = std::vector<std::pair<size_t, size_t>>; // [begin, end) in the line

void scan_value(std::string_view line, size_t begin, size_t end, bool secret, Spans& out);

// The pairs or items of a flow collection at `begin` ('{' or '[').
void scan_flow(std::string_view line, size_t begin, size_t end, bool secret, Spans& out)
{
  bool map = line[begin] == '{';
  size_t at = begin + 1;
  while (at < end) {
    size_t stop = std::min(value_end(line, at, true), end);
    std::string_view part = line.substr(at, stop - at);
    size_t lead = part.size() - part.substr(part.find_first_not_of(" \t") == std::string_view::npos
                                                ? part.size()
                                                : part.find_first_not_of(" \t"))
                                    .size();
    auto key = map ? split_key(part.substr(lead)) : std::nullopt;
    if (key) {
      scan_value(line, at + lead + key->second, stop, secret || secret_key(key->first), out);
    } else {
      scan_value(line, at, stop, secret, out);
    }
    if (stop >= end || line[stop] != ',') {
      break;
    }
    at = stop + 1;
  }
}

void scan_value(std::string_view line, size_t begin, size_t end, bool secret, Spans& out)
{
  while (begin < end && (line[begin] == ' ' || line[begin] == '\t')) {
    ++begin;
  }
  end = std::min(end, value_end(line, begin, false));
  while (end > begin && (line[end - 1] == ' ' || line[end - 1] == '\t' || line[end - 1] == '\r')) {
    --end;
  }
  std::string_view value = line.substr(begin, end - begin);
  if (value.empty() || value == "|" || value == ">" || value == "|-" || value == ">-" || value.front() == '&' ||
      value.front() == '*') {
    return;
  }
  if (value.front() == '{' || value.front() == '[') {
    scan_flow(line, begin, end, secret, out);
  } else if (secret || secret_value(value)) {
    out.emplace_back(begin, end);
  }
}

Spans secret_spans(std::string_view line)
{
  Spans out;
  size_t at = 0;
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) {
    ++at;
  }
  while (line.compare(at, 2, "- ") == 0) {
    at += 2;
    while (at < line.size() && line[at] == ' ') {
      ++at;
    }
  }
  if (auto key = split_key(line.substr(at))) {
    scan_value(line, at + key->second, line.size(), secret_key(key->first), out);
  } else {
    scan_value(line, at, line.size(), false, out);
  }
  return out;
}

void replace_all(std::string& text, std::string_view secret)
{
  bool quoted = secret.size() >= 2 && secret.front() == '"' && secret.back() == '"';
  std::string with = quoted ? std::string("\"") + k_redacted + "\"" : k_redacted;
  for (size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + with.size())) {
    text.replace(at, secret.size(), with);
  }
}

// Quoted parts of a message ("..." ) that look like secrets.
void redact_quoted(std::string& text)
{
  for (size_t open = text.find('"'); open != std::string::npos;) {
    size_t close = text.find('"', open + 1);
    if (close == std::string::npos) {
      return;
    }
    std::string_view inside = std::string_view(text).substr(open + 1, close - open - 1);
    if (secret_value(inside)) {
      text.replace(open + 1, inside.size(), k_redacted);
      close = open + 1 + std::string_view(k_redacted).size();
    }
    open = text.find('"', close + 1);
  }
}

} // namespace

bool secret_key(std::string_view key)
{
  std::string name = lower_alnum(key);
  // Names of edgegen's and Traefik's own that say "key" or "credentials" of
  // something public: Redis key names, a public key, a CORS switch.
  for (const char* open : {"publickey", "rootkey", "domainskey", "accesscontrolallowcredentials"}) {
    if (name == open) {
      return false;
    }
  }
  for (const char* reference : {"ref", "file", "directory", "dir", "name", "path", "names", "refs", "files"}) {
    if (util::ends_with(name, reference)) {
      return false;
    }
  }
  for (const char* word : {"token", "password", "passwd", "secret", "credential", "authorization", "apikey",
                           "privatekey", "accesskey", "clientsecret", "cookie"}) {
    if (name.find(word) != std::string::npos) {
      return true;
    }
  }
  return name == "key" || util::ends_with(name, "key") || name == "pass" || name == "pwd";
}

bool secret_value(std::string_view value)
{
  value = unquoted(trimmed(value));
  if (value.find("-----BEGIN") != std::string_view::npos || value.find("PRIVATE KEY") != std::string_view::npos) {
    return true;
  }
  if (size_t scheme = value.find("://"); scheme != std::string_view::npos) {
    std::string_view rest = value.substr(scheme + 3);
    std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
    size_t at = authority.rfind('@');
    if (at != std::string_view::npos && authority.substr(0, at).find(':') != std::string_view::npos) {
      return true;
    }
  }
  for (const char* hash : {"$apr1$", "$2y$", "$2a$", "$2b$", "$5$", "$6$", "{SHA}", "{SSHA}"}) {
    if (value.find(hash) != std::string_view::npos) {
      return true;
    }
  }
  std::string start = lower_alnum(value.substr(0, 7));
  if ((start == "bearer" || start == "basic" || start == "token") && value.size() > 7 && value.find(' ') < 7) {
    return true;
  }
  return random_looking(value);
}

std::string redact_line(std::string_view line)
{
  Spans spans = secret_spans(line);
  std::string out(line);
  for (auto it = spans.rbegin(); it != spans.rend(); ++it) {
    out.replace(it->first, it->second - it->first, k_redacted);
  }
  return out;
}

void redact(Diagnostic& d, std::string_view line)
{
  for (const auto& [begin, end] : secret_spans(line)) {
    std::string_view value = line.substr(begin, end - begin);
    for (std::string_view secret : {value, unquoted(value)}) {
      // A short secret is replaced only where it is quoted, not inside words.
      std::string whole = secret.size() >= 4 ? std::string(secret) : "\"" + std::string(secret) + "\"";
      if (!secret.empty()) {
        replace_all(d.message, whole);
        replace_all(d.hint, whole);
      }
    }
  }
  redact_quoted(d.message);
  redact_quoted(d.hint);
}

namespace {

std::string_view line_at(std::string_view text, int number)
{
  std::string_view line = util::line_of(text, number);
  return !line.empty() && line.back() == '\r' ? line.substr(0, line.size() - 1) : line;
}

size_t indentation(std::string_view line)
{
  size_t n = line.find_first_not_of(" \t");
  return n == std::string_view::npos ? line.size() : n;
}

// `key: |`, `- key: >-`, `key: |2 # comment`: the key of a block scalar's
// head line, else empty.
std::string_view block_key(std::string_view line)
{
  std::string_view rest = trimmed(line);
  if (!rest.empty() && rest.front() == '-') {
    rest = trimmed(rest.substr(1));
  }
  auto key = split_key(rest);
  if (!key) {
    return {};
  }
  std::string_view value = trimmed(rest.substr(key->second));
  value = trimmed(value.substr(0, value.find('#')));
  if (value.empty() || (value.front() != '|' && value.front() != '>') ||
      value.find_first_not_of("|>+-0123456789") != std::string_view::npos) {
    return {};
  }
  return key->first;
}

// Whether line `number` is a line of a secret key's block scalar: some line
// above it, each less indented than the one below, is the block's head.
bool in_secret_block(std::string_view text, int number)
{
  std::string_view line = line_at(text, number);
  if (trimmed(line).empty()) {
    return false;
  }
  size_t limit = indentation(line);
  for (int above = number - 1; above >= 1 && limit > 0; --above) {
    std::string_view candidate = line_at(text, above);
    if (trimmed(candidate).empty() || indentation(candidate) >= limit) {
      continue;
    }
    std::string_view key = block_key(candidate);
    if (!key.empty()) {
      return secret_key(key);
    }
    limit = indentation(candidate);
  }
  return false;
}

} // namespace

std::string redact_source_line(std::string_view text, int number)
{
  std::string_view line = line_at(text, number);
  if (in_secret_block(text, number)) {
    return std::string(line.substr(0, indentation(line))) + k_redacted;
  }
  return redact_line(line);
}

void redact(Diagnostic& d, std::string_view text, int number)
{
  auto remove = [&](std::string_view secret) {
    if (secret.size() >= 4) {
      replace_all(d.message, secret);
      replace_all(d.hint, secret);
    }
  };
  std::string_view line = line_at(text, number);
  if (in_secret_block(text, number)) {
    remove(trimmed(line));
  }
  // At a block's head, the value is the lines below it.
  std::string_view key = block_key(line);
  if (!key.empty() && secret_key(key)) {
    for (int below = number + 1;
         in_secret_block(text, below) || (trimmed(line_at(text, below)).empty() && in_secret_block(text, below + 1));
         ++below) {
      remove(trimmed(line_at(text, below)));
    }
  }
  redact(d, line);
}

} // namespace edgegen::diag
