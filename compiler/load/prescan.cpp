// A cheap scan of the text before yaml-cpp 0.7 sees it, for an input it
// handles badly: nesting a few hundred levels deep (it gives up with "bad
// file" at the end of the input, or worse, on a small stack). The scan
// finds it first and says where it is.
#include "load/load.hpp"

#include <optional>
#include <vector>

namespace edgegen::load {

namespace {

size_t indentation(std::string_view line)
{
  size_t n = 0;
  while (n < line.size() && line[n] == ' ') {
    ++n;
  }
  return n;
}

// A line that opens a block scalar: its last token is | or > (with
// chomping/indentation indicators), outside a comment.
bool opens_block_scalar(std::string_view line)
{
  size_t hash = line.find(" #");
  std::string_view code = line.substr(0, hash);
  while (!code.empty() && (code.back() == ' ' || code.back() == '\r')) {
    code.remove_suffix(1);
  }
  while (!code.empty() && (code.back() == '-' || code.back() == '+' || (code.back() >= '1' && code.back() <= '9'))) {
    code.remove_suffix(1);
  }
  return !code.empty() && (code.back() == '|' || code.back() == '>') &&
         (code.size() == 1 || code[code.size() - 2] == ' ');
}

// True if the '[' or '{' at line[i] opens a flow collection rather than
// being part of a plain scalar ("kin[d"): it starts a token.
bool opens_flow(std::string_view line, size_t indent, size_t i, int flow)
{
  if (i == indent) {
    return true;
  }
  char before = line[i - 1];
  return before == ' ' || before == '\t' ||
         (flow > 0 && std::string_view("[{,:").find(before) != std::string_view::npos);
}

} // namespace

std::optional<Prescan> prescan(std::string_view text, int limit)
{
  std::vector<size_t> block;           // indentation of each open block collection
  int flow = 0;                        // open [ and {
  std::optional<size_t> scalar_indent; // inside a block scalar deeper than this
  int line_number = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    ++line_number;
    size_t indent = indentation(line);
    bool marker = line.substr(0, 3) == "---" || line.substr(0, 3) == "...";
    if (marker && (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r')) {
      // A document starts or ends: nothing stays open across it. What
      // follows the marker on its line is the new document's content.
      block.clear();
      flow = 0;
      scalar_indent.reset();
      for (indent = 3; indent < line.size() && (line[indent] == ' ' || line[indent] == '\t'); ++indent) {
      }
    }
    bool blank = indent == line.size() || line[indent] == '#' || line[indent] == '\r';
    if (scalar_indent && (blank || indent > *scalar_indent)) {
      // block scalar content: text, not structure
    } else if (!blank) {
      scalar_indent.reset();
      if (flow == 0) {
        while (!block.empty() && block.back() >= indent) {
          block.pop_back();
        }
        block.push_back(indent);
      }
      char quote = 0;
      for (size_t i = indent; i < line.size(); ++i) {
        char c = line[i];
        if (quote) {
          if (c == quote && !(quote == '"' && line[i - 1] == '\\')) {
            quote = 0;
          }
          continue;
        }
        if ((c == '"' || c == '\'') &&
            (i == 0 || std::string_view(" [{,:-").find(line[i - 1]) != std::string_view::npos)) {
          quote = c;
        } else if (c == '#' && (i == 0 || line[i - 1] == ' ')) {
          break;
        } else if ((c == '[' || c == '{') && opens_flow(line, indent, i, flow)) {
          ++flow;
        } else if ((c == ']' || c == '}') && flow > 0) {
          --flow;
        } else if (c == '-' && flow == 0 && i + 1 < line.size() && line[i + 1] == ' ') {
          block.push_back(i + 1); // "- - x": each dash opens a list
          continue;
        }
        if (static_cast<int>(block.size()) + flow > limit) {
          return Prescan{line_number, static_cast<int>(i) + 1};
        }
      }
      if (static_cast<int>(block.size()) + flow > limit) {
        return Prescan{line_number, static_cast<int>(indent) + 1};
      }
      if (flow == 0 && opens_block_scalar(line)) {
        scalar_indent = indent;
      }
    }
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  return std::nullopt;
}

} // namespace edgegen::load
