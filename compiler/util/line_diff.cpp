#include "util/line_diff.hpp"

#include <algorithm>
#include <unordered_map>

namespace edgegen::util {

namespace {

// Past this many steps of the search per line of a block, a block is given
// up as wholly changed (see bisect): a bound on the time, not on the result,
// for the rare inputs that would otherwise take quadratic time.
constexpr long k_work_budget = 400000000;
constexpr int k_min_cost = 256;

// Lines are compared as small integers: equal lines get equal ids.
class Differ
{
public:
  Differ(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b)
  {
    std::unordered_map<std::string_view, int> ids;
    std::vector<int> a_ids;
    std::vector<int> b_ids;
    for (auto line : a) {
      a_ids.push_back(ids.emplace(line, static_cast<int>(ids.size())).first->second);
    }
    for (auto line : b) {
      b_ids.push_back(ids.emplace(line, static_cast<int>(ids.size())).first->second);
    }
    // A line found on one side only can never be kept: the search runs
    // without such lines (as GNU diff does), which makes a rewritten block
    // or a file changed on every tenth line cheap, and finds the same
    // longest common subsequence.
    std::vector<char> in_a(ids.size(), 0);
    std::vector<char> in_b(ids.size(), 0);
    for (int id : a_ids) {
      in_a[id] = 1;
    }
    for (int id : b_ids) {
      in_b[id] = 1;
    }
    for (size_t i = 0; i < a_ids.size(); ++i) {
      if (in_b[a_ids[i]]) {
        m_a.push_back(a_ids[i]);
        m_a_index.push_back(i);
      }
    }
    for (size_t j = 0; j < b_ids.size(); ++j) {
      if (in_a[b_ids[j]]) {
        m_b.push_back(b_ids[j]);
        m_b_index.push_back(j);
      }
    }
    m_a_size = a_ids.size();
    m_b_size = b_ids.size();
  }

  std::vector<EditOp> run()
  {
    diff(0, static_cast<int>(m_a.size()), 0, static_cast<int>(m_b.size()));
    // Back to the whole sequences: between two kept lines, everything
    // else of a is removed and everything else of b inserted.
    std::vector<EditOp> ops;
    size_t i = 0, j = 0, fi = 0, fj = 0;
    for (EditOp op : m_ops) {
      if (op == EditOp::remove) {
        ++fi;
      } else if (op == EditOp::insert) {
        ++fj;
      } else {
        for (; i < m_a_index[fi]; ++i) {
          ops.push_back(EditOp::remove);
        }
        for (; j < m_b_index[fj]; ++j) {
          ops.push_back(EditOp::insert);
        }
        ops.push_back(EditOp::keep);
        ++i, ++j, ++fi, ++fj;
      }
    }
    ops.insert(ops.end(), m_a_size - i, EditOp::remove);
    ops.insert(ops.end(), m_b_size - j, EditOp::insert);
    return ops;
  }

private:
  void diff(int a_lo, int a_hi, int b_lo, int b_hi)
  {
    // Common head and tail first: most changes are small, and the
    // recursion below needs sequences that differ at both ends.
    int head = 0;
    while (a_lo + head < a_hi && b_lo + head < b_hi && m_a[a_lo + head] == m_b[b_lo + head]) {
      ++head;
    }
    m_ops.insert(m_ops.end(), head, EditOp::keep);
    a_lo += head;
    b_lo += head;
    int tail = 0;
    while (a_hi - tail > a_lo && b_hi - tail > b_lo && m_a[a_hi - tail - 1] == m_b[b_hi - tail - 1]) {
      ++tail;
    }
    a_hi -= tail;
    b_hi -= tail;
    if (a_lo == a_hi || b_lo == b_hi) {
      m_ops.insert(m_ops.end(), a_hi - a_lo, EditOp::remove);
      m_ops.insert(m_ops.end(), b_hi - b_lo, EditOp::insert);
    } else {
      bisect(a_lo, a_hi, b_lo, b_hi);
    }
    m_ops.insert(m_ops.end(), tail, EditOp::keep);
  }

  // Finds a point on a shortest path by searching from both ends until the
  // two searches overlap (Myers' "middle snake"), then solves both halves:
  // O(ND) time, O(N) space. The diagonals that run off the grid are dropped
  // from later rounds (k_*_start / k_*_end), as in diff-match-patch.
  void bisect(int a_lo, int a_hi, int b_lo, int b_hi)
  {
    const int n = a_hi - a_lo;
    const int m = b_hi - b_lo;
    const int max_d = std::min((n + m + 1) / 2, std::max(k_min_cost, static_cast<int>(k_work_budget / (n + m))));
    const int offset = max_d;
    std::vector<int> forward(2 * max_d + 2, -1);
    std::vector<int> backward(2 * max_d + 2, -1);
    forward[offset + 1] = 0;
    backward[offset + 1] = 0;
    const int delta = n - m;
    const bool odd = delta % 2 != 0;
    int k1_start = 0, k1_end = 0, k2_start = 0, k2_end = 0;
    const int* a = m_a.data() + a_lo;
    const int* b = m_b.data() + b_lo;
    for (int d = 0; d < max_d; ++d) {
      for (int k = -d + k1_start; k <= d - k1_end; k += 2) {
        int at = offset + k;
        int x = (k == -d || (k != d && forward[at - 1] < forward[at + 1])) ? forward[at + 1] : forward[at - 1] + 1;
        int y = x - k;
        while (x < n && y < m && a[x] == b[y]) {
          ++x, ++y;
        }
        forward[at] = x;
        if (x > n) {
          k1_end += 2;
        } else if (y > m) {
          k1_start += 2;
        } else if (odd) {
          int back = offset + delta - k;
          if (back >= 0 && back < 2 * max_d && backward[back] != -1 && x >= n - backward[back]) {
            return split(a_lo, a_hi, b_lo, b_hi, x, y);
          }
        }
      }
      for (int k = -d + k2_start; k <= d - k2_end; k += 2) {
        int at = offset + k;
        int x = (k == -d || (k != d && backward[at - 1] < backward[at + 1])) ? backward[at + 1] : backward[at - 1] + 1;
        int y = x - k;
        while (x < n && y < m && a[n - x - 1] == b[m - y - 1]) {
          ++x, ++y;
        }
        backward[at] = x;
        if (x > n) {
          k2_end += 2;
        } else if (y > m) {
          k2_start += 2;
        } else if (!odd) {
          int front = offset + delta - k;
          if (front >= 0 && front < 2 * max_d && forward[front] != -1 && forward[front] >= n - x) {
            int fx = forward[front];
            return split(a_lo, a_hi, b_lo, b_hi, fx, fx - (front - offset));
          }
        }
      }
    }
    // Reached when nothing is shared, or past the budget: the block is
    // shown as wholly changed, a correct if longer diff.
    m_ops.insert(m_ops.end(), n, EditOp::remove);
    m_ops.insert(m_ops.end(), m, EditOp::insert);
  }

  void split(int a_lo, int a_hi, int b_lo, int b_hi, int x, int y)
  {
    diff(a_lo, a_lo + x, b_lo, b_lo + y);
    diff(a_lo + x, a_hi, b_lo + y, b_hi);
  }

  std::vector<int> m_a; // the lines found on both sides, as ids
  std::vector<int> m_b;
  std::vector<size_t> m_a_index; // where each of them is in the whole sequence
  std::vector<size_t> m_b_index;
  size_t m_a_size = 0;
  size_t m_b_size = 0;
  std::vector<EditOp> m_ops; // over m_a and m_b
};

// Within a run of changes, removals first: "-old +new" reads better than
// interleaved lines, and the script stays as short.
void group_changes(std::vector<EditOp>& ops)
{
  size_t i = 0;
  while (i < ops.size()) {
    if (ops[i] == EditOp::keep) {
      ++i;
      continue;
    }
    size_t end = i;
    size_t removed = 0;
    for (; end < ops.size() && ops[end] != EditOp::keep; ++end) {
      removed += ops[end] == EditOp::remove;
    }
    for (size_t j = i; j < end; ++j) {
      ops[j] = j - i < removed ? EditOp::remove : EditOp::insert;
    }
    i = end;
  }
}

} // namespace

std::vector<EditOp> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b)
{
  std::vector<EditOp> ops = Differ(a, b).run();
  group_changes(ops);
  return ops;
}

std::vector<std::string_view> split_lines(std::string_view text)
{
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end);
  }
  return lines;
}

std::vector<Hunk> diff_hunks(std::string_view old_text, std::string_view new_text, size_t context)
{
  std::vector<std::string_view> a = split_lines(old_text);
  std::vector<std::string_view> b = split_lines(new_text);
  std::vector<EditOp> ops = edit_script(a, b);

  // Positions in `ops` of changes, with the lines before each op.
  std::vector<Hunk> hunks;
  size_t i = 0;
  size_t ai = 0;
  size_t bi = 0;
  while (i < ops.size()) {
    if (ops[i] == EditOp::keep) {
      ++i, ++ai, ++bi;
      continue;
    }
    // A change at ops[i]: open a hunk with up to `context` lines before it.
    size_t before = std::min({context, ai, bi});
    Hunk hunk;
    hunk.old_start = ai - before;
    hunk.new_start = bi - before;
    for (size_t c = before; c > 0; --c) {
      hunk.lines.push_back({' ', a[ai - c]});
    }
    // Extend while the next change is within 2 * context unchanged lines.
    while (i < ops.size()) {
      if (ops[i] == EditOp::remove) {
        hunk.lines.push_back({'-', a[ai++]});
        ++i;
      } else if (ops[i] == EditOp::insert) {
        hunk.lines.push_back({'+', b[bi++]});
        ++i;
      } else {
        size_t run = 0;
        while (i + run < ops.size() && ops[i + run] == EditOp::keep) {
          ++run;
        }
        bool last = i + run == ops.size();
        size_t shown = last || run > 2 * context ? std::min(run, context) : run;
        for (size_t c = 0; c < shown; ++c) {
          hunk.lines.push_back({' ', a[ai + c]});
        }
        if (shown < run || last) {
          break;
        }
        i += run, ai += run, bi += run;
      }
    }
    for (const DiffLine& line : hunk.lines) {
      hunk.old_count += line.tag != '+';
      hunk.new_count += line.tag != '-';
    }
    // 1-based; an empty side names the line before it.
    hunk.old_start += hunk.old_count > 0;
    hunk.new_start += hunk.new_count > 0;
    hunks.push_back(std::move(hunk));
  }
  return hunks;
}

std::string hunk_header(const Hunk& hunk)
{
  auto range = [](size_t start, size_t count) {
    return std::to_string(start) + (count == 1 ? "" : "," + std::to_string(count));
  };
  return "@@ -" + range(hunk.old_start, hunk.old_count) + " +" + range(hunk.new_start, hunk.new_count) + " @@";
}

} // namespace edgegen::util
