#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <new>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

namespace edgegen::util {

// A vector held in one pointer (8 bytes where std::vector takes 24): its
// size and capacity sit in the block, before the items, and an empty one
// has no block. For the lists of a loaded YAML tree, which a large edge
// holds by the million, most of them short or empty. Iterators are
// pointers and are invalidated as std::vector's are. T may be incomplete
// where the member is declared (a tree's node holding its children).
// Memory gives the blocks (the heap, or util::ChunkMemory for the trees).
struct HeapMemory
{
  static void* allocate(size_t bytes) { return ::operator new(bytes); }
  static void deallocate(void* block) noexcept { ::operator delete(block); }
};

template <typename T, typename Memory = HeapMemory> class CompactVector
{
public:
  using value_type = T;
  using size_type = size_t;
  using difference_type = std::ptrdiff_t;
  using reference = T&;
  using const_reference = const T&;
  using pointer = T*;
  using const_pointer = const T*;
  using iterator = T*;
  using const_iterator = const T*;
  using reverse_iterator = std::reverse_iterator<iterator>;
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;

  CompactVector() noexcept = default;
  CompactVector(std::initializer_list<T> items) { assign(items.begin(), items.end()); }
  explicit CompactVector(size_t count) { resize(count); }
  // Takes the items of a std::vector, moved, in a block of their number.
  explicit CompactVector(std::vector<T>&& items)
  {
    reserve(items.size());
    for (auto& item : items) {
      emplace_back(std::move(item));
    }
  }
  CompactVector(const CompactVector& other) { assign(other.begin(), other.end()); }
  CompactVector(CompactVector&& other) noexcept : m_data(std::exchange(other.m_data, nullptr)) {}
  ~CompactVector() { release(); }

  CompactVector& operator=(const CompactVector& other)
  {
    if (this != &other) {
      CompactVector copy(other);
      swap(copy);
    }
    return *this;
  }
  CompactVector& operator=(CompactVector&& other) noexcept
  {
    if (this != &other) {
      release();
      m_data = std::exchange(other.m_data, nullptr);
    }
    return *this;
  }
  CompactVector& operator=(std::initializer_list<T> items)
  {
    CompactVector copy(items);
    swap(copy);
    return *this;
  }

  size_t size() const noexcept { return m_data ? header()->size : 0; }
  size_t capacity() const noexcept { return m_data ? header()->capacity : 0; }
  bool empty() const noexcept { return size() == 0; }

  T* data() noexcept { return m_data; }
  const T* data() const noexcept { return m_data; }
  iterator begin() noexcept { return m_data; }
  iterator end() noexcept { return m_data + size(); }
  const_iterator begin() const noexcept { return m_data; }
  const_iterator end() const noexcept { return m_data + size(); }
  const_iterator cbegin() const noexcept { return begin(); }
  const_iterator cend() const noexcept { return end(); }
  reverse_iterator rbegin() noexcept { return reverse_iterator(end()); }
  reverse_iterator rend() noexcept { return reverse_iterator(begin()); }
  const_reverse_iterator rbegin() const noexcept { return const_reverse_iterator(end()); }
  const_reverse_iterator rend() const noexcept { return const_reverse_iterator(begin()); }

  T& operator[](size_t index) { return m_data[index]; }
  const T& operator[](size_t index) const { return m_data[index]; }
  const T& at(size_t index) const
  {
    if (index >= size()) {
      throw std::out_of_range("CompactVector::at");
    }
    return m_data[index];
  }
  T& front() { return m_data[0]; }
  const T& front() const { return m_data[0]; }
  T& back() { return m_data[size() - 1]; }
  const T& back() const { return m_data[size() - 1]; }

  void reserve(size_t count)
  {
    if (count > capacity()) {
      reallocate(count);
    }
  }
  // Gives back the slack that growing left: the block holds its items
  // alone (none at all when there are none).
  void shrink_to_fit()
  {
    if (empty()) {
      release();
    } else if (size() < capacity()) {
      reallocate(size());
    }
  }
  void push_back(const T& item) { emplace_back(item); }
  void push_back(T&& item) { emplace_back(std::move(item)); }
  template <typename... Args> T& emplace_back(Args&&... args)
  {
    size_t count = size();
    if (count == capacity()) {
      // Built aside first: `args` may name an item of this vector.
      T item(std::forward<Args>(args)...);
      reallocate(grown(count + 1));
      new (m_data + count) T(std::move(item));
    } else {
      new (m_data + count) T(std::forward<Args>(args)...);
    }
    ++header()->size;
    return m_data[count];
  }
  void pop_back()
  {
    m_data[size() - 1].~T();
    --header()->size;
  }
  void resize(size_t count)
  {
    reserve(count);
    while (size() < count) {
      emplace_back();
    }
    while (size() > count) {
      pop_back();
    }
  }
  void clear() noexcept
  {
    if (m_data) {
      std::destroy(begin(), end());
      header()->size = 0;
    }
  }

  iterator insert(const_iterator position, T item)
  {
    size_t index = static_cast<size_t>(position - begin());
    emplace_back(std::move(item));
    std::rotate(begin() + index, end() - 1, end());
    return begin() + index;
  }
  iterator erase(const_iterator position) { return erase(position, position + 1); }
  iterator erase(const_iterator first, const_iterator last)
  {
    size_t index = static_cast<size_t>(first - begin());
    size_t count = static_cast<size_t>(last - first);
    std::move(begin() + index + count, end(), begin() + index);
    for (size_t i = 0; i < count; ++i) {
      pop_back();
    }
    return begin() + index;
  }

  void swap(CompactVector& other) noexcept { std::swap(m_data, other.m_data); }

  friend bool operator==(const CompactVector& a, const CompactVector& b)
  {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }
  friend bool operator!=(const CompactVector& a, const CompactVector& b) { return !(a == b); }
  // Items compared with a std::vector's of T, or of another type T compares
  // with (util::Symbol's with strings).
  template <typename U> friend bool operator==(const CompactVector& a, const std::vector<U>& b)
  {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }
  template <typename U> friend bool operator==(const std::vector<U>& a, const CompactVector& b) { return b == a; }

private:
  struct Header
  {
    uint32_t size;
    uint32_t capacity;
  };
  // The items start at this offset in the block, aligned for T.
  static constexpr size_t offset() { return (sizeof(Header) + alignof(T) - 1) / alignof(T) * alignof(T); }

  Header* header() const
  {
    return reinterpret_cast<Header*>(reinterpret_cast<char*>(const_cast<T*>(m_data)) - offset());
  }
  // Doubles, as std::vector does: 1, 2, 4, 8…
  static size_t grown(size_t needed) { return std::max(needed, 2 * (needed - 1)); }

  template <typename It> void assign(It first, It last)
  {
    if constexpr (std::is_base_of_v<std::forward_iterator_tag, typename std::iterator_traits<It>::iterator_category>) {
      reserve(static_cast<size_t>(std::distance(first, last)));
    }
    for (; first != last; ++first) {
      emplace_back(*first);
    }
  }

  void reallocate(size_t count)
  {
    static_assert(alignof(T) <= alignof(std::max_align_t), "CompactVector: over-aligned items");
    char* block = static_cast<char*>(Memory::allocate(offset() + count * sizeof(T)));
    T* items = reinterpret_cast<T*>(block + offset());
    size_t size = this->size();
    for (size_t i = 0; i < size; ++i) {
      new (items + i) T(std::move(m_data[i]));
    }
    release();
    m_data = items;
    header()->size = static_cast<uint32_t>(size);
    header()->capacity = static_cast<uint32_t>(count);
  }

  void release() noexcept
  {
    if (m_data) {
      std::destroy(begin(), end());
      Memory::deallocate(reinterpret_cast<char*>(m_data) - offset());
      m_data = nullptr;
    }
  }

  T* m_data = nullptr;
};

} // namespace edgegen::util
