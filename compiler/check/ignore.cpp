// Warnings silenced on purpose: `metadata.annotations["edgegen.dev/ignore"]`
// lists warning codes for its own document. A warning belongs to the
// document whose start is the last one before it in the same file.
#include "check/check.hpp"

#include "diag/codes.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <iterator>
#include <unordered_map>

namespace edgegen::check {

namespace {

// The declarations of each file by the line they start on, so that the
// owner of each warning is one hash lookup and a binary search away, however
// many documents and warnings there are.
class Owners
{
public:
  explicit Owners(const model::Model& model)
  {
    for (const auto& declaration : model.declarations) {
      m_by_file[&declaration.location.file.str()].push_back(&declaration);
    }
    for (auto& [file, declarations] : m_by_file) {
      std::stable_sort(declarations.begin(), declarations.end(),
                       [](const auto* a, const auto* b) { return a->location.line < b->location.line; });
    }
  }

  // The last declaration of the file starting at or before the location's
  // line (the first of several starting on that line); none before it.
  const model::Declaration* of(const diag::Location& location) const
  {
    auto found = m_by_file.find(&location.file.str());
    if (found == m_by_file.end()) {
      return nullptr;
    }
    const auto& declarations = found->second;
    auto by_line = [](const model::Declaration* d, int line) { return d->location.line < line; };
    auto after = std::upper_bound(declarations.begin(), declarations.end(), location.line,
                                  [](int line, const model::Declaration* d) { return line < d->location.line; });
    if (after == declarations.begin()) {
      return nullptr;
    }
    int line = (*std::prev(after))->location.line;
    return *std::lower_bound(declarations.begin(), after, line, by_line);
  }

private:
  std::unordered_map<const std::string*, std::vector<const model::Declaration*>> m_by_file;
};

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

std::shared_ptr<const diag::Diagnostics::Silencer> ignored_warnings(const model::Model& model)
{
  return std::make_shared<const diag::Diagnostics::Silencer>([owners = Owners(model)](const diag::Diagnostic& d) {
    const model::Declaration* declaration = owners.of(d.location);
    return declaration &&
           std::find(declaration->ignore.begin(), declaration->ignore.end(), d.code) != declaration->ignore.end();
  });
}

} // namespace edgegen::check
