#include "cli/report.hpp"

#include "diag/codes.hpp"
#include "pipeline.hpp"
#include "source/source.hpp"
#include "util/strings.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

namespace edgegen::cli {
namespace {

source::SourceTree tree_with(const std::string& path, const std::string& bytes)
{
  source::SourceTree tree;
  tree.files.push_back({path, bytes, ""});
  return tree;
}

TEST(Report, TextShowsTheLineAndACaretUnderTheColumn)
{
  diag::Diagnostics diagnostics;
  diagnostics.error("E0501", {"a.yaml", 2, 9, ""}, "rule syntax: '(' is never closed", "add the missing ')'");
  std::ostringstream out;
  report(diagnostics, Format::text, tree_with("a.yaml", R"(x: 1
rule: a(b
)"),
         out);
  EXPECT_EQ(out.str(), R"(a.yaml:2:9: error[E0501]: rule syntax: '(' is never closed (hint: add the missing ')')
  2 | rule: a(b
    |         ^
)");
}

// Once compile() let go of the input's bytes (release_input), the report
// reads a file again from its directory for the line it shows, and shows
// none of a file that changed since it was read.
TEST(Report, TextReadsTheFileAgainAndShowsNoLineOfAFileChangedSince)
{
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("edgegen-report-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto write = [&](const std::string& bytes) { std::ofstream(dir / "a.yaml", std::ios::binary) << bytes; };
  write("x: 1\nrule: a(b\n");
  diag::Diagnostics none;
  source::SourceTree tree = source::directory_source(dir.string(), {}, "")->read(none);
  release_input(tree);
  ASSERT_EQ(tree.files.size(), 1u);
  EXPECT_TRUE(tree.files[0].bytes.empty());

  diag::Diagnostics diagnostics;
  diagnostics.error("E0501", {"a.yaml", 2, 9, ""}, "rule syntax: '(' is never closed", "add the missing ')'");
  const std::string first = "a.yaml:2:9: error[E0501]: rule syntax: '(' is never closed (hint: add the missing ')')\n";
  std::ostringstream read_again;
  report(diagnostics, Format::text, tree, read_again);
  EXPECT_EQ(read_again.str(), first + "  2 | rule: a(b\n    |         ^\n");

  write("x: 2\nrule: a(b\n");
  std::ostringstream changed;
  report(diagnostics, Format::text, tree, changed);
  EXPECT_EQ(changed.str(), first);
  fs::remove_all(dir);
}

// A stream that keeps each write it is handed, as std::cerr hands each to
// the system.
class Writes : public std::streambuf
{
public:
  std::vector<std::string> writes;

protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override
  {
    writes.emplace_back(s, static_cast<size_t>(n));
    return n;
  }
  int_type overflow(int_type c) override
  {
    if (c != traits_type::eof()) {
      writes.emplace_back(1, traits_type::to_char_type(c));
    }
    return c;
  }
};

TEST(Report, TextOfManyDiagnosticsIsWrittenInFewWritesOfWholeDiagnostics)
{
  diag::Diagnostics diagnostics;
  std::string bytes;
  std::string expected;
  for (int i = 1; i <= 2000; ++i) {
    std::string line = "m" + std::to_string(i) + ": {}";
    bytes += line + "\n";
    diagnostics.warning("W0601", {"a.yaml", i, 1, ""}, "middleware \"m" + std::to_string(i) + "\" is not used");
    std::string number = std::to_string(i);
    expected += "a.yaml:" + number + ":1: warning[W0601]: middleware \"m" + number + "\" is not used\n  " + number +
                " | " + line + "\n  " + std::string(number.size(), ' ') + " | ^\n";
  }
  Writes writes;
  std::ostream out(&writes);
  report(diagnostics, Format::text, tree_with("a.yaml", bytes), out);
  std::string all;
  for (const auto& write : writes.writes) {
    EXPECT_TRUE(util::ends_with(write, "^\n")) << write.substr(write.size() > 80 ? write.size() - 80 : 0);
    all += write;
  }
  EXPECT_EQ(all, expected);
  EXPECT_EQ(writes.writes.size(), expected.size() / (1 << 16) + 1);
}

TEST(Report, ColourPaintsLocationSeverityAndCaret)
{
  diag::Diagnostics diagnostics;
  diagnostics.warning("W0601", {"a.yaml", 1, 1, ""}, "middleware \"m\" is not used");
  std::ostringstream out;
  report(diagnostics, Format::text, tree_with("a.yaml", "m: {}\n"), out, true);
  EXPECT_EQ(out.str(), "\033[1ma.yaml:1:1:\033[0m \033[1;35mwarning[W0601]\033[0m: middleware \"m\" is not used\n"
                       "  1 | m: {}\n"
                       "    | \033[1;32m^\033[0m\n");
}

TEST(Report, SarifResultsPointAtFileLineAndColumn)
{
  diag::Diagnostics diagnostics;
  diagnostics.error("E0431", {"dir/a b.yaml", 3, 7, ""}, "bad host");
  std::ostringstream out;
  report(diagnostics, Format::sarif, {}, out);
  std::string sarif = out.str();
  EXPECT_NE(sarif.find("\"version\": \"2.1.0\""), std::string::npos) << sarif;
  EXPECT_NE(sarif.find("\"uri\": \"dir/a%20b.yaml\""), std::string::npos) << sarif;
  EXPECT_NE(sarif.find("\"startColumn\": 7,\n"), std::string::npos) << sarif;
  EXPECT_NE(sarif.find("\"ruleId\": \"E0431\""), std::string::npos) << sarif;
}

// The results are written one at a time, in the bytes of the log written as
// one value: each indented at its depth, the last without a comma, and
// every result's ruleIndex the index of its code among the rules.
TEST(Report, SarifResultsAreWrittenOneAtATimeInTheBytesOfTheWholeLog)
{
  const auto& codes = diag::codes();
  size_t index = 0;
  while (index < codes.size() && std::string_view(codes[index].code) != "W0601") {
    ++index;
  }
  ASSERT_LT(index, codes.size());
  diag::Diagnostics diagnostics;
  diag::Diagnostic patched;
  patched.severity = diag::Severity::warning;
  patched.code = "W0601";
  patched.location = {"a.yaml", 2, 3, ""};
  patched.message = "middleware \"m\" is not used";
  patched.patched_in = "prod";
  patched.before = {{"b.yaml", 4, 5}};
  diagnostics.add(patched);
  diagnostics.error("E9999", {"", 0, 0, ""}, "no such code", "a hint");
  std::ostringstream out;
  report(diagnostics, Format::sarif, {}, out);
  const std::string sarif = out.str();
  const std::string results = R"sarif({
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "runs": [
    {
      "results": [
        {
          "level": "error",
          "message": {
            "text": "no such code (hint: a hint)"
          },
          "ruleId": "E9999"
        },
        {
          "level": "warning",
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "a.yaml"
                },
                "region": {
                  "startColumn": 3,
                  "startLine": 2
                }
              }
            }
          ],
          "message": {
            "text": "middleware \"m\" is not used"
          },
          "relatedLocations": [
            {
              "id": 1,
              "message": {
                "text": "the value before environment \"prod\"'s patch"
              },
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "b.yaml"
                },
                "region": {
                  "startColumn": 5,
                  "startLine": 4
                }
              }
            }
          ],
          "ruleId": "W0601",
          "ruleIndex": )sarif" +
                              std::to_string(index) + R"sarif(
        }
      ],
      "tool": {
        "driver": {
          "name": "edgegen",
          "rules": [
            {
)sarif";
  EXPECT_EQ(sarif.substr(0, results.size()), results);
  EXPECT_TRUE(util::ends_with(sarif, "          \"version\": \"" EDGEGEN_VERSION "\"\n        }\n      }\n    }\n  ],\n"
                                     "  \"version\": \"2.1.0\"\n}\n"))
      << sarif.substr(sarif.size() - 200);

  std::ostringstream empty;
  report(diag::Diagnostics(), Format::sarif, {}, empty);
  EXPECT_NE(empty.str().find("    {\n      \"results\": [],\n      \"tool\": {\n"), std::string::npos) << empty.str();
}

TEST(Report, AnyByteInAMessageIsReportedInEveryFormat)
{
  diag::Diagnostics diagnostics;
  diagnostics.error("E0501", {"a\xff.yaml", 1, 1, ""},
                    "unexpected '\xc2' in `Host(\xe2\x80\x9c"
                    "a\xe2\x80\x9d)`",
                    "quote with \xff");
  for (Format format : {Format::text, Format::json, Format::sarif, Format::github}) {
    std::ostringstream out;
    report(diagnostics, format, {}, out);
    EXPECT_EQ(util::find_invalid_utf8(out.str()), std::string::npos) << out.str();
    EXPECT_NE(out.str().find("xC2' in `Host(\xe2\x80\x9c"
                             "a\xe2\x80\x9d)`"),
              std::string::npos)
        << out.str();
  }
}

} // namespace
} // namespace edgegen::cli
