#include "cli/tree_diff.hpp"

#include "util/empty.hpp"

#include <algorithm>

namespace edgegen::cli {

namespace {

// git's default colours.
constexpr const char* k_bold = "\033[1m";
constexpr const char* k_cyan = "\033[36m";
constexpr const char* k_red = "\033[31m";
constexpr const char* k_green = "\033[32m";
constexpr const char* k_reset = "\033[m";

// The widest +/- bar of --stat; longer counts are scaled down to it.
constexpr size_t k_stat_bar_width = 40;

void colored(std::ostream& out, bool color, const char* code, const std::string& text)
{
  if (color && *code) {
    out << code << text << k_reset << "\n";
  } else {
    out << text << "\n";
  }
}

std::string plural(size_t count, const char* one, const char* many)
{
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

} // namespace

std::vector<FileDiff> diff_trees(const RenderedTree& old_tree, const RenderedTree& new_tree)
{
  std::vector<std::string> paths;
  for (const auto& [path, bytes] : old_tree) {
    paths.push_back(path);
  }
  for (const auto& [path, bytes] : new_tree) {
    if (!old_tree.count(path)) {
      paths.push_back(path);
    }
  }
  std::sort(paths.begin(), paths.end());

  std::vector<FileDiff> diffs;
  for (const std::string& path : paths) {
    auto old_it = old_tree.find(path);
    auto new_it = new_tree.find(path);
    const std::string& old_bytes = old_it == old_tree.end() ? util::empty<std::string>() : old_it->second;
    const std::string& new_bytes = new_it == new_tree.end() ? util::empty<std::string>() : new_it->second;
    FileDiff diff;
    diff.path = path;
    diff.added = old_it == old_tree.end();
    diff.removed = new_it == new_tree.end();
    if (!diff.added && !diff.removed && old_bytes == new_bytes) {
      continue;
    }
    diff.hunks = util::diff_hunks(old_bytes, new_bytes);
    for (const util::Hunk& hunk : diff.hunks) {
      for (const util::DiffLine& line : hunk.lines) {
        diff.insertions += line.tag == '+';
        diff.deletions += line.tag == '-';
      }
    }
    diffs.push_back(std::move(diff));
  }
  return diffs;
}

void print_patch(const std::vector<FileDiff>& diffs, bool color, std::ostream& out)
{
  for (const FileDiff& diff : diffs) {
    colored(out, color, k_bold, "--- " + (diff.added ? std::string("/dev/null") : "a/" + diff.path));
    colored(out, color, k_bold, "+++ " + (diff.removed ? std::string("/dev/null") : "b/" + diff.path));
    for (const util::Hunk& hunk : diff.hunks) {
      colored(out, color, k_cyan, util::hunk_header(hunk));
      for (const util::DiffLine& line : hunk.lines) {
        bool has_newline = !line.text.empty() && line.text.back() == '\n';
        std::string text = line.tag + std::string(line.text.substr(0, line.text.size() - has_newline));
        colored(out, color, line.tag == '-' ? k_red : line.tag == '+' ? k_green : "", text);
        if (!has_newline) {
          out << "\\ No newline at end of file\n";
        }
      }
    }
  }
}

void print_stat(const std::vector<FileDiff>& diffs, bool color, std::ostream& out)
{
  size_t width = 0;
  size_t most = 0;
  size_t insertions = 0;
  size_t deletions = 0;
  for (const FileDiff& diff : diffs) {
    width = std::max(width, diff.path.size());
    most = std::max(most, diff.insertions + diff.deletions);
    insertions += diff.insertions;
    deletions += diff.deletions;
  }
  size_t count_width = std::to_string(most).size();
  for (const FileDiff& diff : diffs) {
    size_t changes = diff.insertions + diff.deletions;
    size_t plus = diff.insertions;
    size_t minus = diff.deletions;
    if (most > k_stat_bar_width) {
      // Scaled, but a file with a change keeps at least one mark of each kind.
      plus = plus == 0 ? 0 : std::max<size_t>(1, plus * k_stat_bar_width / most);
      minus = minus == 0 ? 0 : std::max<size_t>(1, minus * k_stat_bar_width / most);
    }
    std::string count = std::to_string(changes);
    out << " " << diff.path << std::string(width - diff.path.size(), ' ') << " | "
        << std::string(count_width - count.size(), ' ') << count << (plus + minus > 0 ? " " : "");
    out << (color && plus ? k_green : "") << std::string(plus, '+') << (color && plus ? k_reset : "");
    out << (color && minus ? k_red : "") << std::string(minus, '-') << (color && minus ? k_reset : "") << "\n";
  }
  out << " " << plural(diffs.size(), "file changed", "files changed");
  if (insertions > 0 || deletions == 0) {
    out << ", " << plural(insertions, "insertion(+)", "insertions(+)");
  }
  if (deletions > 0 || insertions == 0) {
    out << ", " << plural(deletions, "deletion(-)", "deletions(-)");
  }
  out << "\n";
}

} // namespace edgegen::cli
