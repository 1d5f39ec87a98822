#pragma once

namespace edgegen::util {

// One empty T for the whole program, to stand beside a list in a
// conditional: `for (x : cond ? list : util::empty<T>())`. Both sides are
// then lvalues of one type, so the loop reads `list` in place; with a
// temporary `T{}` on the other side, the conditional is a copy of `list`.
template <typename T> const T& empty()
{
  static const T k_empty;
  return k_empty;
}

} // namespace edgegen::util
