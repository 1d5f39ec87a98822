#include "rules/go_regexp.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace edgegen::rules {
namespace {

struct Case
{
  const char* pattern;
  const char* text;
  bool expected;
};

// Go's regexp.MatchString on each, as Traefik calls it.
const Case k_cases[] = {
    // An unanchored search, case-sensitive, ^ and $ at the ends of the text
    // only (Go's $ does not match before a final newline).
    {R"r(b)r", "abc", true},
    {R"r(^b)r", "abc", false},
    {R"r(^[a-z]+\.com$)r", "example.com", true},
    {R"r(^[A-Z]+\.com$)r", "example.com", false},
    {R"r(^a$)r", "a\n", false},
    {R"r((?m)^a$)r", R"(b
a
)",
     true},
    {R"r(^.$)r", "\n", false},
    {R"r((?s)^.$)r", "\n", true},
    // Alternation, and Perl classes, which are ASCII in Go.
    {R"r(^(a|ab)$)r", "ab", true},
    {R"r(^\d$)r", "\u0663", false},
    {R"r(^\pN$)r", "\u0663", true},
    {R"r(^\p{Greek}+$)r", "\u03bb\u03b1", true},
    {R"r(^\p{^Greek}$)r", "\u03bb", false},
    {R"r(\bcss\b)r", "a css b", true},
    {R"r((?i)^STRASSE$)r", "strasse", true},
    // A `{` that starts no repetition is a literal, as in the v2-looking
    // patterns Traefik v3 reads as plain regexps.
    {R"r(^http{secure:s?}$)r", "http{secure:s}", true},
    {R"r(^http{secure:s?}$)r", "https", false},
    {R"r(/{path:(css|js)})r", "/{path:css}/", true},
    // Go 1.22's (?<name>...) is rewritten for RE2 only where it opens a group.
    // Go allows a name twice (regexp.SubexpIndex documents it).
    {R"r(^(?P<n>a)(?<n>b)$)r", "ab", true},
    {R"r(^(?<year>[0-9]{4})-(?P<month>[0-9]{2})$)r", "2024-05", true},
    {R"r(^[(?<a>)]$)r", "<", true},
    {R"r(^[(?<a>)]$)r", "P", false},
    {R"r(^[^]?<]$)r", "P", true},
    {R"r(^[[:digit:](?<a>]+$)r", "(?<a>1", true},
    {R"r(^[[:digit:](?<a>]+$)r", "P", false},
    {R"r(^\(?<a>$)r", "(<a>", true},
    {R"r(^\Q(?<a>\E$)r", "(?<a>", true},
    {R"r(^\Q(?<a>\E$)r", "(?P<a>", false},
    {R"r(^\Q(?<a>\E(?<b>x)$)r", "(?<a>x", true},
    // Go 1.25's Unicode class names, spelled for RE2 (go_unicode_classes.cpp).
    {R"r(^\p{Letter}+$)r", "\u00e9t\u00e9", true},
    {R"r(^\p{letter}$)r", "1", false},
    {R"r(^\p{greek}$)r", "\u03bb", true},
    {R"r(^\pl$)r", "x", true},
    {R"r(^\p{Old_Italic}$)r", "\U00010300", true},
    {R"r(^\p{OldItalic}$)r", "\U00010300", true},
    {R"r(^\p{ASCII}+$)r", "abc", true},
    {R"r(^\p{ASCII}$)r", "\u00e9", false},
    {R"r(^\P{ASCII}$)r", "\u00e9", true},
    {R"r(^[^\p{ASCII}]$)r", "a", false},
    {R"r(^[x\P{ascii}]$)r", "\u00e9", true},
    {R"r(^[x\P{ascii}]$)r", "a", false},
    {R"r((?i)^\p{ASCII}$)r", "\u212a", true},
    {R"r(^\p{LC}$)r", "a", true},
    {R"r(^\p{LC}$)r", "\u01c5", true},
    {R"r(^\p{LC}$)r", "\u02b0", false},
    {R"r(^\P{LC}$)r", "\u02b0", true},
    {R"r(^[1\p{Cased_Letter}]+$)r", "a1B", true},
    {R"r(^\p{Assigned}$)r", "a", true},
    {R"r(^\p{Assigned}$)r", "\u0378", false},
    {R"r(^\p{Cn}$)r", "\u0378", true},
    {R"r(^\p{Unassigned}$)r", "a", false},
    {R"r(^\P{Cn}$)r", "a", true},
    {R"r(^\p{Any}$)r", "\n", true},
    {R"r(^\p{Kawi}$)r", "\U00011F00", true},
    {R"r(^\p{Kawi}$)r", "\U00011F11", false},
    {R"r(^[\p{Nag_Mundari}]$)r", "\U0001E4D0", true},
    {R"r(^[^\p{Nag_Mundari}]$)r", "\U0001E4D0", false},
    {R"r(^[\P{Kawi}]$)r", "a", true},
    {R"r(^[\P{Kawi}]$)r", "\U00011F00", false},
    {R"r(^\p{digit}$)r", "\u0663", true},
    // Text that is not UTF-8: Go reads each bad byte as U+FFFD.
    {R"r(^/.*$)r", "/\xff", true},
    {R"r(^/.$)r", "/\xff", true},
    {R"r(^/..$)r", "/\xe2\x82", true},
    {R"r(^/\x{FFFD}$)r", "/\xff", true},
    {R"r(^/[^a]$)r", "/\xff", true},
    {R"r(^/[\x00-\x7f]$)r", "/\xff", false},
    {R"r(^/\xff$)r", "/\xff", false},
    {R"r(^/\xff$)r", "/\u00ff", true},
    // Patterns Go refuses match nothing, even those RE2 alone would take.
    {R"r(\C)r", "a", false},
    {R"r((?=a))r", "a", false},
    {R"r(a**)r", "aa", false},
    {R"r(\pL{1001})r", "a", false},
};

TEST(GoRegexpSearch, MatchesAsGoDoes)
{
  for (const auto& c : k_cases) {
    EXPECT_EQ(go_regexp_search(c.pattern, c.text), c.expected) << c.pattern << " on " << c.text;
  }
}

TEST(GoRegexpSearch, CompilesWhatGoCompiles)
{
  EXPECT_TRUE(go_regexp_compiles(R"r(^(?<name>a)$)r"));
  EXPECT_TRUE(go_regexp_compiles(R"r({domain:[a-zA-Z-]+\.com})r"));
  EXPECT_TRUE(go_regexp_compiles(""));
  EXPECT_FALSE(go_regexp_compiles(R"r(\C)r"));
  EXPECT_FALSE(go_regexp_compiles(R"r((?<=a)b)r"));
  EXPECT_FALSE(go_regexp_compiles(R"r(\Z)r"));
  EXPECT_FALSE(go_regexp_compiles("[a"));
}

TEST(GoRegexpSearch, TheEmptyPatternMatchesTheEmptyText)
{
  // HostRegexp relies on it: Traefik also tries the empty CNAME-flattening result.
  EXPECT_TRUE(go_regexp_search("", ""));
  EXPECT_TRUE(go_regexp_search("^$", ""));
  EXPECT_TRUE(go_regexp_search("x*", ""));
  EXPECT_FALSE(go_regexp_search("x", ""));
}

TEST(GoRegexpSearch, ARepeatedUnicodeClassGetsTheBudgetItNeeds)
{
  // About 600,000 RE2 instructions, past RE2's default budget; Go counts 500.
  std::string letters;
  for (int i = 0; i < 500; ++i) {
    letters += "\u00e9";
  }
  EXPECT_TRUE(go_regexp_search(R"r(^\pL{500}$)r", letters));
  EXPECT_FALSE(go_regexp_search(R"r(^\pL{500}$)r", letters + "1"));
}

TEST(GoRegexpSearch, SearchesFromSeveralThreads)
{
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&wrong] {
      for (int i = 0; i < 200; ++i) {
        std::string n = std::to_string(i % 50);
        if (!go_regexp_search("^/v" + n + "/", "/v" + n + "/x") || go_regexp_search("^/v" + n + "$", "/v")) {
          ++wrong;
        }
      }
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  EXPECT_EQ(wrong.load(), 0);
}

} // namespace
} // namespace edgegen::rules
