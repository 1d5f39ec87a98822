#include "validate/validate.hpp"

#include "validate/report.hpp"
#include "validate/schema_facts.hpp"
#include "validate/schema_set.hpp"
#include "validate/wording.hpp"

#include "util/parallel.hpp"

namespace edgegen::validate {

namespace {

// Reports every string and key longer than k_max_string_bytes (E0115).
bool check_string_lengths(const load::Node& node, const std::string& pointer, diag::Diagnostics& diagnostics)
{
  bool ok = true;
  const std::string limit = " is longer than the limit of " + std::to_string(k_max_string_bytes) + " bytes";
  if (node.is_string() && node.text.size() > k_max_string_bytes) {
    diagnostics.error("E0115", node.location(pointer),
                      show_pointer(pointer) + ": string of " + std::to_string(node.text.size()) + " bytes" + limit);
    ok = false;
  }
  for (size_t i = 0; i < node.items.size(); ++i) {
    bool keyed = node.is_map() && i < node.keys.size();
    std::string child = pointer + "/" + (keyed ? diag::pointer_token(node.keys[i]) : std::to_string(i));
    if (keyed && node.keys[i].size() > k_max_string_bytes) {
      diagnostics.error("E0115", node.key_location(i, child),
                        show_pointer(pointer) + ": key of " + std::to_string(node.keys[i].size()) + " bytes" + limit);
      ok = false;
    }
    ok = check_string_lengths(node.items[i], child, diagnostics) && ok;
  }
  return ok;
}

// The common case, without building a pointer for every value.
bool has_overlong_string(const load::Node& node)
{
  if (node.is_string() && node.text.size() > k_max_string_bytes) {
    return true;
  }
  for (const auto& key : node.keys) {
    if (key.size() > k_max_string_bytes) {
      return true;
    }
  }
  for (const auto& item : node.items) {
    if (has_overlong_string(item)) {
      return true;
    }
  }
  return false;
}

bool validate_document(const load::Document& document, diag::Diagnostics& diagnostics)
{
  if (has_overlong_string(document.root) && !check_string_lengths(document.root, "", diagnostics)) {
    return false; // not safe to give to the validator
  }
  try {
    ValidatorRun run = run_validator(document.kind, document.root);
    if (!run.failure.empty()) {
      diagnostics.error("E0200", document.root.location(),
                        "internal error: the document could not be checked against the " + document.kind_name +
                            " schema: " + run.failure);
      return false;
    }
    if (run.valid) {
      return true;
    }
    for (auto& error : property_name_errors(document.kind, document.root)) {
      run.errors.push_back(std::move(error));
    }
    report_errors(document, run.errors, diagnostics);
  } catch (const std::exception& e) {
    diagnostics.error("E0200", document.root.location(),
                      std::string("internal error while validating the document: ") + e.what());
  }
  return false;
}

} // namespace

std::vector<bool> validate(const std::vector<load::Document>& documents, diag::Diagnostics& diagnostics)
{
  // Documents are independent and the parsed schemas are read-only: check
  // them on every core, then merge in document order.
  std::vector<char> passed(documents.size());
  std::vector<diag::Diagnostics> found(documents.size());
  util::parallel_for(documents.size(), [&](size_t i) { passed[i] = validate_document(documents[i], found[i]); });
  for (auto& d : found) {
    diagnostics.append(std::move(d));
  }
  return std::vector<bool>(passed.begin(), passed.end());
}

void validate(std::vector<patch::Patched>& patched, const std::vector<bool>& valid, diag::Diagnostics& diagnostics)
{
  std::vector<char> passed(patched.size());
  std::vector<diag::Diagnostics> found(patched.size());
  util::parallel_for(patched.size(), [&](size_t i) {
    const patch::Patched& p = patched[i];
    if (p.base < valid.size() && valid[p.base]) {
      passed[i] = validate_document(p.document, found[i]);
    }
  });
  std::vector<patch::Patched> kept;
  for (size_t i = 0; i < patched.size(); ++i) {
    const load::Document& document = patched[i].document;
    std::string where = " (" + document.kind_name + " \"" + document.name + "\" as patched in environment \"" +
                        patched[i].environment + "\")";
    for (auto d : found[i].sorted()) {
      d.message += where;
      diagnostics.add(std::move(d));
    }
    if (passed[i]) {
      kept.push_back(std::move(patched[i]));
    }
  }
  patched = std::move(kept);
}

} // namespace edgegen::validate
