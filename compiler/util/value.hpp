#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace edgegen::util {

// A plain data tree (null, bool, integer, float, string, list, map) with
// sorted map keys. Emitters build documents from it and the writer serialises
// it; sorting keys by construction is what makes the output independent of
// the order in which anything was inserted.
class Value
{
public:
  enum class Kind { null, boolean, integer, floating, string, list, map };
  using List = std::vector<Value>;
  using Map = std::map<std::string, Value>;

  Value() = default;
  Value(bool b) : m_kind(Kind::boolean), m_bool(b) {}
  Value(int i) : m_kind(Kind::integer), m_int(i) {}
  Value(int64_t i) : m_kind(Kind::integer), m_int(i) {}
  Value(double d) : m_kind(Kind::floating), m_double(d) {}
  Value(std::string s) : m_kind(Kind::string), m_string(std::move(s)) {}
  Value(const char* s) : m_kind(Kind::string), m_string(s) {}
  Value(List l) : m_kind(Kind::list), m_list(std::move(l)) {}
  Value(Map m) : m_kind(Kind::map), m_map(std::move(m)) {}

  static Value map() { return Value(Map{}); }
  static Value list() { return Value(List{}); }

  Kind kind() const { return m_kind; }
  bool is_null() const { return m_kind == Kind::null; }
  bool is_map() const { return m_kind == Kind::map; }
  bool is_list() const { return m_kind == Kind::list; }
  bool is_string() const { return m_kind == Kind::string; }

  bool as_bool() const { return m_bool; }
  int64_t as_int() const { return m_int; }
  double as_double() const { return m_double; }
  const std::string& as_string() const { return m_string; }
  const List& as_list() const { return m_list; }
  List& as_list() { return m_list; }
  const Map& as_map() const { return m_map; }
  Map& as_map() { return m_map; }

  // Map access; turns a null value into an empty map first.
  Value& operator[](const std::string& key);
  // List append; turns a null value into an empty list first.
  void push_back(Value v);
  // Deep merge: maps merge key by key, anything else is replaced by `over`.
  void merge(const Value& over);

  bool operator==(const Value& other) const;
  bool operator!=(const Value& other) const { return !(*this == other); }

private:
  Kind m_kind = Kind::null;
  bool m_bool = false;
  int64_t m_int = 0;
  double m_double = 0;
  std::string m_string;
  List m_list;
  Map m_map;
};

} // namespace edgegen::util
