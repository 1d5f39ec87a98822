// The validator reads a document's tree in place, and reads a JSON copy of
// it only when the document fails (for every error): both readings must give
// the same verdict on every document, or a document would pass that fails.
#include "validate/schema_set.hpp"

#include "load/load.hpp"
#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::validate {
namespace {

std::vector<load::Document> documents_of(const std::string& path, const std::string& bytes)
{
  source::SourceTree tree;
  tree.files.resize(1);
  tree.files[0].path = path;
  tree.files[0].bytes = bytes;
  diag::Diagnostics ignored;
  std::vector<load::Document> out = load::load(tree, ignored);
  for (auto& document : out) {
    document.bytes = {}; // the tree above goes away
  }
  return out;
}

// Every YAML document of the repository (testing::repository_yaml).
std::vector<load::Document> repository_documents()
{
  std::vector<load::Document> out;
  for (const auto& [path, bytes] : testing::repository_yaml()) {
    for (auto& document : documents_of(path, bytes)) {
      out.push_back(std::move(document));
    }
  }
  return out;
}

// Values of every JSON type and of the shapes the schemas ask for: each
// replaces, in turn, each value of a document.
std::vector<load::Node> replacements()
{
  const char* texts[] = {
      "~",
      "true",
      "0",
      "-1",
      "443",
      "9223372036854775807",
      "1.5",
      ".nan",
      "''",
      "x",
      "\"${domain}\"",
      "example.com",
      "\"*.example.com\"",
      "/api",
      "10s",
      "[]",
      "[a]",
      "[1, 2]",
      "[a, a]",
      "{}",
      "{a: 1}",
      "{name: x}",
  };
  std::vector<load::Node> out;
  for (const char* text : texts) {
    out.push_back(testing::yaml(text));
  }
  return out;
}

const char* const k_numbers = R"(apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: limits
spec:
  rateLimit:
    average: 100
    burst: 50.5
---
apiVersion: edgegen.dev/v1alpha1
kind: Middleware
metadata:
  name: auth
spec:
  forwardAuth:
    address: http://auth:9000/verify
    maxBodySize: 1024
    maxResponseBodySize: 2048.5
)";

// Calls `each` with every value of `root` (root first), depth first.
template <typename Node, typename Each> void for_each_value(Node& root, const Each& each)
{
  each(root);
  for (auto& item : root.items) {
    for_each_value(item, each);
  }
}

TEST(ReadInPlace, EveryDocumentOfTheRepositoryGetsTheSameVerdictInPlaceAndAsJson)
{
  size_t valid = 0;
  size_t invalid = 0;
  for (const auto& document : repository_documents()) {
    bool in_place = detail::valid_in_place(document.kind, document.root);
    EXPECT_EQ(in_place, detail::valid_as_json(document.kind, document.root))
        << *document.file << ": document " << document.index;
    (in_place ? valid : invalid) += 1;
  }
  // Both verdicts are exercised, and on many documents.
  EXPECT_GT(valid, 200u);
  EXPECT_GT(invalid, 5u);
}

TEST(ReadInPlace, DocumentsWithOneValueReplacedGetTheSameVerdictInPlaceAndAsJson)
{
  const std::vector<load::Node> values = replacements();
  size_t compared = 0;
  size_t flipped = 0; // valid documents that one replacement makes invalid
  // The examples, and numbers where the schemas take any number (the
  // examples write none there).
  std::vector<std::pair<std::string, std::string>> sources = testing::repository_yaml({"examples"});
  sources.emplace_back("numbers.yaml", k_numbers);
  for (const auto& [path, bytes] : sources) {
    for (const auto& original : documents_of(path, bytes)) {
      bool original_valid = detail::valid_in_place(original.kind, original.root);
      size_t count = 0;
      for_each_value(original.root, [&](const load::Node&) { ++count; });
      for (size_t at = 0; at < count; ++at) {
        for (const load::Node& value : values) {
          load::Node edited = original.root;
          size_t index = 0;
          for_each_value(edited, [&](load::Node& node) {
            if (index++ == at) {
              int line = node.line;
              int column = node.column;
              node = value;
              node.line = line;
              node.column = column;
            }
          });
          bool in_place = detail::valid_in_place(original.kind, edited);
          ASSERT_EQ(in_place, detail::valid_as_json(original.kind, edited))
              << path << ": document " << original.index << ", value " << at << " replaced";
          ++compared;
          flipped += original_valid && !in_place ? 1 : 0;
        }
      }
    }
  }
  EXPECT_GT(compared, 5000u);
  EXPECT_GT(flipped, compared / 4);
}

} // namespace
} // namespace edgegen::validate
