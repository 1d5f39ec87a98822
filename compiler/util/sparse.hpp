#pragma once

#include "util/empty.hpp"

#include <memory>
#include <utility>

namespace edgegen::util {

// A container that most holders leave empty (a project's labels, the
// middlewares an environment leaves out of it), held on the heap only when
// it is not: one pointer in the holder, where an empty std::map is 48
// bytes. Reads as a const T; assigning a T replaces it.
template <typename T> class Sparse
{
public:
  Sparse() = default;
  Sparse(T value) { *this = std::move(value); }
  Sparse(const Sparse& other) : m_value(other.m_value ? std::make_unique<T>(*other.m_value) : nullptr) {}
  Sparse(Sparse&&) noexcept = default;
  Sparse& operator=(const Sparse& other)
  {
    m_value = other.m_value ? std::make_unique<T>(*other.m_value) : nullptr;
    return *this;
  }
  Sparse& operator=(Sparse&&) noexcept = default;
  Sparse& operator=(T value)
  {
    m_value = value.empty() ? nullptr : std::make_unique<T>(std::move(value));
    return *this;
  }

  const T& get() const { return m_value ? *m_value : util::empty<T>(); }
  operator const T&() const { return get(); }
  auto begin() const { return get().begin(); }
  auto end() const { return get().end(); }
  bool empty() const { return !m_value; }
  auto size() const { return get().size(); }
  template <typename K> auto find(const K& key) const { return get().find(key); }
  template <typename K> auto count(const K& key) const { return get().count(key); }

  friend bool operator==(const Sparse& a, const Sparse& b) { return a.get() == b.get(); }

private:
  std::unique_ptr<T> m_value; // null: empty
};

} // namespace edgegen::util
