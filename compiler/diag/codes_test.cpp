#include "diag/codes.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace edgegen::diag {
namespace {

// "E01", "W06", ...: the families one part of the table holds.
std::set<std::string> families(void (*add)(std::vector<CodeInfo>&))
{
  std::vector<CodeInfo> part;
  add(part);
  std::set<std::string> out;
  for (const auto& info : part) {
    out.insert(std::string(info.code).substr(0, 3));
  }
  return out;
}

bool well_formed(const std::string& code)
{
  return code.size() == 5 && (code[0] == 'E' || code[0] == 'W') &&
         code.find_first_not_of("0123456789", 1) == std::string::npos;
}

TEST(Codes, EveryCodeIsWellFormedUniqueSortedAndFullyDescribed)
{
  const auto& all = codes();
  ASSERT_FALSE(all.empty());
  std::set<std::string> seen;
  std::string previous;
  for (const auto& info : all) {
    std::string code = info.code;
    EXPECT_TRUE(well_formed(code)) << code;
    EXPECT_TRUE(seen.insert(code).second) << code << " twice";
    EXPECT_LT(previous, code);
    previous = code;
    EXPECT_NE(std::string(info.meaning), "") << code;
    EXPECT_NE(std::string(info.example), "") << code;
    EXPECT_NE(std::string(info.explanation), "") << code;
    // One table row each: no cell may break the Markdown table.
    for (const char* cell : {info.meaning, info.example}) {
      EXPECT_EQ(std::string(cell).find('\n'), std::string::npos) << code;
    }
  }
}

TEST(Codes, EachPartOfTheTableHoldsItsFamilies)
{
  EXPECT_EQ(families(detail::add_input_codes), (std::set<std::string>{"E01", "E02", "E03", "E04"}));
  EXPECT_EQ(families(detail::add_check_codes), (std::set<std::string>{"E04", "E05", "E08", "W06"}));
  EXPECT_EQ(families(detail::add_import_codes), (std::set<std::string>{"E04", "W06"}));
  std::vector<CodeInfo> parts;
  detail::add_input_codes(parts);
  detail::add_check_codes(parts);
  detail::add_import_codes(parts);
  EXPECT_EQ(parts.size(), codes().size());
}

TEST(Codes, FindCodeAnswersForEveryCodeAndNothingElse)
{
  for (const auto& info : codes()) {
    const CodeInfo* found = find_code(info.code);
    ASSERT_NE(found, nullptr) << info.code;
    EXPECT_EQ(found, &info);
  }
  const CodeInfo* yaml = find_code("E0101");
  ASSERT_NE(yaml, nullptr);
  EXPECT_EQ(std::string(yaml->meaning), "invalid YAML");
  EXPECT_EQ(find_code("E9999"), nullptr);
  EXPECT_EQ(find_code("e0101"), nullptr);
  EXPECT_EQ(find_code("E010"), nullptr);
  EXPECT_EQ(find_code(""), nullptr);
}

TEST(Codes, TheLetterGivesTheSeverity)
{
  EXPECT_EQ(severity_of("W0601"), Severity::warning);
  EXPECT_EQ(severity_of("E0101"), Severity::error);
  EXPECT_EQ(severity_of("W"), Severity::warning);
  EXPECT_EQ(severity_of(""), Severity::error);
  EXPECT_EQ(severity_of("w0601"), Severity::error);
}

TEST(Codes, MarkdownHasAHeaderAndOneRowPerCode)
{
  std::string table = codes_markdown();
  EXPECT_EQ(table.rfind("| code | meaning | example |\n|---|---|---|\n| E0101 | invalid YAML | "
                        "`invalid YAML: end of map flow not found` |\n",
                        0),
            0u);
  size_t rows = 0;
  for (char c : table) {
    rows += c == '\n';
  }
  EXPECT_EQ(rows, codes().size() + 2);
}

TEST(Codes, ExplainWrapsTheTextAndIndentsTheExamples)
{
  std::string words;
  for (int i = 0; i < 30; ++i) {
    words += (i ? " w" : "w") + std::string(i < 10 ? "00" : "0") + std::to_string(i);
  }
  CodeInfo error{"E0999", "a meaning", "`an example`", words.c_str(), "a: 1\n\nb: [2]", "a: 2"};
  EXPECT_EQ(explain(error), "E0999 (error): a meaning\n"
                            "\n"
                            "w000 w001 w002 w003 w004 w005 w006 w007 w008 w009 w010 w011 w012 w013 w014 w015 "
                            "w016 w017 w018\n"
                            "w019 w020 w021 w022 w023 w024 w025 w026 w027 w028 w029\n"
                            "\n"
                            "Example that fails:\n"
                            "\n"
                            "    a: 1\n"
                            "\n"
                            "    b: [2]\n"
                            "\n"
                            "Fix:\n"
                            "\n"
                            "    a: 2\n");
}

TEST(Codes, ExplainTellsAWarningHowToSilenceIt)
{
  CodeInfo warning{"W0999", "a meaning", "`an example`", "Short.", "x: 1", ""};
  EXPECT_EQ(explain(warning), R"(W0999 (warning): a meaning

Short.

Example that warns:

    x: 1

To keep it on purpose, silence it for one document:

    metadata:
      annotations:
        edgegen.dev/ignore: "W0999"
)");
  CodeInfo bare{"E0998", "a meaning", "`an example`", "Short.", "", ""};
  EXPECT_EQ(explain(bare), "E0998 (error): a meaning\n\nShort.\n");
}

TEST(Codes, EveryCodeExplainsItself)
{
  for (const auto& info : codes()) {
    std::string text = explain(info);
    std::string kind = severity_of(info.code) == Severity::warning ? " (warning): " : " (error): ";
    EXPECT_EQ(text.rfind(std::string(info.code) + kind + info.meaning + "\n\n", 0), 0u) << info.code;
    EXPECT_EQ(text.back(), '\n') << info.code;
  }
}

} // namespace
} // namespace edgegen::diag
