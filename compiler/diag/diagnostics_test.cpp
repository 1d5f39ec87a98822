#include "diag/diagnostics.hpp"
#include "diag/parallel.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace edgegen::diag {
namespace {

// "severity file:line:col: CODE: message [hint]" of each diagnostic.
std::vector<std::string> lines(const std::vector<Diagnostic>& diagnostics)
{
  std::vector<std::string> out;
  for (const auto& d : diagnostics) {
    out.push_back(std::string(d.severity == Severity::error ? "error " : "warning ") + format_location(d.location) +
                  ": " + d.code + ": " + d.message + (d.hint.empty() ? "" : " [" + d.hint + "]"));
  }
  return out;
}

// The diagnostics in the order they were added (update visits them so).
std::vector<std::string> in_order(Diagnostics& diagnostics)
{
  std::vector<Diagnostic> out;
  diagnostics.update([&](Diagnostic& d) { out.push_back(d); });
  return lines(out);
}

TEST(Diagnostics, CountsErrorsAndWarningsApart)
{
  Diagnostics d;
  EXPECT_TRUE(d.empty());
  EXPECT_FALSE(d.has_errors());
  d.warning("W0601", Location("a.yaml", 1, 1), "unused");
  EXPECT_FALSE(d.empty());
  EXPECT_FALSE(d.has_errors());
  EXPECT_EQ(d.warning_count(), 1u);
  d.error("E0101", Location("a.yaml", 2, 1), "invalid YAML", "close the brace");
  d.add({Severity::error, "E0102", Location("a.yaml", 3, 1), "duplicate key", "", "", {}});
  EXPECT_TRUE(d.has_errors());
  EXPECT_EQ(d.error_count(), 2u);
  EXPECT_EQ(d.warning_count(), 1u);
}

TEST(Diagnostics, SortsByFileLineColumnCodeMessageAndHint)
{
  Diagnostics d;
  d.error("E0302", Location("b.yaml", 1, 1), "second file");
  d.error("E0301", Location("a.yaml", 10, 1), "line 10");
  d.error("E0301", Location("a.yaml", 2, 9), "column 9");
  d.error("E0301", Location("a.yaml", 2, 3), "column 3");
  d.error("E0303", Location("a.yaml", 2, 3), "code E0303");
  d.error("E0301", Location("a.yaml", 2, 3), "another message");
  d.error("E0301", Location("a.yaml", 2, 3), "column 3", "with a hint");
  d.warning("W0601", Location("a.yaml"), "whole file");
  EXPECT_EQ(lines(d.sorted()), (std::vector<std::string>{
                                   "warning a.yaml: W0601: whole file",
                                   "error a.yaml:2:3: E0301: another message",
                                   "error a.yaml:2:3: E0301: column 3",
                                   "error a.yaml:2:3: E0301: column 3 [with a hint]",
                                   "error a.yaml:2:3: E0303: code E0303",
                                   "error a.yaml:2:9: E0301: column 9",
                                   "error a.yaml:10:1: E0301: line 10",
                                   "error b.yaml:1:1: E0302: second file",
                               }));
  // sorted() is a copy: the order they were added in stays.
  EXPECT_EQ(in_order(d).front(), "error b.yaml:1:1: E0302: second file");
}

TEST(Diagnostics, SortedDropsADuplicateNextToItsTwinAndKeepsTheFirst)
{
  Diagnostics d;
  d.error("E0401", Location("a.yaml", 1, 1), "same");
  Diagnostic patched{Severity::error, "E0401", Location("a.yaml", 1, 1), "same", "", "prod", {Position("p.yaml", 7)}};
  d.add(patched);                                              // patched_in and before do not count
  d.error("E0401", Location("a.yaml", 1, 1, "/spec"), "same"); // nor does the pointer
  d.warning("E0401", Location("a.yaml", 1, 1), "same");        // another severity: kept
  d.error("E0401", Location("a.yaml", 1, 1), "same", "hint");  // another hint: kept
  d.error("E0401", Location("a.yaml", 1, 1), "same");          // after the warning: not next to its twin
  std::vector<Diagnostic> sorted = d.sorted();
  EXPECT_EQ(lines(sorted), (std::vector<std::string>{
                               "error a.yaml:1:1: E0401: same",
                               "warning a.yaml:1:1: E0401: same",
                               "error a.yaml:1:1: E0401: same",
                               "error a.yaml:1:1: E0401: same [hint]",
                           }));
  EXPECT_EQ(sorted.front().patched_in, ""); // the first added is the one kept
  // Counting happens as they are added, duplicates included.
  EXPECT_EQ(d.error_count(), 5u);
  EXPECT_EQ(d.warning_count(), 1u);
}

TEST(Diagnostics, WhatAnEarlierListHoldsIsLeftOutAsItIsAdded)
{
  Diagnostics first;
  first.error("E0401", Location("a.yaml", 1, 1), "same");
  first.warning("W0601", Location("b.yaml", 2, 1), "unused");
  auto earlier = std::make_shared<const std::vector<Diagnostic>>(first.sorted());
  Diagnostics d;
  d.leave_out(earlier);
  d.error("E0401", Location("a.yaml", 1, 1), "same");          // left out
  d.error("E0401", Location("a.yaml", 1, 1, "/spec"), "same"); // the pointer does not count: left out
  d.warning("W0601", Location("b.yaml", 2, 1), "unused");      // left out
  d.warning("E0401", Location("a.yaml", 1, 1), "same");        // another severity: kept
  d.error("E0401", Location("a.yaml", 1, 1), "same", "hint");  // another hint: kept
  d.error("E0401", Location("a.yaml", 1, 2), "same");          // another column: kept
  EXPECT_EQ(in_order(d),
            (std::vector<std::string>{"warning a.yaml:1:1: E0401: same", "error a.yaml:1:1: E0401: same [hint]",
                                      "error a.yaml:1:2: E0401: same"}));
  EXPECT_EQ(d.error_count(), 2u); // what is left out is not counted
  EXPECT_EQ(d.size(), 3u);
  EXPECT_EQ(d.left_out(), earlier);
}

TEST(Diagnostics, MessagesAndHintsThatAreNotUtf8AreEscaped)
{
  Diagnostics d;
  d.error("E0203", Location("a.yaml", 1, 1), "bad host \"caf\xe9\"", "not \xff\xfe");
  d.warning("W0601", Location("a.yaml", 2, 1), "caf\xc3\xa9 is fine");
  EXPECT_EQ(lines(d.sorted()), (std::vector<std::string>{
                                   "error a.yaml:1:1: E0203: bad host \"caf\\xE9\" [not \\xFF\\xFE]",
                                   "warning a.yaml:2:1: W0601: caf\xc3\xa9 is fine",
                               }));
}

TEST(Diagnostics, AppendAddsEverythingInOrderAndCountsIt)
{
  // A copy leaves the source as it was; a move empties it.
  for (bool move : {false, true}) {
    Diagnostics first;
    first.error("E0101", Location("a.yaml", 1, 1), "one");
    Diagnostics second;
    second.warning("W0601", Location("b.yaml", 1, 1), "two");
    second.error("E0101", Location("a.yaml", 1, 1), "three");
    move ? first.append(std::move(second)) : first.append(second);
    EXPECT_EQ(in_order(first),
              (std::vector<std::string>{"error a.yaml:1:1: E0101: one", "warning b.yaml:1:1: W0601: two",
                                        "error a.yaml:1:1: E0101: three"}));
    EXPECT_EQ(first.error_count(), 2u);
    EXPECT_EQ(first.warning_count(), 1u);
    EXPECT_EQ(second.error_count(), move ? 0u : 1u); // NOLINT(bugprone-use-after-move)
    EXPECT_EQ(second.empty(), move);

    Diagnostics empty; // moved into an empty sink: the same items and counts
    empty.append(std::move(first));
    EXPECT_EQ(in_order(empty).size(), 3u);
    EXPECT_EQ(empty.error_count(), 2u);
  }
}

TEST(Diagnostics, SortedFromAnRvalueIsTheSameListAsTheCopy)
{
  Diagnostics d;
  d.error("E0302", Location("b.yaml", 1, 1), "second file");
  d.error("E0301", Location("a.yaml", 2, 3), "column 3");
  d.error("E0301", Location("a.yaml", 2, 3), "column 3"); // a duplicate: dropped by both
  d.warning("W0601", Location("a.yaml"), "whole file");
  std::vector<std::string> copied = lines(d.sorted());
  EXPECT_EQ(lines(std::move(d).sorted()), copied);
  EXPECT_EQ(copied, (std::vector<std::string>{"warning a.yaml: W0601: whole file", "error a.yaml:2:3: E0301: column 3",
                                              "error b.yaml:1:1: E0302: second file"}));
}

TEST(Diagnostics, UpdateAmendsEverythingButTheSeverity)
{
  Diagnostics d;
  d.warning("W0601", Location("a.yaml", 1, 1), "unused");
  d.error("E0401", Location("a.yaml", 2, 1), "unknown");
  d.update([](Diagnostic& x) {
    x.message += " (in prod)";
    x.patched_in = "prod";
    x.severity = x.severity == Severity::error ? Severity::warning : Severity::error;
  });
  EXPECT_EQ(lines(d.sorted()), (std::vector<std::string>{"warning a.yaml:1:1: W0601: unused (in prod)",
                                                         "error a.yaml:2:1: E0401: unknown (in prod)"}));
  EXPECT_EQ(d.sorted().at(0).patched_in, "prod");
  EXPECT_EQ(d.error_count(), 1u);
}

TEST(DiagnosticsParallel, ReportsInIndexOrderWhateverThreadRanFirst)
{
  for (size_t grain : {1u, 3u, 16u, 1000u}) {
    Diagnostics out;
    out.warning("W0601", Location("before.yaml"), "already there");
    parallel_for(
        200, out,
        [](size_t i, Diagnostics& sink) {
          if (i % 3 == 0) {
            sink.error("E0401", Location("f.yaml", static_cast<int>(200 - i), 1), std::to_string(i));
          }
          if (i % 5 == 0) {
            sink.warning("W0602", Location("f.yaml", static_cast<int>(200 - i), 2), std::to_string(i));
          }
        },
        grain);
    std::vector<std::string> expected{"warning before.yaml: W0601: already there"};
    for (size_t i = 0; i < 200; ++i) {
      std::string line = std::to_string(200 - i);
      if (i % 3 == 0) {
        expected.push_back("error f.yaml:" + line + ":1: E0401: " + std::to_string(i));
      }
      if (i % 5 == 0) {
        expected.push_back("warning f.yaml:" + line + ":2: W0602: " + std::to_string(i));
      }
    }
    EXPECT_EQ(in_order(out), expected) << "grain " << grain;
    EXPECT_EQ(out.error_count(), 67u);
    EXPECT_EQ(out.warning_count(), 41u);
  }
}

TEST(DiagnosticsParallel, EverySinkLeavesOutWhatTheOutputLeavesOut)
{
  Diagnostics first;
  first.error("E0401", Location("f.yaml", 3, 1), "again");
  Diagnostics out;
  out.leave_out(std::make_shared<const std::vector<Diagnostic>>(first.sorted()));
  parallel_for(
      40, out,
      [](size_t i, Diagnostics& sink) {
        sink.error("E0401", Location("f.yaml", 3, 1), "again");
        sink.error("E0402", Location("f.yaml", static_cast<int>(i) + 1, 1), "new");
        EXPECT_EQ(sink.size(), 1u);
      },
      1);
  EXPECT_EQ(out.size(), 40u);
  EXPECT_EQ(out.error_count(), 40u);
  EXPECT_EQ(in_order(out).front(), "error f.yaml:1:1: E0402: new");
}

TEST(Diagnostics, ASilencedWarningIsNeverHeldAndAnErrorAlwaysIs)
{
  Diagnostics diagnostics;
  diagnostics.silence(std::make_shared<const Diagnostics::Silencer>(
      [](const Diagnostic& d) { return d.code == "W0601" && d.location.line == 3; }));
  diagnostics.warning("W0601", Location("f.yaml", 3, 1), "silenced");
  diagnostics.warning("W0601", Location("f.yaml", 4, 1), "another line");
  diagnostics.warning("W0602", Location("f.yaml", 3, 1), "another code");
  // Errors cannot be silenced, whatever the silencer says of them.
  diagnostics.error("W0601", Location("f.yaml", 3, 1), "an error");
  EXPECT_EQ(diagnostics.size(), 3u);
  EXPECT_EQ(diagnostics.warning_count(), 2u);
  EXPECT_EQ(in_order(diagnostics),
            (std::vector<std::string>{"warning f.yaml:4:1: W0601: another line",
                                      "warning f.yaml:3:1: W0602: another code", "error f.yaml:3:1: W0601: an error"}));
}

TEST(DiagnosticsParallel, EverySinkSilencesWhatTheOutputSilences)
{
  Diagnostics out;
  out.silence(std::make_shared<const Diagnostics::Silencer>([](const Diagnostic& d) { return d.code == "W0601"; }));
  parallel_for(
      40, out,
      [](size_t i, Diagnostics& sink) {
        sink.warning("W0601", Location("f.yaml", static_cast<int>(i) + 1, 1), "silenced");
        sink.warning("W0602", Location("f.yaml", static_cast<int>(i) + 1, 1), "kept");
        EXPECT_EQ(sink.size(), 1u);
      },
      1);
  EXPECT_EQ(out.size(), 40u);
  EXPECT_EQ(in_order(out).front(), "warning f.yaml:1:1: W0602: kept");
}

TEST(DiagnosticsParallel, NothingToDoReportsNothing)
{
  Diagnostics out;
  parallel_for(0, out, [](size_t, Diagnostics& sink) { sink.error("E0401", Location("x"), "never"); });
  EXPECT_TRUE(out.empty());
}

} // namespace
} // namespace edgegen::diag
