#include "cli/diff_command.hpp"

#include "cli/commands.hpp"
#include "cli/report.hpp"
#include "cli/tree_diff.hpp"
#include "pipeline.hpp"
#include "render.hpp"
#include "util/printable.hpp"

#include <cstdlib>
#include <iostream>
#include <optional>
#include <unistd.h>

namespace edgegen::cli {

namespace {

// The rendered tree of one side, or nullopt (after printing its
// diagnostics) if that side is invalid.
std::optional<RenderedTree> render_side(const source::Selection& selection, const char* side)
{
  Compilation c = compile_side(selection, side);
  if (c.diagnostics.has_errors()) {
    return std::nullopt;
  }
  return rendered_tree(c);
}

} // namespace

int diff_command(const DiffOptions& options)
{
  // Both sides are rendered (and reported) before anything is compared, so
  // one run shows the problems of both.
  std::optional<RenderedTree> base = render_side(options.base, "base");
  std::optional<RenderedTree> head = render_side(options.head, "head");
  if (!base || !head) {
    return k_exit_invalid;
  }
  std::vector<FileDiff> diffs = diff_trees(*base, *head);
  if (options.stat && !diffs.empty()) {
    print_stat(diffs, use_color(options.color), std::cout);
  } else {
    print_patch(diffs, use_color(options.color), std::cout);
  }
  return diffs.empty() ? k_exit_ok : k_exit_invalid;
}

Compilation compile_side(const source::Selection& selection, const char* side)
{
  auto source = source::open_source(selection);
  Compilation c = compile(*source);
  if (!c.diagnostics.empty()) {
    report(c.diagnostics, Format::text, c.tree, std::cerr);
  }
  if (c.diagnostics.has_errors()) {
    std::cerr << "edgegen: " << c.diagnostics.error_count() << " error(s) in the " << side << " ("
              << util::printable(source::describe(selection)) << ")\n";
  }
  return c;
}

RenderedTree rendered_tree(const Compilation& c)
{
  RenderRequest request;
  request.mode = RenderRequest::Mode::memory;
  return render(c, request).files;
}

bool use_color(const std::string& when)
{
  if (when == "auto") {
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return isatty(STDOUT_FILENO) && !(no_color && *no_color) && !(term && std::string(term) == "dumb");
  }
  return when == "always";
}

} // namespace edgegen::cli
