#pragma once

// The Traefik v3 router rule language: matchers such as Host(`a.example.com`)
// joined by &&, || and !, with parentheses; arguments are Go string literals
// (`raw` or "interpreted"). Traefik parses rules with Go's expression parser
// and rejects the whole router on any error, so edgegen parses every rule it
// would emit, generated or written by hand, with this one parser.

#include "util/compact_vector.hpp"

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace edgegen::rules {

enum class Protocol { http, tcp };

// One string argument of a matcher.
// Laid out small: the model holds the parsed rule of every route. What was
// written (the literal, the matcher's name) is read from the rule's text.
struct Argument
{
  std::string value;   // the string the literal stands for
  uint32_t offset = 0; // of the literal's opening quote in the rule (input files are at most 8 MiB)
  uint32_t length = 0; // of the literal, quotes included

  // The literal as written in `rule`, the text this argument was parsed from.
  std::string_view literal(std::string_view rule) const { return rule.substr(offset, length); }
  // Offset in `rule` of byte `index` of the value (escapes in "..." make the
  // two differ).
  size_t offset_of(size_t index, std::string_view rule) const;
};

struct Matcher
{
  // The canonical spelling ("Host"), or as written when unknown: held for
  // the whole run (see intern_name), so that a matcher is small.
  std::string_view name;
  util::CompactVector<Argument> arguments;
  uint32_t offset = 0;  // of the name in the rule
  bool negated = false; // under an odd number of '!'
  bool known = false;   // a v3 matcher of the rule's protocol

  // The name as written in `rule` ("host"): as long as `name`, which only
  // differs from it in case.
  std::string_view written(std::string_view rule) const { return rule.substr(offset, name.size()); }
};

// `name` held for the whole run, once for each spelling: the name of a
// matcher as written.
std::string_view intern_name(std::string_view name);

// A problem of a rule: a code of the E05xx family and the byte offset in the
// rule where it is.
struct RuleProblem
{
  std::string code;
  size_t offset = 0;
  std::string message;
  std::string hint;
};

// The problems of a rule, held apart: nearly every rule has none, and the
// model holds the parsed rule of every route, once per environment.
class RuleProblems
{
public:
  RuleProblems() = default;
  explicit RuleProblems(std::vector<RuleProblem> list)
      : m_list(list.empty() ? nullptr : std::make_unique<std::vector<RuleProblem>>(std::move(list)))
  {
  }
  RuleProblems(const RuleProblems& other)
      : m_list(other.m_list ? std::make_unique<std::vector<RuleProblem>>(*other.m_list) : nullptr)
  {
  }
  RuleProblems(RuleProblems&&) noexcept = default;
  RuleProblems& operator=(const RuleProblems& other)
  {
    RuleProblems copy(other);
    m_list = std::move(copy.m_list);
    return *this;
  }
  RuleProblems& operator=(RuleProblems&&) noexcept = default;

  bool empty() const { return !m_list; }
  size_t size() const { return m_list ? m_list->size() : 0; }
  const RuleProblem* begin() const { return m_list ? m_list->data() : nullptr; }
  const RuleProblem* end() const { return m_list ? m_list->data() + m_list->size() : nullptr; }
  const RuleProblem& operator[](size_t i) const { return (*m_list)[i]; }
  const RuleProblem& at(size_t i) const
  {
    if (i >= size()) {
      throw std::out_of_range("RuleProblems::at");
    }
    return (*m_list)[i];
  }

private:
  std::unique_ptr<std::vector<RuleProblem>> m_list; // null: none
};

// One node of the expression tree, as Traefik builds it: a matcher, or an
// operator over other nodes. `&&` binds tighter than `||`, both associate
// to the left, and parentheses leave no node of their own.
struct Node
{
  enum class Kind : uint8_t { matcher, all, any, negation }; // matcher, &&, ||, !
  Kind kind = Kind::matcher;
  uint32_t first = 0;  // matcher: index in Rule::matchers; &&, ||, !: the (left) operand
  uint32_t second = 0; // &&, ||: the right operand
};

struct Rule
{
  // One pointer each: a check parses the rule of every route of an
  // environment and holds them all at once.
  util::CompactVector<Matcher> matchers; // in the order written
  util::CompactVector<Node> nodes;       // operands before operators, the root last; empty: no tree (syntax error)
  RuleProblems problems;                 // empty: Traefik v3 accepts the rule
  bool conjunction = false;              // only matchers joined by && (no ||, no !)

  bool ok() const { return problems.empty(); }
  bool parsed() const { return !nodes.empty(); }
  const Node& root() const { return nodes.back(); }
};

// A Path() or PathPrefix() condition of a rule.
struct PathCondition
{
  std::string value;
  bool exact = false; // Path rather than PathPrefix
};

// What a rule says about the requests it takes, read off its tree: the one
// answer to "which hosts does this route serve?" for every check and target.
struct Scope
{
  // Host() values under an even number of '!' (so the rule can match them),
  // and under an odd number (the rule refuses them); each normalised as
  // Traefik compares them: lower case, without a trailing dot. Host(`*`),
  // which matches every host, is in neither.
  util::CompactVector<std::string> hosts;
  util::CompactVector<std::string> excluded_hosts;
  util::CompactVector<PathCondition> paths; // Path()/PathPrefix() not under an odd number of '!'
};

// The scope of a rule that parsed (an empty scope for one that did not).
Scope scope_of(const Rule& rule);

// True for an IPv4 or IPv6 address (no brackets, no port): a host no DNS
// record or publicly trusted certificate is made for.
bool is_ip_address(std::string_view host);

// A host name as Traefik's Host() compares it: lower case, without one
// trailing dot.
std::string normalize_host(std::string_view host);

// Parses and checks one rule. A syntax error stops the parse (one problem, as
// Go reports it); problems with matchers and their arguments are all kept.
Rule parse_rule(std::string_view text, Protocol protocol = Protocol::http);

// The v3 regexp for a v2 `{name:regexp}` template (Host, HostRegexp, Path,
// PathPrefix arguments), as v2 built it: the text around placeholders quoted
// (backslashes included), each placeholder's regexp as written (`[^.]+` for
// a bare `{name}` in a host, `[^/]+` in a path), anchored with ^ and, unless
// `prefix`, $. For hints.
std::string v2_template_to_regexp(std::string_view text, bool host, bool prefix);

namespace detail {

// Checks the arguments of a parsed matcher against its definition (arity,
// v2 forms, values Traefik refuses, regexps); appends to `problems`.
void check_matcher(Matcher& matcher, std::string_view rule, Protocol protocol, std::vector<RuleProblem>& problems);

} // namespace detail

} // namespace edgegen::rules
