#pragma once

#include "util/symbol.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <variant>
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
  Value(bool b) : m_data(b) {}
  Value(int i) : m_data(int64_t{i}) {}
  Value(int64_t i) : m_data(i) {}
  Value(double d) : m_data(d) {}
  Value(std::string s) : m_data(std::move(s)) {}
  Value(const char* s) : m_data(std::string(s)) {}
  Value(const Symbol& s) : m_data(s.str()) {}
  Value(List l) : m_data(std::move(l)) {}
  Value(Map m) : m_data(std::move(m)) {}

  static Value map() { return Value(Map{}); }
  static Value list() { return Value(List{}); }

  Kind kind() const { return static_cast<Kind>(m_data.index()); }
  bool is_null() const { return kind() == Kind::null; }
  bool is_map() const { return kind() == Kind::map; }
  bool is_list() const { return kind() == Kind::list; }
  bool is_string() const { return kind() == Kind::string; }

  // The value as the given kind; false, 0, or an empty string, list or map
  // if it is of another kind (a list or map returned for another kind is a
  // scratch one: what is put in it is not kept).
  bool as_bool() const { return is<bool>() && std::get<bool>(m_data); }
  int64_t as_int() const { return is<int64_t>() ? std::get<int64_t>(m_data) : 0; }
  double as_double() const { return is<double>() ? std::get<double>(m_data) : 0; }
  const std::string& as_string() const;
  const List& as_list() const;
  List& as_list();
  const Map& as_map() const;
  Map& as_map();

  // Map access; turns a null value into an empty map first.
  Value& operator[](const std::string& key);
  // List append; turns a null value into an empty list first.
  void push_back(Value v);
  // Deep merge: maps merge key by key, anything else is replaced by `over`.
  void merge(const Value& over);

  bool operator==(const Value& other) const;
  bool operator!=(const Value& other) const { return !(*this == other); }

private:
  template <typename T> bool is() const { return std::holds_alternative<T>(m_data); }

  // In the order of Kind. 56 bytes whatever it holds: a large edge keeps
  // hundreds of thousands of these.
  std::variant<std::monostate, bool, int64_t, double, std::string, List, Map> m_data;
};

} // namespace edgegen::util
