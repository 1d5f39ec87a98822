#include "load/load.hpp"
#include "model/internal.hpp"

#include <gtest/gtest.h>

namespace edgegen::model {
namespace {

// What WrittenText::lines holds for the rule of the first route of `file`.
std::string lines_of(const std::string& file)
{
  static const std::string name = "a.yaml";
  diag::Diagnostics diagnostics;
  std::vector<load::Node> documents = load::read_yaml(name, file, diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  const load::Node* rule = documents.at(0).find("routes")->items.at(0).find("rule");
  return detail::written_lines(file, *rule);
}

TEST(WrittenLines, AreTheValuesLinesUpToTheNextLineNoDeeperThanItsKey)
{
  // A block scalar, with a blank line inside it; the item's next key ends it.
  EXPECT_EQ(lines_of("routes:\n  - rule: |\n      A(`x`)\n\n        && B\n    service: web\n"),
            "|\n      A(`x`)\n\n        && B");
  // A plain scalar continued, up to the next item.
  EXPECT_EQ(lines_of("routes:\n  - rule: A(`x`)\n      && B\n  - rule: C\n"), "A(`x`)\n      && B");
  // A double-quoted one at the end of a file with no newline at its end.
  EXPECT_EQ(lines_of("routes:\n- rule: \"A &&\n    B\""), "\"A &&\n    B\"");
  // In a flow mapping the lines count from the line's own indentation.
  EXPECT_EQ(lines_of("routes:\n  - {rule: \"A &&\n   B\", service: web}\nnext: 1\n"), "\"A &&\n   B\", service: web}");
  // A value on one line needs none.
  EXPECT_EQ(lines_of("routes:\n  - rule: A && B\n    service: web\n"), "");
}

} // namespace
} // namespace edgegen::model
