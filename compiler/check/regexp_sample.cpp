// One string a Go regexp matches, to put in a witness request: the first
// branch of each alternation, the fewest repetitions, the first character a
// class allows. Anything else (backreferences do not exist in Go; Unicode
// classes, \b, nested flags) gives up: the caller confirms every witness.
#include "check/requests.hpp"

#include <cctype>
#include <string_view>

namespace edgegen::check::detail {

namespace {

class Sampler
{
public:
  explicit Sampler(std::string_view pattern) : m_p(pattern) {}

  // An alternation up to `)` or the end.
  bool alternation(std::string& out)
  {
    std::string first;
    if (!sequence(first)) {
      return false;
    }
    while (m_i < m_p.size() && m_p[m_i] == '|') {
      ++m_i;
      std::string ignored;
      if (!sequence(ignored)) {
        return false;
      }
    }
    out += first;
    return true;
  }

  bool at_end() const { return m_i == m_p.size(); }

private:
  bool sequence(std::string& out)
  {
    while (m_i < m_p.size() && m_p[m_i] != '|' && m_p[m_i] != ')') {
      std::string atom;
      if (!this->atom(atom)) {
        return false;
      }
      size_t times = 1;
      if (m_i < m_p.size() && (m_p[m_i] == '*' || m_p[m_i] == '?')) {
        times = 0, ++m_i;
      } else if (m_i < m_p.size() && m_p[m_i] == '+') {
        ++m_i;
      } else if (m_i < m_p.size() && m_p[m_i] == '{') {
        size_t close = m_p.find('}', m_i);
        if (close == std::string_view::npos || !std::isdigit(static_cast<unsigned char>(m_p[m_i + 1]))) {
          return false;
        }
        times = std::stoul(std::string(m_p.substr(m_i + 1, close - m_i - 1)));
        m_i = close + 1;
      }
      if (m_i < m_p.size() && m_p[m_i] == '?') {
        ++m_i; // non-greedy
      }
      for (size_t k = 0; k < times && k < 64; ++k) {
        out += atom;
      }
    }
    return true;
  }

  bool atom(std::string& out)
  {
    char c = m_p[m_i++];
    switch (c) {
    case '^':
    case '$':
      return true;
    case '.':
      out += 'a';
      return true;
    case '(': {
      if (m_i < m_p.size() && m_p[m_i] == '?') {
        size_t colon = m_p.find_first_of(":)", m_i);
        if (colon == std::string_view::npos ||
            m_p.substr(m_i + 1, colon - m_i - 1).find_first_not_of("i") != std::string_view::npos) {
          return false; // named groups and flags other than (?i)
        }
        m_i = colon + 1;
        if (m_p[colon] == ')') {
          return true;
        }
      }
      if (!alternation(out) || m_i >= m_p.size() || m_p[m_i] != ')') {
        return false;
      }
      ++m_i;
      return true;
    }
    case '[':
      return cls(out);
    case '\\':
      return escape(out);
    case '*':
    case '+':
    case '?':
    case '{':
    case ')':
    case '|':
      return false;
    default:
      out += c;
      return true;
    }
  }

  bool escape(std::string& out)
  {
    if (m_i >= m_p.size()) {
      return false;
    }
    char c = m_p[m_i++];
    if (c == 'd') {
      out += '0';
    } else if (c == 'w') {
      out += 'a';
    } else if (c == 's') {
      out += ' ';
    } else if (std::ispunct(static_cast<unsigned char>(c))) {
      out += c;
    } else {
      return false;
    }
    return true;
  }

  // [...]: the first of a few plain characters the class allows.
  bool cls(std::string& out)
  {
    size_t close = m_p.find(']', m_i + 1);
    if (close == std::string_view::npos) {
      return false;
    }
    std::string_view body = m_p.substr(m_i, close - m_i);
    m_i = close + 1;
    bool negated = !body.empty() && body[0] == '^';
    if (negated) {
      body.remove_prefix(1);
    }
    if (body.find('\\') != std::string_view::npos || body.find("[:") != std::string_view::npos) {
      return false;
    }
    auto in = [&](char c) {
      for (size_t k = 0; k < body.size(); ++k) {
        if (k + 2 < body.size() && body[k + 1] == '-' ? body[k] <= c && c <= body[k + 2] : body[k] == c) {
          return true;
        }
        if (k + 2 < body.size() && body[k + 1] == '-') {
          k += 2;
        }
      }
      return false;
    };
    for (char c : std::string_view("a0bxAZ-_")) {
      if (in(c) != negated) {
        out += c;
        return true;
      }
    }
    return false;
  }

  std::string_view m_p;
  size_t m_i = 0;
};

} // namespace

std::optional<std::string> regexp_sample(const std::string& pattern)
{
  Sampler sampler(pattern);
  std::string out;
  if (!sampler.alternation(out) || !sampler.at_end()) {
    return std::nullopt;
  }
  return out;
}

} // namespace edgegen::check::detail
