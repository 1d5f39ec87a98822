// SARIF 2.1.0 for GitHub code scanning: one run, every code as a rule (so a
// rule's help is there when a result is shown), one result per diagnostic.
#include "cli/report.hpp"

#include "diag/codes.hpp"
#include "serialise/serialise.hpp"
#include "util/value.hpp"

#include <map>
#include <string_view>

namespace edgegen::cli {

namespace {

using util::Value;

// Locations are relative paths; SARIF wants URI references.
std::string uri_of(const std::string& path)
{
  static const char* k_hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += k_hex[c >> 4];
      out += k_hex[c & 15];
    }
  }
  return out;
}

const char* level_of(diag::Severity severity)
{
  return severity == diag::Severity::error ? "error" : "warning";
}

Value rule_of(const diag::CodeInfo& info)
{
  Value rule;
  rule["id"] = info.code;
  rule["shortDescription"]["text"] = info.meaning;
  rule["fullDescription"]["text"] = info.explanation;
  std::string help = diag::explain(info);
  rule["help"]["text"] = help;
  rule["help"]["markdown"] = "```\n" + help + "```\n";
  rule["defaultConfiguration"]["level"] = level_of(diag::severity_of(info.code));
  return rule;
}

Value result_of(const diag::Diagnostic& d, const std::map<std::string_view, int64_t>& rule_index)
{
  Value result;
  result["ruleId"] = d.code;
  if (auto it = rule_index.find(d.code); it != rule_index.end()) {
    result["ruleIndex"] = it->second;
  }
  result["level"] = level_of(d.severity);
  result["message"]["text"] = d.message + (d.hint.empty() ? "" : " (hint: " + d.hint + ")");
  if (!d.location.file.empty()) {
    Value physical;
    physical["artifactLocation"]["uri"] = uri_of(d.location.file.str());
    if (d.location.line > 0) {
      physical["region"]["startLine"] = d.location.line;
      if (d.location.column > 0) {
        physical["region"]["startColumn"] = d.location.column;
      }
    }
    Value location;
    location["physicalLocation"] = std::move(physical);
    result["locations"].push_back(std::move(location));
  }
  // A value a patch wrote: where the values it replaced were written.
  for (size_t i = 0; i < d.before.size(); ++i) {
    Value related;
    related["id"] = static_cast<int64_t>(i + 1);
    related["physicalLocation"]["artifactLocation"]["uri"] = uri_of(d.before[i].file.str());
    related["physicalLocation"]["region"]["startLine"] = d.before[i].line;
    related["physicalLocation"]["region"]["startColumn"] = d.before[i].column;
    related["message"]["text"] = "the value before environment \"" + d.patched_in + "\"'s patch";
    result["relatedLocations"].push_back(std::move(related));
  }
  return result;
}

} // namespace

void report_sarif(const std::vector<diag::Diagnostic>& all, std::ostream& out)
{
  const auto& table = diag::codes();
  Value rules = Value::list();
  std::map<std::string_view, int64_t> rule_index;
  for (size_t i = 0; i < table.size(); ++i) {
    rules.push_back(rule_of(table[i]));
    rule_index[table[i].code] = static_cast<int64_t>(i);
  }
  Value tool;
  tool["driver"]["name"] = "edgegen";
  tool["driver"]["version"] = EDGEGEN_VERSION;
  tool["driver"]["rules"] = std::move(rules);
  // The log in the bytes serialise::to_json gives it as one value (keys
  // sorted: "$schema", "runs", "version"; a run's "results", then "tool"),
  // with its results made and written one at a time.
  std::string chunk = "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"runs\": [\n    {\n"
                      "      \"results\": ";
  serialise::append_json_list(chunk, out, all.size(), 6, [&](size_t i) { return result_of(all[i], rule_index); });
  chunk += ",\n      \"tool\": ";
  chunk += serialise::to_json_nested(tool, 6);
  chunk += "\n    }\n  ],\n  \"version\": \"2.1.0\"\n}\n";
  out << chunk;
}

} // namespace edgegen::cli
