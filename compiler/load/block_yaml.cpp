// A reader of plain block YAML. It accepts a strict subset and gives up on
// everything else, so it never has to word an error or decide a case the
// general parser might decide otherwise: give-ups are cheap, a wrong tree is
// not. load_test.cpp compares its trees with yaml-cpp's.
#include "load/block_yaml.hpp"

#include <vector>

namespace edgegen::load::detail {

namespace {

struct Line
{
  size_t begin = 0;    // first byte that is not a space
  size_t end = 0;      // the newline, or the end of the text
  int number = 0;      // 0-based
  int indent = 0;      // spaces before `begin`
  bool marker = false; // "---": a document starts
};

bool is_key_byte(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.' || c == '/';
}

// The first byte of a plain scalar this reader takes: none of YAML's
// indicators (- ? : , [ ] { } # & * ! | > ' " % @ `).
bool starts_plain(std::string_view text)
{
  char c = text[0];
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
    return true;
  }
  if (c == '-') {
    return text.size() > 1 && text[1] >= '0' && text[1] <= '9';
  }
  return c == '_' || c == '.' || c == '/' || c == '$' || c == '(' || c == '=' || c == '<' || c == '+' || c == '^' ||
         c == '~';
}

bool is_null_text(std::string_view text)
{
  return text == "~" || text == "null" || text == "Null" || text == "NULL";
}

class Reader
{
public:
  Reader(std::string_view bytes, BlockEvents& events) : m_bytes(bytes), m_events(events) {}

  bool read()
  {
    if (!split()) {
      return false;
    }
    size_t i = 0;
    bool first = true;
    while (i < m_lines.size()) {
      int start_line = m_lines[i].number;
      if (m_lines[i].marker) {
        ++i;
        if (i == m_lines.size() || m_lines[i].marker) {
          return false; // an empty document
        }
      } else if (!first) {
        return false;
      }
      first = false;
      // The document's lines: up to the next marker.
      size_t end = i;
      while (end < m_lines.size() && !m_lines[end].marker) {
        ++end;
      }
      const Line& top = m_lines[i];
      if (top.indent != 0 || !key_at(top, top.begin)) {
        return false; // the root is a block mapping
      }
      m_end = end;
      m_at = i;
      m_events.document_start(start_line, 0);
      if (!map(0, top.begin) || m_at != end) {
        return false;
      }
      m_events.document_end();
      i = end;
    }
    return !m_lines.empty();
  }

private:
  // The lines that hold something, and whether every byte is one this
  // reader takes.
  bool split()
  {
    int number = 0;
    for (size_t at = 0; at <= m_bytes.size(); ++number) {
      size_t end = m_bytes.find('\n', at);
      if (end == std::string_view::npos) {
        end = m_bytes.size();
      }
      size_t begin = at;
      while (begin < end && m_bytes[begin] == ' ') {
        ++begin;
      }
      for (size_t k = begin; k < end; ++k) {
        unsigned char c = static_cast<unsigned char>(m_bytes[k]);
        if (c < 0x20 || c > 0x7e) {
          return false; // tabs, carriage returns, other encodings
        }
      }
      if (begin < end && m_bytes[begin] != '#') {
        Line line{begin, end, number, static_cast<int>(begin - at), false};
        std::string_view text = m_bytes.substr(begin, end - begin);
        if (line.indent == 0 && (text[0] == '%' || text.substr(0, 3) == "...")) {
          return false; // directives, document ends
        }
        if (line.indent == 0 && text.substr(0, 3) == "---") {
          if (!rest_is_blank(begin + 3, end)) {
            return false; // content on the marker's line
          }
          line.marker = true;
        }
        m_lines.push_back(line);
      }
      at = end + 1;
    }
    return true;
  }

  // Whether [from, end) holds only spaces and maybe a comment (after at
  // least one space).
  bool rest_is_blank(size_t from, size_t end) const
  {
    size_t k = from;
    while (k < end && m_bytes[k] == ' ') {
      ++k;
    }
    return k == end || (m_bytes[k] == '#' && k > from);
  }

  int column(const Line& line, size_t at) const { return line.indent + static_cast<int>(at - line.begin); }

  // The key at `at` on `line`, if one starts there: plain key bytes, then
  // ':' and a space or the line's end. Its length, or 0.
  size_t key_at(const Line& line, size_t at) const
  {
    size_t k = at;
    while (k < line.end && is_key_byte(m_bytes[k])) {
      ++k;
    }
    if (k == at || k == line.end || m_bytes[k] != ':') {
      return 0;
    }
    if (k + 1 < line.end && m_bytes[k + 1] != ' ') {
      return 0;
    }
    char first = m_bytes[at];
    if (first == '-' || first == '.' || first == '/') {
      return 0;
    }
    return k - at;
  }

  // A block mapping whose first key starts at `at` on the current line,
  // its keys at `indent`.
  bool map(int indent, size_t at)
  {
    const Line& first = m_lines[m_at];
    m_events.map_start(first.number, column(first, at));
    while (true) {
      const Line& line = m_lines[m_at];
      size_t length = key_at(line, at);
      if (length == 0) {
        return false;
      }
      std::string key(m_bytes.substr(at, length));
      if (is_null_text(key)) {
        return false;
      }
      m_events.scalar(line.number, column(line, at), true, std::move(key));
      size_t value = at + length + 1;
      while (value < line.end && m_bytes[value] == ' ') {
        ++value;
      }
      if (value == line.end || m_bytes[value] == '#') {
        if (value < line.end && value == at + length + 1) {
          return false; // "key:#"
        }
        // The value is a block collection on the next lines, indented more.
        ++m_at;
        if (m_at == m_end || m_lines[m_at].indent <= indent) {
          return false; // an empty value
        }
        const Line& inner = m_lines[m_at];
        if (m_bytes[inner.begin] == '-' && (inner.begin + 1 == inner.end || m_bytes[inner.begin + 1] == ' ')) {
          if (!sequence(inner.indent)) {
            return false;
          }
        } else if (!map(inner.indent, inner.begin)) {
          return false;
        }
      } else if (!line_value(line, value)) {
        return false;
      }
      switch (after(indent)) {
      case Then::fail:
        return false;
      case Then::done:
        m_events.map_end();
        return true;
      case Then::more:
        at = m_lines[m_at].begin;
      }
    }
  }

  // A block sequence whose dashes are at `indent`, starting on the current
  // line.
  bool sequence(int indent)
  {
    const Line& first = m_lines[m_at];
    m_events.sequence_start(first.number, indent);
    while (true) {
      const Line& line = m_lines[m_at];
      if (m_bytes[line.begin] != '-' || line.begin + 1 == line.end || m_bytes[line.begin + 1] != ' ') {
        return false; // not an entry, or an entry on the next lines
      }
      size_t item = line.begin + 2;
      while (item < line.end && m_bytes[item] == ' ') {
        ++item;
      }
      if (item == line.end || m_bytes[item] == '#') {
        return false; // an empty entry, or one on the next lines
      }
      // A mapping in the entry has its keys line up with the first one.
      bool read = key_at(line, item) != 0 ? map(column(line, item), item) : line_value(line, item);
      Then then = read ? after(indent) : Then::fail;
      if (then != Then::more) {
        if (then == Then::done) {
          m_events.sequence_end();
        }
        return then == Then::done;
      }
    }
  }

  // Where an entry of a collection at `indent` leaves the reading: another
  // entry at `indent` follows, or the collection ends; a line indented more
  // is a scalar continued or indentation gone wrong.
  enum class Then { more, done, fail };
  Then after(int indent) const
  {
    if (m_at == m_end || m_lines[m_at].indent < indent) {
      return Then::done;
    }
    return m_lines[m_at].indent == indent ? Then::more : Then::fail;
  }

  // A value that starts at `at` and ends with its line; then the next line.
  bool line_value(const Line& line, size_t at)
  {
    ++m_at;
    return inline_value(line, at);
  }

  // A quoted scalar at `at` (a quote): its value and the byte past its
  // closing quote, or false for one that spans lines or has escapes.
  bool quoted(const Line& line, size_t at, std::string& out, size_t& past) const
  {
    char quote = m_bytes[at];
    for (size_t k = at + 1; k < line.end; ++k) {
      char c = m_bytes[k];
      if (quote == '"' && c == '\\') {
        return false;
      }
      if (c != quote) {
        out += c;
        continue;
      }
      if (quote == '\'' && k + 1 < line.end && m_bytes[k + 1] == '\'') {
        out += '\'';
        ++k;
        continue;
      }
      past = k + 1;
      return true;
    }
    return false;
  }

  // A value that starts at `at` and ends on its line: a scalar or a flow
  // sequence.
  bool inline_value(const Line& line, size_t at)
  {
    char c = m_bytes[at];
    int col = column(line, at);
    if (c == '"' || c == '\'') {
      std::string text;
      size_t past = 0;
      if (!quoted(line, at, text, past) || !rest_is_blank(past, line.end)) {
        return false;
      }
      m_events.scalar(line.number, col, false, std::move(text));
      return true;
    }
    if (c == '[') {
      return flow_sequence(line, at);
    }
    if (!starts_plain(m_bytes.substr(at, line.end - at))) {
      return false;
    }
    // Up to a comment (" #") or the line's end, trailing spaces trimmed.
    size_t end = at;
    for (size_t k = at; k < line.end; ++k) {
      char b = m_bytes[k];
      if (b == '#' && m_bytes[k - 1] == ' ') {
        break;
      }
      if (b == ':' && (k + 1 == line.end || m_bytes[k + 1] == ' ')) {
        return false; // a key where a value was to be
      }
      if (b != ' ') {
        end = k + 1;
      }
    }
    plain(line.number, col, m_bytes.substr(at, end - at));
    return true;
  }

  void plain(int line, int col, std::string_view text)
  {
    if (is_null_text(text)) {
      m_events.null(line, col);
    } else {
      m_events.scalar(line, col, true, std::string(text));
    }
  }

  // [a, "b", c] on one line, of scalars only.
  bool flow_sequence(const Line& line, size_t at)
  {
    m_events.sequence_start(line.number, column(line, at));
    size_t k = at + 1;
    auto skip_spaces = [&] {
      while (k < line.end && m_bytes[k] == ' ') {
        ++k;
      }
    };
    skip_spaces();
    if (k < line.end && m_bytes[k] == ']') {
      m_events.sequence_end();
      return rest_is_blank(k + 1, line.end);
    }
    while (true) {
      skip_spaces();
      if (k == line.end) {
        return false;
      }
      char c = m_bytes[k];
      if (c == '"' || c == '\'') {
        std::string text;
        size_t past = 0;
        if (!quoted(line, k, text, past)) {
          return false;
        }
        m_events.scalar(line.number, column(line, k), false, std::move(text));
        k = past;
      } else {
        if (!starts_plain(m_bytes.substr(k, line.end - k))) {
          return false;
        }
        size_t start = k;
        size_t end = k;
        for (; k < line.end && m_bytes[k] != ',' && m_bytes[k] != ']'; ++k) {
          char b = m_bytes[k];
          if (b == ':' || b == '?' || b == '#' || b == '[' || b == '{' || b == '}' || b == '"' || b == '\'') {
            return false;
          }
          if (b != ' ') {
            end = k + 1;
          }
        }
        plain(line.number, column(line, start), m_bytes.substr(start, end - start));
      }
      skip_spaces();
      if (k == line.end) {
        return false;
      }
      if (m_bytes[k] == ']') {
        m_events.sequence_end();
        return rest_is_blank(k + 1, line.end);
      }
      if (m_bytes[k] != ',') {
        return false;
      }
      ++k;
    }
  }

  std::string_view m_bytes;
  BlockEvents& m_events;
  std::vector<Line> m_lines; // the lines that hold something: no blank or comment lines
  size_t m_at = 0;           // the current line
  size_t m_end = 0;          // the current document's end
};

} // namespace

bool read_block_yaml(std::string_view bytes, BlockEvents& events)
{
  return Reader(bytes, events).read();
}

} // namespace edgegen::load::detail
