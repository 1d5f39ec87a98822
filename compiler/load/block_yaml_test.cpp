#include "load/block_yaml.hpp"
#include "load/load.hpp"
#include "testing.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>

namespace edgegen::load {
namespace {

// Reads nothing: only whether the block reader takes the text.
class Ignore : public detail::BlockEvents
{
public:
  void document_start(int, int) override {}
  void document_end() override {}
  void map_start(int, int) override {}
  void map_end() override {}
  void sequence_start(int, int) override {}
  void sequence_end() override {}
  void scalar(int, int, bool, std::string) override {}
  void null(int, int) override {}
};

bool takes(const std::string& text)
{
  Ignore events;
  return detail::read_block_yaml(text, events);
}

std::string described(const diag::Diagnostics& d)
{
  std::string out;
  for (const auto& one : d.sorted()) {
    out += diag::format_location(one.location) + " " + one.code + " " + one.message + " | " + one.hint + "\n";
  }
  return out;
}

// Node::same_as, but a NaN is the same as a NaN written in the same place.
bool same_tree(const Node& a, const Node& b)
{
  if (a.kind == Node::Kind::floating && b.kind == Node::Kind::floating && std::isnan(a.floating) &&
      std::isnan(b.floating)) {
    Node x = a;
    Node y = b;
    x.floating = 0;
    y.floating = 0;
    return x.same_as(y);
  }
  if (a.items.size() != b.items.size() || !a.without_items().same_as(b.without_items())) {
    return false;
  }
  for (size_t i = 0; i < a.items.size(); ++i) {
    if (!same_tree(a.items[i], b.items[i])) {
      return false;
    }
  }
  return true;
}

// read_yaml (the block reader where it takes the text) against yaml-cpp
// alone: the same nodes (kinds, values, styles, every location) and the same
// diagnostics.
void expect_same_as_yaml_cpp(const std::string& name, const std::string& text)
{
  diag::Diagnostics fast_found;
  diag::Diagnostics general_found;
  std::vector<Node> fast = read_yaml(name, text, fast_found);
  std::vector<Node> general = detail::read_yaml_cpp(name, text, general_found);
  EXPECT_EQ(described(fast_found), described(general_found)) << name;
  ASSERT_EQ(fast.size(), general.size()) << name;
  for (size_t i = 0; i < fast.size(); ++i) {
    EXPECT_TRUE(same_tree(fast[i], general[i])) << name << ": document " << i << " differs";
  }
}

const char* const k_project = R"(# a team's project
apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata:
  name: team-00003
  annotations:
    edgegen.dev/ignore: "W0601, W0602"
spec:
  services:
    api:
      port: 3000
      healthCheck: {path: /healthz}
    web:
      port: 80   # the default
      urls: ["http://10.0.0.1:80", 'http://it''s:80', "http://10.0.0.2:80", plain]
  routes:
    - name: web
      host: team-00003.${domain}
      service: web
      middlewares: [secure-headers, compress]
    -   name: tenants
        host: "*.team-00003.${domain}"
        tls: true
        priority: -5
        weight: 1.5
    - name: beta
      rule: Host(`beta.${domain}`) && Header(`X-Beta`, `1`) || PathRegexp(`^/v[0-9]+/#x`)
      entryPoints: []
      issuer: ~
      note: a#b c:d  
  middlewares:
    retry:
      retry:
        attempts: 3
        list:
          - 1
          - two
          - null
          - NULL
          - Null
          - .nan
          - [a, 'b c', "d"]
---
apiVersion: edgegen.dev/v1alpha1
kind: Project
metadata: {name: second}
)";

TEST(BlockYaml, TakesPlainBlockYamlAndBuildsWhatYamlCppBuilds)
{
  // healthCheck and metadata are flow mappings: the block reader declines
  // them, so cut those lines for a text it takes.
  std::string text = k_project;
  EXPECT_FALSE(takes(text));
  expect_same_as_yaml_cpp("in.yaml", text);
  for (const char* cut : {"      healthCheck: {path: /healthz}\n", "metadata: {name: second}\n"}) {
    text.erase(text.find(cut), std::string(cut).size());
  }
  text += "metadata:\n  name: second\n";
  EXPECT_TRUE(takes(text));
  expect_same_as_yaml_cpp("in.yaml", text);
}

TEST(BlockYaml, DuplicateKeysAndLimitsAreTheBuildersAsForYamlCpp)
{
  std::string text = "a: 1\nb:\n  c: 2\n  c: 3\na: [x]\n";
  EXPECT_TRUE(takes(text));
  expect_same_as_yaml_cpp("dup.yaml", text);
  std::string deep;
  for (int i = 0; i < 70; ++i) {
    deep += std::string(static_cast<size_t>(2 * i), ' ') + "k:\n";
  }
  deep += std::string(140, ' ') + "k: v\n";
  EXPECT_TRUE(takes(deep));
  expect_same_as_yaml_cpp("deep.yaml", deep);
}

TEST(BlockYaml, DeclinesWhatItDoesNotReadAndYamlCppReadsIt)
{
  const char* const declined[] = {
      "",                       // nothing
      "# only a comment\n",     //
      "a: 1\n---\n",            // an empty document
      "%YAML 1.2\n---\na: 1\n", // a directive
      "a: 1\n...\n",            // a document end
      "--- a: 1\n",             // content on the marker's line
      "---#\na: 1\n",           // a marker needs a space before its comment
      "a:\tb\n",                // a tab
      "a: b\r\n",               // CRLF
      "a: caf\xc3\xa9\n",       // not ASCII
      "a: &x 1\nb: *x\n",       // anchors and aliases
      "a: !!str 1\n",           // a tag
      "a: |\n  text\n",         // a block scalar
      "a: {b: 1}\n",            // a flow mapping
      "a: \"x\\ty\"\n",         // an escape
      "a:\nb: 1\n",             // an empty value
      "a: b\n  c\n",            // a plain scalar on two lines
      "a: 'b\n  c'\n",          // a quoted one
      "a:\n- 1\n- 2\n",         // a sequence at its key's indentation
      "a: [1,\n  2]\n",         // a flow sequence on two lines
      "a: [1, ]\n",             // an empty flow entry
      "a: b: c\n",              // a key where a value was to be
      "a:\n  - \n",             // an empty entry
      "a:\n  -\n    b: 1\n",    // an entry on the next line
      "a:\n  - - 1\n",          // a sequence in an entry
      "a:\n    b: 1\n  c: 2\n", // indented wrongly
      "- 1\n",                  // a root that is not a mapping
      "\"a\": 1\n",             // a quoted key
      "a b: 1\n",               // a key with a space
      "null: 1\n",              // a key that reads as null
      "a: -b\n",                // a plain scalar starting with an indicator
      "a: 'x'#c\n",             // a comment without a space
      "a: [x#y]\n",             //
      "a: [b: c]\n",            // a mapping in a flow sequence
      "a: [http://b:80]\n",     // a colon in a flow sequence's plain scalar
      "a: [b?c]\n",             // a question mark there
      "a:#c\n  b: 1\n",         //
  };
  for (const char* text : declined) {
    EXPECT_FALSE(takes(text)) << text;
    expect_same_as_yaml_cpp("in.yaml", text);
  }
}

// Every YAML file of the repository: the examples, the starter, the test
// inputs (valid and broken) and the templates.
TEST(BlockYaml, EveryYamlFileOfTheRepositoryLoadsAsWithYamlCpp)
{
  size_t files = 0;
  size_t taken = 0;
  for (const auto& [path, bytes] : testing::repository_yaml()) {
    ++files;
    taken += takes(bytes) ? 1 : 0;
    expect_same_as_yaml_cpp(path, bytes);
  }
  EXPECT_GT(files, 100u);
  EXPECT_GT(taken, files / 4) << "the block reader takes few of the repository's files";
}

// Texts one edit away from one the block reader takes: a byte removed, or
// one of YAML's significant bytes put in, or a line doubled or indented.
// Whichever reader reads each, the result is yaml-cpp's.
TEST(BlockYaml, EditedTextsLoadAsWithYamlCpp)
{
  std::string base = k_project;
  for (const char* cut : {"      healthCheck: {path: /healthz}\n", "metadata: {name: second}\n"}) {
    base.erase(base.find(cut), std::string(cut).size());
  }
  ASSERT_TRUE(takes(base));
  const std::string inserts[] = {" ", "  ", "\n", ":", ": ", "- ", "#", " #",    "'",  "\"", "[", "]", ",", "{",
                                 "?", "&",  "*",  "!", "|",  ">",  "~", "---\n", "\t", "\\", "%", "@", "`", "-"};
  uint64_t state = 0x9e3779b97f4a7c15u;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  size_t taken = 0;
  for (int round = 0; round < 5000; ++round) {
    std::string text = base;
    size_t at = next() % text.size();
    switch (next() % 4) {
    case 0:
      text.erase(at, 1);
      break;
    case 1:
    case 2:
      text.insert(at, inserts[next() % std::size(inserts)]);
      break;
    default: {
      size_t begin = text.rfind('\n', at);
      begin = begin == std::string::npos ? 0 : begin + 1;
      size_t end = text.find('\n', at);
      std::string line = text.substr(begin, end - begin + 1);
      text.insert(begin, next() % 2 ? line : " ");
    }
    }
    taken += takes(text) ? 1 : 0;
    SCOPED_TRACE(text);
    expect_same_as_yaml_cpp("edited.yaml", text);
    if (HasFailure()) {
      break;
    }
  }
  EXPECT_GT(taken, 300u); // many edits leave block YAML the reader takes
}

// Documents made from YAML's grammar at random (deterministically): nested
// block mappings and sequences at varied indentation, entries in sequences,
// scalars with indicators and quotes, comments, several documents. Whichever
// reader reads each, the result is yaml-cpp's.
TEST(BlockYaml, GeneratedDocumentsLoadAsWithYamlCpp)
{
  uint64_t state = 0x2545f4914f6cdd1du;
  auto next = [&](uint64_t n) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state % n;
  };
  auto pick = [&](std::string_view from) { return from[next(from.size())]; };
  const std::string words[] = {"1",    "-5",      "+7",      "0o17", "1.5",      ".inf",  ".nan",     "true",  "null",
                               "NULL", "Null",    "~",       "yes",  "007",      "1_000", "10.0.0.1", "12:30", "a#b",
                               "a #b", "x: y",    "-",       "---",  "...",      "[x]",   "{y}",      "!t",    "&a",
                               "*a",   "|",       ">",       "@x",   "`x`",      "%x",    "?x",       "\"x\"", "'x'",
                               "''",   "'it''s'", "\"a b\"", "${d}", "[a, 'b']", "[]"};
  auto scalar = [&] {
    if (next(3) == 0) {
      return words[next(std::size(words))];
    }
    std::string out(1, pick("abcxyz0123456789$(/^~<=+._-"));
    for (uint64_t n = next(10); n > 0; --n) {
      out += pick("abcxyz0123456789 -_./:$%{}()[]<>=+^~*&!|#@`',?");
    }
    return out;
  };
  auto key = [&] {
    std::string out(1, pick("abcXYZ_019"));
    for (uint64_t n = next(6); n > 0; --n) {
      out += pick("abcXYZ019_-./");
    }
    return next(20) == 0 ? words[next(std::size(words))] : out;
  };
  auto comment = [&] { return next(5) == 0 ? std::string(next(2) ? " # c" : "  #") : std::string(); };
  std::function<void(std::string&, int, int)> map;
  std::function<void(std::string&, int, int)> sequence = [&](std::string& out, int indent, int depth) {
    for (uint64_t n = next(3) + 1; n > 0; --n) {
      if (depth < 4 && next(3) == 0) {
        std::string inner;
        map(inner, 0, depth + 1);
        std::string pad(next(3) + 1, ' ');
        std::istringstream lines(inner);
        std::string line;
        for (bool first = true; std::getline(lines, line); first = false) {
          out += std::string(static_cast<size_t>(indent), ' ') +
                 (first ? "-" + pad : std::string(pad.size() + 1, ' ')) + line + "\n";
        }
      } else {
        out +=
            std::string(static_cast<size_t>(indent), ' ') + (next(15) == 0 ? "-" : "- " + scalar()) + comment() + "\n";
      }
    }
  };
  map = [&](std::string& out, int indent, int depth) {
    for (uint64_t n = next(4) + 1; n > 0; --n) {
      std::string line = std::string(static_cast<size_t>(indent), ' ') + key() + ":";
      uint64_t what = depth < 4 ? next(10) : 9;
      if (what < 3) {
        out += line + comment() + "\n";
        map(out, indent + static_cast<int>(next(3) + 1), depth + 1);
      } else if (what < 5) {
        out += line + comment() + "\n";
        sequence(out, indent + static_cast<int>(next(3)) * 2, depth + 1);
      } else {
        out += line + (next(20) == 0 ? "" : " " + scalar()) + comment() + "\n";
      }
      if (next(20) == 0) {
        out += std::string(next(6), ' ') + "# note\n";
      }
    }
  };
  size_t taken = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (uint64_t documents = next(3) + 1, d = 0; d < documents; ++d) {
      if (d > 0 || next(3) == 0) {
        text += next(2) ? "---\n" : "--- # next\n";
      }
      map(text, 0, 0);
    }
    taken += takes(text) ? 1 : 0;
    SCOPED_TRACE(text);
    expect_same_as_yaml_cpp("generated.yaml", text);
    if (HasFailure()) {
      break;
    }
  }
  EXPECT_GT(taken, 200u);
}

} // namespace
} // namespace edgegen::load
