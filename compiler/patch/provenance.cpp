// Which patch wrote the value a diagnostic points at, and what it replaced.
#include "patch/patch.hpp"

namespace edgegen::patch {

namespace {

using Key = std::tuple<std::string, int, int>;

struct Walk
{
  const Patched& copy;
  std::map<Key, Provenance::Entry>& entries;

  void add(int line, int column, const std::vector<diag::Position>& before)
  {
    entries.try_emplace(Key{*copy.document.patch_file, line, column}, Provenance::Entry{copy.environment, before});
  }

  // `inherited`: what the nearest replaced ancestor replaced.
  void node(const load::Node& node, const std::vector<diag::Position>& inherited)
  {
    const std::vector<diag::Position>* own =
        node.file == copy.document.patch_file
            ? copy.trace.before({diag::FileName::interned(node.file), node.line, node.column})
            : nullptr;
    const std::vector<diag::Position>& before = own ? *own : inherited;
    if (node.file == copy.document.patch_file) {
      add(node.line, node.column, before);
      if (node.key_line > 0) {
        add(node.key_line, node.key_column, before);
      }
    }
    for (const auto& item : node.items) {
      this->node(item, before);
    }
  }
};

} // namespace

Provenance::Provenance(const std::vector<Patched>& patched)
{
  for (const auto& copy : patched) {
    if (copy.document.patch_file) {
      Walk{copy, m_entries}.node(copy.document.root, {});
    }
  }
}

const Provenance::Entry* Provenance::find(const diag::Position& position) const
{
  auto found = m_entries.find(Key{position.file.str(), position.line, position.column});
  return found == m_entries.end() ? nullptr : &found->second;
}

void Provenance::annotate(diag::Diagnostics& diagnostics) const
{
  if (m_entries.empty()) {
    return;
  }
  diagnostics.update([this](diag::Diagnostic& d) {
    if (const Entry* entry = find(d.location)) {
      d.patched_in = entry->environment;
      d.before = entry->before;
    }
  });
}

} // namespace edgegen::patch
