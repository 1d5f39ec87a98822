#include "cli/plan_command.hpp"

#include "cli/commands.hpp"
#include "cli/diff_command.hpp"
#include "cli/report.hpp"
#include "pipeline.hpp"
#include "review/plan.hpp"

#include <iostream>
#include <optional>

namespace edgegen::cli {

namespace {

struct Side
{
  Compilation compilation;
  bool whole = false; // read and validated: its model has every part
};

Side compile_whole(const source::Selection& selection, const char* side)
{
  Side out{compile_side(selection, side), false};
  out.whole = model_is_whole(out.compilation.diagnostics);
  return out;
}

} // namespace

int plan_command(const PlanOptions& options)
{
  // Both sides are compiled (and reported) before anything is compared, so
  // one run shows the problems of both.
  Side base = compile_whole(options.base, "base");
  Side head = compile_whole(options.head, "head");
  if (!base.whole || !head.whole) {
    return k_exit_invalid;
  }
  review::Plan plan = review::make_plan(base.compilation.model, head.compilation.model);
  bool invalid = base.compilation.diagnostics.has_errors() || head.compilation.diagnostics.has_errors();
  // The plan reads the model; the rendered files may still change in ways it
  // does not speak of (an entry point, a Traefik setting): say so rather
  // than "no changes".
  bool files_differ = !invalid && plan.empty() && rendered_tree(base.compilation) != rendered_tree(head.compilation);
  if (files_differ) {
    std::cout << (options.markdown ? "### edgegen plan\n\n" : "")
              << "No route, certificate, DNS record or middleware changes, but the rendered files change: "
                 "`edgegen diff` shows how.\n";
  } else if (options.markdown) {
    std::cout << review::plan_markdown(plan, head.compilation.model);
  } else {
    std::cout << review::plan_text(plan, use_color(options.color));
  }
  return invalid || files_differ || !plan.empty() ? k_exit_invalid : k_exit_ok;
}

} // namespace edgegen::cli
