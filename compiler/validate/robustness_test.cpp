#include "validate/validate.hpp"

#include "load/load.hpp"
#include "testing.hpp"

#include <gtest/gtest.h>

namespace edgegen::validate {
namespace {

using testing::k_examples;

load::Node scalar(load::Node::Kind kind, const std::string& text)
{
  load::Node node;
  node.kind = kind;
  node.text = text;
  node.boolean = text == "true";
  if (kind == load::Node::Kind::integer) {
    node.integer = std::stoll(text);
  } else if (kind == load::Node::Kind::floating) {
    node.floating = std::stod(text);
  }
  return node;
}

load::Node mapping(const std::vector<std::pair<std::string, load::Node>>& members)
{
  load::Node node;
  node.kind = load::Node::Kind::map;
  for (const auto& [key, value] : members) {
    node.keys.push_back(key);
    node.items.push_back(value);
    node.items.back().key_line = node.items.back().key_column = 1;
  }
  return node;
}

// Gives `node` and everything inside it the location (file, line, column).
void place(load::Node& node, const std::string* file, int line, int column)
{
  node.file = file;
  node.line = line;
  node.column = column;
  for (auto& item : node.items) {
    item.key_line = line;
    item.key_column = column;
    place(item, file, line, column);
  }
}

void collect_paths(const load::Node& node, std::vector<size_t>& path, std::vector<std::vector<size_t>>& out)
{
  out.push_back(path);
  for (size_t i = 0; i < node.items.size(); ++i) {
    path.push_back(i);
    collect_paths(node.items[i], path, out);
    path.pop_back();
  }
}

// Every value of the examples replaced in turn by values of other types and
// shapes: validation must neither crash nor fail a document without a word.
TEST(ValidateRobustness, NeverFailsSilently)
{
  using K = load::Node::Kind;
  load::Node list = scalar(K::list, "");
  list.items = {scalar(K::string, "a"), scalar(K::string, "a")};
  const std::vector<load::Node> replacements = {
      scalar(K::null, "null"),
      scalar(K::boolean, "true"),
      scalar(K::integer, "0"),
      scalar(K::integer, "70000"),
      scalar(K::floating, "1.5"),
      scalar(K::string, ""),
      scalar(K::string, "X_Y"),
      scalar(K::string, "${v}"),
      scalar(K::list, ""),
      list,
      mapping({}),
      mapping({{"zz", scalar(K::integer, "1")}}),
      mapping({{"preset", scalar(K::string, "compress")}, {"Bad_Name", mapping({})}})};
  source::SourceTree tree;
  tree.files.resize(1);
  tree.files[0].path = "in.yaml";
  tree.files[0].bytes = k_examples;
  diag::Diagnostics loaded;
  auto documents = load::load(tree, loaded);
  ASSERT_EQ(documents.size(), 8u);
  size_t checked = 0;
  for (const auto& document : documents) {
    std::vector<std::vector<size_t>> paths;
    std::vector<size_t> path;
    collect_paths(document.root, path, paths);
    for (const auto& where : paths) {
      for (const auto& replacement : replacements) {
        load::Document copy = document;
        load::Node* node = &copy.root; // the replacement takes the place of the old value
        for (size_t index : where) {
          node = &node->items[index];
        }
        const std::string* file = node->file;
        int line = node->line;
        int column = node->column;
        *node = replacement;
        place(*node, file, line, column);
        diag::Diagnostics diagnostics;
        auto passed = validate({copy}, diagnostics);
        ++checked;
        ASSERT_EQ(passed.size(), 1u);
        EXPECT_EQ(passed[0], diagnostics.empty()) << document.name << " at item path of length " << where.size();
        for (const auto& d : diagnostics.sorted()) {
          EXPECT_GT(d.location.line, 0) << d.message;
          EXPECT_TRUE(d.code >= "E0201" && d.code <= "E0206") << d.code << " " << d.message;
          EXPECT_EQ(d.message.find("Failed"), std::string::npos) << d.message; // never valijson's words
        }
      }
    }
  }
  EXPECT_GT(checked, 1000u);
}

} // namespace
} // namespace edgegen::validate
