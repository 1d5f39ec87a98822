#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace edgegen::util {

// A value on the heap that copies of the holder share, counted: one pointer
// in the holder where a std::shared_ptr is two, and a 4-byte count beside the
// value where make_shared's control block is 16 bytes. For what a large edge
// holds by the hundred thousand (a route's common part, its texts, a shared
// list). No weak references, no aliasing; the count is atomic, so copies may
// be made and dropped on several threads at once, as with std::shared_ptr.
template <typename T> class Rc
{
public:
  Rc() = default;
  Rc(std::nullptr_t) {}
  template <typename... Args> static Rc make(Args&&... args)
  {
    Rc out;
    out.m_box = new Box(std::forward<Args>(args)...);
    return out;
  }

  Rc(const Rc& other) noexcept : m_box(other.m_box)
  {
    if (m_box) {
      m_box->count.fetch_add(1, std::memory_order_relaxed);
    }
  }
  Rc(Rc&& other) noexcept : m_box(std::exchange(other.m_box, nullptr)) {}
  Rc& operator=(Rc other) noexcept
  {
    std::swap(m_box, other.m_box);
    return *this;
  }
  ~Rc()
  {
    if (m_box && m_box->count.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      delete m_box;
    }
  }

  T* get() const { return m_box ? &m_box->value : nullptr; }
  T& operator*() const { return m_box->value; }
  T* operator->() const { return &m_box->value; }
  explicit operator bool() const { return m_box != nullptr; }
  // Whether another holder shares the value (copy it before changing it).
  bool shared() const { return m_box && m_box->count.load(std::memory_order_acquire) > 1; }

  // The same value, not an equal one.
  friend bool operator==(const Rc& a, const Rc& b) { return a.m_box == b.m_box; }
  friend bool operator!=(const Rc& a, const Rc& b) { return a.m_box != b.m_box; }

private:
  struct Box
  {
    template <typename... Args> explicit Box(Args&&... args) : value(std::forward<Args>(args)...) {}
    std::atomic<uint32_t> count{1};
    T value;
  };
  Box* m_box = nullptr;
};

} // namespace edgegen::util
