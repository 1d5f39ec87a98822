#include "util/value.hpp"

#include "util/empty.hpp"

namespace edgegen::util {

namespace {

template <typename T> T& scratch()
{
  thread_local T empty;
  empty = T{};
  return empty;
}

} // namespace

const std::string& Value::as_string() const
{
  return is<std::string>() ? std::get<std::string>(m_data) : util::empty<std::string>();
}

const Value::List& Value::as_list() const
{
  return is<List>() ? std::get<List>(m_data) : util::empty<List>();
}

Value::List& Value::as_list()
{
  return is<List>() ? std::get<List>(m_data) : scratch<List>();
}

const Value::Map& Value::as_map() const
{
  return is<Map>() ? std::get<Map>(m_data) : util::empty<Map>();
}

Value::Map& Value::as_map()
{
  return is<Map>() ? std::get<Map>(m_data) : scratch<Map>();
}

Value& Value::operator[](const std::string& key)
{
  if (is_null()) {
    m_data = Map{};
  }
  return as_map()[key];
}

void Value::push_back(Value v)
{
  if (is_null()) {
    m_data = List{};
  }
  as_list().push_back(std::move(v));
}

void Value::merge(const Value& over)
{
  if (is_map() && over.is_map()) {
    for (const auto& [key, value] : over.as_map()) {
      as_map()[key].merge(value);
    }
    return;
  }
  *this = over;
}

bool Value::operator==(const Value& other) const
{
  return m_data == other.m_data;
}

} // namespace edgegen::util
