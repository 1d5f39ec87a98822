#include "util/value.hpp"

namespace edgegen::util {

Value& Value::operator[](const std::string& key)
{
  if (m_kind == Kind::null) {
    m_kind = Kind::map;
  }
  return m_map[key];
}

void Value::push_back(Value v)
{
  if (m_kind == Kind::null) {
    m_kind = Kind::list;
  }
  m_list.push_back(std::move(v));
}

void Value::merge(const Value& over)
{
  if (m_kind == Kind::map && over.m_kind == Kind::map) {
    for (const auto& [key, value] : over.m_map) {
      m_map[key].merge(value);
    }
    return;
  }
  *this = over;
}

bool Value::operator==(const Value& other) const
{
  if (m_kind != other.m_kind) {
    return false;
  }
  switch (m_kind) {
  case Kind::null: return true;
  case Kind::boolean: return m_bool == other.m_bool;
  case Kind::integer: return m_int == other.m_int;
  case Kind::floating: return m_double == other.m_double;
  case Kind::string: return m_string == other.m_string;
  case Kind::list: return m_list == other.m_list;
  case Kind::map: return m_map == other.m_map;
  }
  return false;
}

} // namespace edgegen::util
