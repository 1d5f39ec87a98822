#include "cli/render_report.hpp"

#include "util/strings.hpp"

namespace edgegen::cli {

std::string out_path(const std::string& out, std::string_view path)
{
  return util::ends_with(out, "/") ? out + std::string(path) : out + "/" + std::string(path);
}

void report_drift(const write::Drift& drift, const std::string& out, const std::string& source, std::ostream& err)
{
  for (const auto& [list, what] : {std::pair{&drift.changed, "differs"}, std::pair{&drift.missing, "is missing"},
                                   std::pair{&drift.extra, "is no longer rendered"}}) {
    for (const auto& path : *list) {
      err << "edgegen: " << out_path(out, path) << " " << what << "\n";
    }
  }
  for (const auto& file : drift.foreign) {
    err << "edgegen: " << write::describe(out, file) << "\n";
  }
  // Rendering again does not remove a file edgegen did not write.
  if (!drift.foreign.empty()) {
    err << "edgegen: " << drift.foreign.size()
        << " file(s) that edgegen did not write would be loaded with the rendered tree; move them out of " << out
        << ", or put what they configure into " << source << "\n";
  }
  if (!drift.changed.empty() || !drift.missing.empty() || !drift.extra.empty()) {
    err << "edgegen: " << out << " is not what " << source << " renders; run `edgegen render " << source << " --out "
        << out << "`\n";
  }
}

void report_written(const write::WriteReport& written, const std::vector<write::ForeignFile>& foreign,
                    const std::string& out, std::ostream& log, std::ostream& err)
{
  for (const auto& path : written.written) {
    log << "wrote   " << out_path(out, path) << "\n";
  }
  for (const auto& path : written.removed) {
    log << "removed " << out_path(out, path) << "\n";
  }
  for (const auto& file : foreign) {
    err << "edgegen: warning: " << write::describe(out, file) << "\n";
  }
  log << "edgegen: " << written.written.size() + written.unchanged.size() << " files in " << out << " ("
      << written.written.size() << " written, " << written.unchanged.size() << " unchanged, " << written.removed.size()
      << " removed)\n";
}

} // namespace edgegen::cli
