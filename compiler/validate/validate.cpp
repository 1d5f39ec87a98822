#include "validate/validate.hpp"

#include "validate/report.hpp"
#include "validate/schema_facts.hpp"
#include "validate/schema_set.hpp"
#include "validate/wording.hpp"

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
    std::string child = pointer + "/" + (keyed ? load::pointer_token(node.keys[i]) : std::to_string(i));
    if (keyed && node.keys[i].size() > k_max_string_bytes && i < node.key_marks.size()) {
      diagnostics.error("E0115", node.key_location(i, child),
                        show_pointer(pointer) + ": key of " + std::to_string(node.keys[i].size()) + " bytes" + limit);
      ok = false;
    }
    ok = check_string_lengths(node.items[i], child, diagnostics) && ok;
  }
  return ok;
}

bool validate_document(const load::Document& document, diag::Diagnostics& diagnostics)
{
  if (!check_string_lengths(document.root, "", diagnostics)) {
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
  std::vector<bool> passed;
  passed.reserve(documents.size());
  for (const auto& document : documents) {
    passed.push_back(validate_document(document, diagnostics));
  }
  return passed;
}

} // namespace edgegen::validate
