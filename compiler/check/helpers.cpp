#include "check/internal.hpp"

#include "util/strings.hpp"

#include <algorithm>

namespace edgegen::check::detail {

namespace {

// Offset into the written text (before substitution) of value byte `offset`.
size_t written_offset(const std::string& text, const std::map<std::string, std::string>& vars, size_t offset)
{
  size_t in = 0, out = 0;
  while (in < text.size()) {
    size_t length_in = 1, length_out = 1;
    if (text.compare(in, 3, "$${") == 0) {
      length_in = 3, length_out = 2;
    } else if (text.compare(in, 2, "${") == 0) {
      size_t close = text.find('}', in + 2);
      auto var = close == std::string::npos ? vars.end() : vars.find(text.substr(in + 2, close - in - 2));
      if (var != vars.end()) {
        length_in = close + 1 - in, length_out = var->second.size();
      }
    }
    if (offset < out + length_out) {
      return length_in == length_out ? in + (offset - out) : in;
    }
    in += length_in, out += length_out;
  }
  return in + (offset - out);
}

// Where value byte `at` of a value written over several lines is: the same
// word (up to a blank) is looked for in the source, as often as it occurs
// before `at`. Folding lines and indentation change only blanks, so words
// come in the same order; a word changed by an escape is not found, and the
// value's start is the answer.
diag::Location locate_on_lines(const diag::Location& start, const model::WrittenText& written, size_t at)
{
  const std::string& text = written.text;
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  size_t end = at;
  while (end < text.size() && !blank(text[end])) {
    ++end;
  }
  std::string_view source = written.lines;
  diag::Location out = start;
  if (written.style == '|' || written.style == '>') {
    // The value's lines start after the header (| or >, and indicators).
    size_t newline = source.find('\n');
    if (newline == std::string_view::npos) {
      return start;
    }
    source.remove_prefix(newline + 1);
    out.line += 1;
    out.column = 1;
  }
  if (end == at || source.empty()) {
    return start;
  }
  std::string_view word(text.data() + at, end - at);
  size_t before = 0;
  for (size_t i = text.find(word); i < at; i = text.find(word, i + 1)) {
    ++before;
  }
  size_t found = source.find(word);
  for (; found != std::string_view::npos && before > 0; --before) {
    found = source.find(word, found + 1);
  }
  if (found == std::string_view::npos) {
    return start;
  }
  std::string_view head = source.substr(0, found);
  size_t lines = static_cast<size_t>(std::count(head.begin(), head.end(), '\n'));
  if (lines == 0) {
    out.column += static_cast<int>(found);
  } else {
    out.line += static_cast<int>(lines);
    out.column = static_cast<int>(found - head.rfind('\n'));
  }
  return out;
}

} // namespace

diag::Location locate_in(const diag::Location& start, const model::WrittenText& written,
                         const std::map<std::string, std::string>& vars, size_t offset)
{
  if (start.column <= 0) {
    return start;
  }
  if (!written.one_line) {
    return locate_on_lines(start, written, std::min(written_offset(written.text, vars, offset), written.text.size()));
  }
  if (written.style == '|' || written.style == '>') {
    return start;
  }
  const std::string& text = written.text;
  size_t at = std::min(written_offset(text, vars, offset), text.size());
  size_t column = at;
  if (written.style == '\'') {
    // '' stands for one quote; the opening quote comes first.
    column = 1 + at + static_cast<size_t>(std::count(text.begin(), text.begin() + at, '\''));
  } else if (written.style == '"') {
    // Assume the usual escapes: \" and \\ are two characters for one.
    column = 1 + at;
    for (size_t i = 0; i < at; ++i) {
      column += text[i] == '"' || text[i] == '\\' || text[i] == '\t' || text[i] == '\n' ? 1 : 0;
    }
  }
  diag::Location out = start;
  out.column = start.column + static_cast<int>(column);
  return out;
}

bool unresolved_reference(const std::string& text, const std::map<std::string, std::string>& vars)
{
  for (size_t at = text.find("${"); at != std::string::npos; at = text.find("${", at + 2)) {
    size_t close = text.find('}', at + 2);
    if (close == std::string::npos) {
      return true;
    }
    auto var = vars.find(text.substr(at + 2, close - at - 2));
    if (var == vars.end() || var->second == "${" + var->first + "}") {
      return true;
    }
  }
  return false;
}

std::string host_problem(const std::string& host)
{
  if (host.empty()) {
    return "the host is empty";
  }
  if (host.size() > 253) {
    return "it is longer than 253 characters";
  }
  // Label by label, in place: every route's host comes through here.
  std::string_view rest = host;
  if (util::starts_with(rest, "*.")) {
    rest.remove_prefix(2);
  }
  for (size_t start = 0; start <= rest.size();) {
    size_t end = std::min(rest.find('.', start), rest.size());
    std::string_view label = rest.substr(start, end - start);
    start = end + 1;
    if (label.empty()) {
      return "it has an empty label (two dots in a row, or a dot at an end)";
    }
    if (label.size() > 63) {
      return "label \"" + std::string(label.substr(0, 20)) + "...\" is longer than 63 characters";
    }
    if (label.find('*') != std::string_view::npos) {
      return "'*' is allowed only as the whole leftmost label (*.example.com)";
    }
    for (char c : label) {
      if (c >= 'A' && c <= 'Z') {
        return "it has upper-case letters; host names are written in lower case";
      }
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return "label \"" + std::string(label) + "\" has a character other than a-z, 0-9 and '-'";
      }
    }
    if (label.front() == '-' || label.back() == '-') {
      return "label \"" + std::string(label) + "\" starts or ends with '-'";
    }
  }
  return {};
}

bool covers(std::string_view domain, std::string_view host)
{
  return model::certificate_covers(domain, host);
}

std::vector<std::string> route_entry_points(const model::Config& config, const model::Route& route)
{
  std::vector<std::string> out = model::entry_points_of(config, route.entry_points(), route.tls());
  std::sort(out.begin(), out.end());
  return out;
}

std::string url_host(const std::string& url)
{
  size_t scheme_end = url.find("://");
  std::string rest = scheme_end == std::string::npos ? url : url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find('/'));
  if (!rest.empty() && rest.front() == '[') {
    return rest; // an IPv6 literal
  }
  return rest.substr(0, rest.find(':'));
}

bool external_name(const std::string& host)
{
  if (host.find('.') == std::string::npos || host.front() == '[' || host.find(':') != std::string::npos) {
    return false;
  }
  return host.find_first_not_of("0123456789.") != std::string::npos;
}

bool served_as_ingress(const model::Config& config, const model::Project& project, const model::Service& service)
{
  if (config.edge.kubernetes.routing != model::KubernetesSettings::Routing::ingress || service.urls.size() > 1) {
    return false;
  }
  for (const auto& route : project.routes) {
    if (!route.raw() && route.service().name == service.name) {
      return true;
    }
  }
  return false;
}

const model::EntryPoint* find_entry_point(const model::Config& config, const std::string& name)
{
  for (const auto& entry_point : config.edge.entry_points) {
    if (entry_point.name == name) {
      return &entry_point;
    }
  }
  return nullptr;
}

} // namespace edgegen::check::detail
