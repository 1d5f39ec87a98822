#pragma once

#include "util/empty.hpp"
#include "util/rc.hpp"

#include <initializer_list>
#include <vector>

namespace edgegen::util {

// A list that several holders share while their copies are equal: a
// project's services in the environments that convert them alike, the
// entry points of the routers that listen on the same ones. Reads as a
// const std::vector; a write copies it first when another holder shares it.
template <typename T> class SharedList
{
public:
  SharedList() = default;
  // An empty list holds nothing at all: most lists of a kind are empty.
  SharedList(std::initializer_list<T> items) : SharedList(std::vector<T>(items)) {}
  SharedList(std::vector<T> items) : m_items(items.empty() ? nullptr : Rc<std::vector<T>>::make(std::move(items))) {}

  const std::vector<T>& get() const { return m_items ? *m_items : util::empty<std::vector<T>>(); }
  operator const std::vector<T>&() const { return get(); }
  typename std::vector<T>::const_iterator begin() const { return get().begin(); }
  typename std::vector<T>::const_iterator end() const { return get().end(); }
  size_t size() const { return get().size(); }
  bool empty() const { return get().empty(); }
  const T& operator[](size_t i) const { return get()[i]; }
  const T& at(size_t i) const { return get().at(i); }
  const T& front() const { return get().front(); }
  const T& back() const { return get().back(); }

  friend bool operator==(const SharedList& a, const std::vector<T>& b) { return a.get() == b; }
  friend bool operator==(const std::vector<T>& a, const SharedList& b) { return a == b.get(); }
  friend bool operator==(const SharedList& a, const SharedList& b) { return a.get() == b.get(); }

  // The list to change: this holder's own.
  std::vector<T>& edit()
  {
    if (!m_items) {
      m_items = Rc<std::vector<T>>::make();
    } else if (m_items.shared()) {
      m_items = Rc<std::vector<T>>::make(*m_items);
    }
    return *m_items;
  }
  void push_back(T item) { edit().push_back(std::move(item)); }

  // Holds `other`'s list instead of its own (which the caller knows to be
  // equal).
  void share(const SharedList& other) { m_items = other.m_items; }
  bool shares(const SharedList& other) const { return m_items && m_items == other.m_items; }

private:
  Rc<std::vector<T>> m_items; // one pointer: a router or a project holds a few
};

} // namespace edgegen::util
