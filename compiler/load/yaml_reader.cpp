// The only file that includes yaml-cpp. It turns yaml-cpp's parser events into
// our own Node trees and guards against what yaml-cpp 0.7 lets through: duplicate
// keys, alias cycles and alias bombs, and YAML 1.1 scalar resolution. Plain
// block YAML is read by load/block_yaml.cpp instead, whose events build the
// same trees; yaml-cpp reads everything else.
#include "load/block_yaml.hpp"
#include "load/load.hpp"

#include "util/strings.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <sstream>

namespace edgegen::load {

namespace {

// Builds our Node trees straight from yaml-cpp's parser events, without
// yaml-cpp's own node graph (a third of the time of loading it, and as much
// again to free it). The events are the ones YAML::LoadAll builds its nodes
// from, so values, marks and tags are the same.
class Builder : public YAML::EventHandler
{
public:
  Builder(const std::string& file, std::string_view bytes, diag::Diagnostics& diagnostics)
      : m_file(file), m_bytes(bytes), m_diagnostics(diagnostics)
  {
    m_line_starts.push_back(0);
    for (size_t i = 0; i < bytes.size(); ++i) {
      if (bytes[i] == '\n') {
        m_line_starts.push_back(i + 1);
      }
    }
  }

  std::vector<Node> documents;
  size_t document_count = 0;
  YAML::Mark document_start; // of the latest document
  // Set when a document had to be abandoned (a diagnostic says why); the
  // rest of the file is still parsed, for its syntax errors.
  bool failed = false;

  void OnDocumentStart(const YAML::Mark& mark) override
  {
    ++document_count;
    document_start = mark;
    m_anchors.clear(); // anchor ids are per document
    m_root = Node{};
    m_skip_depth = 0;
  }

  void OnDocumentEnd() override
  {
    if (!failed && document_count <= k_max_documents) {
      documents.push_back(std::move(m_root));
    }
  }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override
  {
    Node node = start(mark);
    if (value_wanted(node, false)) {
      add(std::move(node), anchor, 1, 0, nullptr);
    }
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override
  {
    Node node = start(mark);
    if (skipping() || skip_duplicate_value(false, false)) {
      return;
    }
    if (expecting_key()) {
      key(node, value);
      if (anchor) {
        // Resolved only if an alias uses it as a value, as yaml-cpp's nodes were.
        m_anchors[anchor] = {std::move(node), 1, 0, true, value, tag, false};
      }
      return;
    }
    if (!count(1, node) || !deep_enough(depth(), node)) {
      return;
    }
    scalar(tag, value, node);
    add(std::move(node), anchor, 1, 0, &value);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override
  {
    if (skipping() || skip_duplicate_value(false, false)) {
      return;
    }
    for (const Frame& open : m_stack) {
      if (open.anchor == anchor) {
        // Where the anchored value starts, as yaml-cpp's nodes report it.
        fail("E0107", open.node.location(), "alias refers to a value that contains it");
        return;
      }
    }
    auto found = m_anchors.find(anchor);
    if (found == m_anchors.end()) {
      // The parser resolves names to ids; an id without a value is one a
      // key or a collection of ours left out.
      fail("E0101", {m_file, mark.line + 1, mark.column + 1, ""}, "alias to a value that is not a plain value");
      return;
    }
    Anchored& anchored = found->second;
    if (expecting_key()) {
      if (!anchored.scalar) {
        key_is_not_a_string(anchored.node);
        return;
      }
      key(anchored.node, anchored.text);
      return;
    }
    if (!count(anchored.count, anchored.node) || !deep_enough(depth() + anchored.height, anchored.node)) {
      return;
    }
    if (!anchored.resolved) {
      scalar(anchored.tag, anchored.text, anchored.node);
      anchored.resolved = true;
    }
    add(Node(anchored.node), 0, anchored.count, anchored.height, nullptr);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override
  {
    open(mark, anchor, Node::Kind::list);
  }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
  {
    open(mark, anchor, Node::Kind::map);
  }

  void OnSequenceEnd() override { close(); }
  void OnMapEnd() override { close(); }

private:
  struct Frame
  {
    Node node;
    // Its children while it is read, moved into its lists when it closes:
    // the trees' lists are carved from chunks that reuse no freed block
    // (util::ChunkMemory), so they are made once, at their size.
    std::vector<Node> items;
    std::vector<util::Symbol> keys;
    YAML::anchor_t anchor = 0;
    size_t count = 1;     // values in this subtree
    int height = 0;       // levels below this one
    bool has_key = false; // a map's key is read, its value is next
    bool duplicate = false;
    std::string key;
    int key_line = 0;
    int key_column = 0;
  };
  struct Anchored
  {
    Node node;
    size_t count = 1;
    int height = 0;
    bool scalar = false;
    std::string text; // a scalar as written, and its tag
    std::string tag;
    bool resolved = true; // false: a key's, not resolved to a value yet
  };

  bool skipping() const { return failed || document_count > k_max_documents; }

  // The value of a duplicate key is left out unread, as if it were not
  // there: the first one stands. True while inside it (or on it).
  bool skip_duplicate_value(bool opens, bool closes)
  {
    if (m_skip_depth > 0) {
      m_skip_depth += opens ? 1 : closes ? -1 : 0;
      if (m_skip_depth == 0) {
        m_stack.back().has_key = false;
      }
      return true;
    }
    if (closes || m_stack.empty() || !m_stack.back().node.is_map() || !m_stack.back().has_key ||
        !m_stack.back().duplicate) {
      return false;
    }
    if (opens) {
      m_skip_depth = 1;
    } else {
      m_stack.back().has_key = false;
    }
    return true;
  }
  int depth() const { return static_cast<int>(m_stack.size()); }
  bool expecting_key() const { return !m_stack.empty() && m_stack.back().node.is_map() && !m_stack.back().has_key; }

  Node start(const YAML::Mark& mark) const
  {
    Node node;
    node.file = &m_file;
    node.line = mark.line + 1;
    node.column = mark.column + 1;
    return node;
  }

  void fail(const char* code, diag::Location location, std::string message, std::string hint = {})
  {
    m_diagnostics.error(code, std::move(location), std::move(message), std::move(hint));
    failed = true;
    m_stack.clear();
  }

  void key_is_not_a_string(const Node& node) { fail("E0101", node.location(), "mapping keys must be plain strings"); }

  bool count(size_t values, const Node& at)
  {
    m_count += values;
    if (m_count > k_max_nodes) {
      fail("E0107", at.location(), "document expands to more than " + std::to_string(k_max_nodes) + " values",
           "aliases (*name) multiply what they refer to; write the values out instead");
      return false;
    }
    return true;
  }

  bool deep_enough(int deepest, const Node& at)
  {
    if (deepest > k_max_depth) {
      fail("E0106", at.location(), "values are nested more than " + std::to_string(k_max_depth) + " levels deep");
      return false;
    }
    return true;
  }

  void key(const Node& at, const std::string& name)
  {
    Frame& frame = m_stack.back();
    frame.has_key = true;
    frame.key = name;
    frame.key_line = at.line;
    frame.key_column = at.column;
    frame.duplicate = false;
    for (size_t i = 0; i < frame.keys.size(); ++i) {
      if (frame.keys[i] == name) {
        m_diagnostics.error("E0102", {m_file, at.line, at.column, ""}, "duplicate key \"" + name + "\"",
                            "first defined at line " + std::to_string(frame.items[i].key_line));
        frame.duplicate = true;
      }
    }
  }

  // Whether a null or a new list or map at `node` is to be built: not while
  // skipping, not as a key (an error), and within the limits.
  bool value_wanted(const Node& node, bool opens)
  {
    if (skipping() || skip_duplicate_value(opens, false)) {
      return false;
    }
    if (expecting_key()) {
      key_is_not_a_string(node);
      return false;
    }
    return count(1, node) && deep_enough(depth(), node);
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor, Node::Kind kind)
  {
    Node node = start(mark);
    if (!value_wanted(node, true)) {
      return;
    }
    node.kind = kind;
    Frame frame;
    frame.node = std::move(node);
    frame.anchor = anchor;
    m_stack.push_back(std::move(frame));
  }

  void close()
  {
    if (skipping() || skip_duplicate_value(false, true) || m_stack.empty()) {
      return;
    }
    Frame frame = std::move(m_stack.back());
    m_stack.pop_back();
    // Sized to its children: a large edge holds the trees of every file at
    // once, and growing by doubling left most lists with empty places
    // (6 MiB of 84 at 10,000 projects).
    frame.node.items = Node::List(std::move(frame.items));
    frame.node.keys = Node::Keys(std::move(frame.keys));
    add(std::move(frame.node), frame.anchor, frame.count, frame.height, nullptr);
  }

  // A finished value, counted against the limits already: the document's
  // root, a list item or a map's value. `values` and `height` describe its
  // subtree, `text` is a scalar as written.
  void add(Node node, YAML::anchor_t anchor, size_t values, int height, const std::string* text)
  {
    if (anchor) {
      m_anchors[anchor] = {node, values, height, text != nullptr, text ? *text : std::string(), {}, true};
    }
    if (m_stack.empty()) {
      m_root = std::move(node);
      return;
    }
    Frame& parent = m_stack.back();
    parent.count += values;
    parent.height = std::max(parent.height, height + 1);
    if (parent.node.is_list()) {
      parent.items.push_back(std::move(node));
      return;
    }
    parent.has_key = false;
    node.key_line = parent.key_line;
    node.key_column = parent.key_column;
    parent.keys.push_back(std::move(parent.key));
    parent.items.push_back(std::move(node));
  }

  void scalar(const std::string& tag, const std::string& text, Node& out)
  {
    resolve_tagged_scalar(tag, text, out, m_diagnostics);
    if (out.is_string()) {
      note_style(m_bytes, m_line_starts, out);
    }
  }

  const std::string& m_file;
  std::string_view m_bytes;
  std::vector<size_t> m_line_starts; // byte offset of each line
  diag::Diagnostics& m_diagnostics;
  std::vector<Frame> m_stack; // maps and lists being built
  std::map<YAML::anchor_t, Anchored> m_anchors;
  Node m_root;
  size_t m_count = 0;
  int m_skip_depth = 0;
};

// yaml-cpp words a tab in a line's indentation by what it then fails to
// find ("end of map not found", "illegal block entry"), on the line the tab
// is on. YAML indents with spaces only: the likeliest cause, said outright.
// `line` is yaml-cpp's, 0-based (its positions skip a byte order mark).
std::string tab_hint(std::string_view bytes, int line)
{
  std::string_view text = util::line_of(bytes, line + 1);
  for (size_t i = 0; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i) {
    if (text[i] == '\t') {
      return "YAML indents with spaces only, and this line's indentation has a tab at column " + std::to_string(i + 1);
    }
  }
  return {};
}

// The block reader's events, given to the Builder as yaml-cpp's parser
// gives them.
class BlockAdapter : public detail::BlockEvents
{
public:
  explicit BlockAdapter(Builder& builder) : m_builder(builder) {}

  void document_start(int line, int column) override { m_builder.OnDocumentStart(mark(line, column)); }
  void document_end() override { m_builder.OnDocumentEnd(); }
  void map_start(int line, int column) override
  {
    m_builder.OnMapStart(mark(line, column), "?", YAML::NullAnchor, YAML::EmitterStyle::Block);
  }
  void map_end() override { m_builder.OnMapEnd(); }
  void sequence_start(int line, int column) override
  {
    m_builder.OnSequenceStart(mark(line, column), "?", YAML::NullAnchor, YAML::EmitterStyle::Block);
  }
  void sequence_end() override { m_builder.OnSequenceEnd(); }
  void scalar(int line, int column, bool plain, std::string value) override
  {
    m_builder.OnScalar(mark(line, column), plain ? k_plain : k_quoted, YAML::NullAnchor, value);
  }
  void null(int line, int column) override { m_builder.OnNull(mark(line, column), YAML::NullAnchor); }

private:
  static YAML::Mark mark(int line, int column)
  {
    YAML::Mark out;
    out.line = line;
    out.column = column;
    return out;
  }

  inline static const std::string k_plain = "?"; // yaml-cpp's non-specific tags
  inline static const std::string k_quoted = "!";
  Builder& m_builder;
};

// What a parse leaves: the documents, or the reason there are none.
std::vector<Node> finish(const std::string& file, Builder& builder, diag::Diagnostics& found,
                         diag::Diagnostics& diagnostics)
{
  if (builder.document_count > k_max_documents) {
    diagnostics.error("E0114", {file, 0, 0, ""},
                      "file holds " + std::to_string(builder.document_count) + " documents, more than the limit of " +
                          std::to_string(k_max_documents));
    return {};
  }
  diagnostics.append(std::move(found));
  if (builder.failed) {
    return {};
  }
  return std::move(builder.documents);
}

} // namespace

std::vector<Node> read_yaml(const std::string& file, std::string_view bytes, diag::Diagnostics& diagnostics)
{
  // Nodes point at the interned name, which their locations share.
  // Diagnostics wait until the whole file parsed: a syntax error anywhere
  // is the one thing to say about it.
  const std::string& name = diag::FileName(file).str();
  {
    // Most input is plain block YAML, which the block reader takes in a
    // fraction of yaml-cpp's time; it gives up on anything else.
    diag::Diagnostics found;
    Builder builder(name, bytes, found);
    BlockAdapter adapter(builder);
    if (detail::read_block_yaml(bytes, adapter)) {
      return finish(file, builder, found, diagnostics);
    }
  }
  return detail::read_yaml_cpp(file, bytes, diagnostics);
}

namespace detail {

std::vector<Node> read_yaml_cpp(const std::string& file, std::string_view bytes, diag::Diagnostics& diagnostics)
{
  diag::Diagnostics found;
  Builder builder(diag::FileName(file).str(), bytes, found);
  try {
    std::istringstream in{std::string(bytes)};
    YAML::Parser parser(in);
    int previous_start = -1;
    while (parser.HandleNextDocument(builder)) {
      // Where no value may start (a ',' or a closing bracket outside flow
      // collections), yaml-cpp 0.7 can end an empty document without taking
      // the token, and would start the same document again forever. A
      // document starting where the last one did is that loop.
      if (builder.document_start.pos == previous_start) {
        size_t at = static_cast<size_t>(previous_start);
        throw YAML::ParserException(builder.document_start, at < bytes.size()
                                                                ? "unexpected '" + std::string(1, bytes[at]) + "'"
                                                                : "unexpected end");
      }
      previous_start = builder.document_start.pos;
    }
  } catch (const YAML::Exception& e) {
    // yaml-cpp's marks are 0-based; an unknown mark is -1.
    int line = e.mark.line >= 0 ? e.mark.line + 1 : 0;
    int column = e.mark.column >= 0 ? e.mark.column + 1 : 0;
    if (e.mark.pos >= 0 && static_cast<size_t>(e.mark.pos) < bytes.size() && bytes[e.mark.pos] == ',') {
      // The commonest cause, worded for what it usually is: a list written
      // JSON-style without its brackets.
      diagnostics.error("E0101", {file, line, column, ""}, "invalid YAML: ',' outside a list or mapping in [ ] or { }",
                        "quote the value if the comma belongs to it");
    } else {
      diagnostics.error("E0101", {file, line, column, ""}, "invalid YAML: " + e.msg, tab_hint(bytes, e.mark.line));
    }
    return {};
  }
  return finish(file, builder, found, diagnostics);
}

} // namespace detail

} // namespace edgegen::load
