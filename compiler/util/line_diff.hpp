#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace edgegen::util {

// One step of an edit script that turns sequence a into sequence b.
enum class EditOp { keep, remove, insert };

// A shortest edit script between a and b (Myers' O(ND) algorithm in linear
// space: what a reviewer expects, the fewest lines marked as changed).
// Lines found on one side only are set aside first, so rewritten blocks
// cost nothing; a block whose search would still take quadratic time (many
// equal lines reordered) is shown as wholly changed instead. Within each run
// of changes, removals come before insertions.
std::vector<EditOp> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b);

// `text` cut after each '\n'; every line keeps its '\n', a last line
// without one stays as it is, so "x" and "x\n" differ.
std::vector<std::string_view> split_lines(std::string_view text);

struct DiffLine
{
  char tag = ' ';        // ' ' context, '-' removed, '+' inserted
  std::string_view text; // with its '\n' unless it is a last line without one
};

// One hunk of a unified diff, line numbers 1-based as in its header.
struct Hunk
{
  size_t old_start = 0;
  size_t old_count = 0;
  size_t new_start = 0;
  size_t new_count = 0;
  std::vector<DiffLine> lines;
};

// The hunks of a unified diff from `old_text` to `new_text` with `context`
// unchanged lines around each change; hunks whose context would touch are
// merged, as diff -u and git diff do. Empty when the texts are equal. The
// views point into the two texts.
std::vector<Hunk> diff_hunks(std::string_view old_text, std::string_view new_text, size_t context = 3);

// "@@ -3,7 +3,8 @@"; a count of 1 is left out and an empty side starts at
// the line before it ("-0,0"), as GNU diff and git write them.
std::string hunk_header(const Hunk& hunk);

} // namespace edgegen::util
