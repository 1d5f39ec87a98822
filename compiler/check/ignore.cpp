// Warnings silenced on purpose: `metadata.annotations["edgegen.dev/ignore"]`
// lists warning codes for its own document. A warning belongs to the
// document whose start is the last one before it in the same file.
#include "check/check.hpp"

#include "diag/codes.hpp"
#include "util/strings.hpp"

#include <algorithm>

namespace edgegen::check {

namespace {

const model::Declaration* owner(const model::Model& model, const diag::Location& location)
{
  const model::Declaration* best = nullptr;
  for (const auto& declaration : model.declarations) {
    const auto& start = declaration.location;
    if (start.file == location.file && start.line <= location.line && (!best || start.line > best->location.line)) {
      best = &declaration;
    }
  }
  return best;
}

} // namespace

void check_ignore_annotations(const model::Model& model, diag::Diagnostics& diagnostics)
{
  std::vector<std::string> warnings;
  for (const auto& info : diag::codes()) {
    if (diag::severity_of(info.code) == diag::Severity::warning) {
      warnings.push_back(info.code);
    }
  }
  for (const auto& declaration : model.declarations) {
    for (const auto& code : declaration.ignore) {
      if (std::find(warnings.begin(), warnings.end(), code) != warnings.end()) {
        continue;
      }
      std::string suggestion = util::closest_match(code, warnings);
      bool error = diag::find_code(code) != nullptr;
      diagnostics.error("E0306", declaration.ignore_location,
                        std::string(model::k_ignore_annotation) + " names \"" + code + "\", which is " +
                            (error ? "an error, not a warning code" : "not a warning code"),
                        error                ? "errors cannot be silenced: fix what it reports"
                        : suggestion.empty() ? "warning codes: " + util::join(warnings, ", ")
                                             : "did you mean \"" + suggestion + "\"?");
    }
  }
}

void apply_ignore(const model::Model& model, const diag::Diagnostics& found, diag::Diagnostics& diagnostics)
{
  for (auto& d : found.sorted()) {
    const model::Declaration* declaration = d.severity == diag::Severity::warning ? owner(model, d.location) : nullptr;
    if (declaration &&
        std::find(declaration->ignore.begin(), declaration->ignore.end(), d.code) != declaration->ignore.end()) {
      continue;
    }
    diagnostics.add(std::move(d));
  }
}

} // namespace edgegen::check
