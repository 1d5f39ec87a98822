#include "cli/report.hpp"

#include "diag/redact.hpp"
#include "serialise/serialise.hpp"
#include "util/printable.hpp"
#include "util/strings.hpp"
#include "util/value.hpp"

#include <sstream>
#include <unordered_map>

namespace edgegen::cli {

namespace {

const char* severity_name(diag::Severity severity)
{
  return severity == diag::Severity::error ? "error" : "warning";
}

// The text of each file of the tree, found from a location's interned file
// name in one hash lookup: a report of thousands of diagnostics over
// thousands of files must not compare names per diagnostic. Once compile()
// let go of the bytes, a file is read again from its source when a
// diagnostic first points into it, and shown only if it is still the file
// read (its blob id): a file changed since shows no line.
class SourceIndex
{
public:
  explicit SourceIndex(const source::SourceTree& tree) : m_tree(tree)
  {
    m_files.reserve(tree.files.size());
    for (const auto& file : tree.files) {
      m_files.emplace(&diag::FileName(file.display_name()).str(), &file);
    }
  }

  // The whole file a location points into; empty when it is not in the tree.
  std::string_view text(const diag::Location& location) const
  {
    auto it = m_files.find(&location.file.str());
    if (it == m_files.end()) {
      return {};
    }
    const source::SourceFile& file = *it->second;
    if (!m_tree.bytes_released) {
      return file.text();
    }
    // The diagnostics come sorted by file: the last file read is the one
    // asked for again, and only it is held.
    if (m_read_file != &file) {
      m_read_file = &file;
      m_read.clear();
      std::optional<std::string> bytes = m_tree.reread ? m_tree.reread(file) : std::nullopt;
      if (bytes && serialise::git_blob_id(*bytes) == file.blob_id) {
        m_read = std::move(*bytes);
      }
    }
    return m_read;
  }

private:
  const source::SourceTree& m_tree;
  std::unordered_map<const std::string*, const source::SourceFile*> m_files;
  mutable const source::SourceFile* m_read_file = nullptr;
  mutable std::string m_read;
};

// The line as it can be shown: invalid UTF-8 (the very error being
// reported, maybe) and control characters become '?', byte for byte, so the
// caret still lines up.
std::string printable(std::string_view line)
{
  std::string out(line);
  size_t bad;
  while ((bad = util::find_invalid_utf8(out)) != std::string::npos) {
    out[bad] = '?';
  }
  for (char& c : out) {
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) {
      c = '?';
    }
  }
  return out;
}

// Any byte can reach a diagnostic: a file name, a key or a value is quoted
// in messages as it was read. Every format shows it: invalid UTF-8 as \xNN
// (JSON and SARIF need valid UTF-8), and in the formats read on a terminal
// or in a CI log control characters too, so that no input can move the
// cursor, colour the log or forge a line.
std::string shown(std::string_view s, bool control)
{
  return control ? util::printable(s) : util::escape_invalid_utf8(s);
}

// The diagnostics with their texts shown as `shown` does. File names are
// shown where each format prints them: text looks the source line up by
// the name as read.
std::vector<diag::Diagnostic> shown(std::vector<diag::Diagnostic> all, bool control)
{
  for (auto& d : all) {
    d.message = shown(d.message, control);
    d.hint = shown(d.hint, control);
    d.location.pointer = shown(d.location.pointer, control);
    d.patched_in = shown(d.patched_in, control);
  }
  return all;
}

std::string shown_location(diag::Location location, bool control)
{
  location.file = shown(location.file.str(), control);
  return diag::format_location(location);
}

// ANSI styles, empty when not painting.
struct Paint
{
  bool on = false;
  std::string operator()(const char* style, const std::string& text) const
  {
    return on ? std::string("\033[") + style + "m" + text + "\033[0m" : text;
  }
};

// `line`: the source line at its location, as it is shown (source_line).
void text(const diag::Diagnostic& d, const std::string& line, std::ostream& out, const Paint& paint)
{
  diag::Location location = d.location;
  location.file = location.file.empty() ? "edgegen" : location.file;
  const char* style = d.severity == diag::Severity::error ? "1;31" : "1;35";
  out << paint("1", shown_location(location, true) + ":") << " "
      << paint(style, std::string(severity_name(d.severity)) + "[" + d.code + "]") << ": " << d.message;
  if (!d.hint.empty()) {
    out << " (hint: " << d.hint << ")";
  }
  out << "\n";
  if (!line.empty() && location.column > 0) {
    std::string number = std::to_string(location.line);
    out << "  " << number << " | " << line << "\n";
    out << "  " << std::string(number.size(), ' ') << " | ";
    // Keep tabs so the caret lines up under the same column.
    for (int i = 0; i < location.column - 1 && i < static_cast<int>(line.size()); ++i) {
      out << (line[i] == '\t' ? '\t' : ' ');
    }
    out << paint("1;32", "^") << "\n";
  }
  if (!d.before.empty()) {
    std::string chain;
    for (const auto& position : d.before) {
      chain += (chain.empty() ? "" : ", then ") + shown_location(position, true);
    }
    out << "  = in environment \"" << d.patched_in << "\" a patch wrote this value over " << chain << "\n";
  }
}

// GitHub Actions workflow commands: annotations on the pull request.
std::string github_escape(std::string s, bool property)
{
  std::string out;
  for (char c : s) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else if (property && c == ':') {
      out += "%3A";
    } else if (property && c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

// One diagnostic as an item of `--format json`'s list; its strings are
// moved, not copied.
util::Value json_item(diag::Diagnostic&& d)
{
  util::Value item;
  item["file"] = util::escape_invalid_utf8(d.location.file.str());
  item["line"] = d.location.line;
  item["column"] = d.location.column;
  item["pointer"] = std::move(d.location.pointer);
  item["severity"] = severity_name(d.severity);
  item["code"] = std::move(d.code);
  item["message"] = std::move(d.message);
  item["hint"] = std::move(d.hint);
  if (!d.patched_in.empty()) {
    util::Value patch;
    patch["environment"] = std::move(d.patched_in);
    util::Value before = util::Value::list();
    for (const auto& position : d.before) {
      util::Value at;
      at["file"] = util::escape_invalid_utf8(position.file.str());
      at["line"] = position.line;
      at["column"] = position.column;
      before.push_back(std::move(at));
    }
    patch["before"] = std::move(before);
    item["patch"] = std::move(patch);
  }
  return item;
}

} // namespace

void report(const diag::Diagnostics& diagnostics, Format format, const source::SourceTree& tree, std::ostream& out,
            bool colour)
{
  // Each file is read once (the diagnostics come sorted by file): its
  // secrets taken out of the messages, and the lines the text shows kept.
  const SourceIndex sources(tree);
  auto all = diagnostics.sorted();
  std::vector<std::string> lines(format == Format::text ? all.size() : 0);
  for (size_t i = 0; i < all.size(); ++i) {
    diag::Diagnostic& d = all[i];
    if (d.location.line > 0) {
      std::string_view text = sources.text(d.location);
      diag::redact(d, text, d.location.line);
      if (!lines.empty()) {
        lines[i] = printable(diag::redact_source_line(text, d.location.line));
      }
    } else {
      diag::redact(d, std::string_view());
    }
  }
  all = shown(std::move(all), format == Format::text || format == Format::github);
  if (format == Format::sarif) {
    report_sarif(all, out);
    return;
  }
  if (format == Format::json) {
    std::string chunk;
    serialise::append_json_list(chunk, out, all.size(), 0, [&](size_t i) { return json_item(std::move(all[i])); });
    out << chunk << '\n';
    return;
  }
  // Written in chunks of whole diagnostics: std::cerr writes every `<<` as
  // a system call of its own, a dozen per diagnostic.
  std::ostringstream chunk;
  for (size_t i = 0; i < all.size(); ++i) {
    const diag::Diagnostic& d = all[i];
    if (format == Format::github) {
      chunk << "::" << severity_name(d.severity) << " file=" << github_escape(shown(d.location.file.str(), true), true)
            << ",line=" << d.location.line << ",col=" << d.location.column << ",title=" << d.code
            << "::" << github_escape(d.message + (d.hint.empty() ? "" : " (hint: " + d.hint + ")"), false) << "\n";
    } else {
      text(d, lines[i], chunk, Paint{colour});
    }
    if (chunk.tellp() >= 1 << 16) {
      out << chunk.str();
      chunk.str({});
    }
  }
  out << chunk.str();
}

bool model_is_whole(const diag::Diagnostics& diagnostics)
{
  for (const auto& d : diagnostics.sorted()) {
    bool before_checks = d.code.size() == 5 && d.code[0] == 'E' && d.code[1] == '0' && d.code[2] < '4';
    if (d.severity == diag::Severity::error && before_checks) {
      return false;
    }
  }
  return true;
}

} // namespace edgegen::cli
