#include "write/tree_io.hpp"
#include "write/write.hpp"

namespace edgegen::write {

std::vector<emit::OutputFile> carry_over(Disk& disk, const std::string& out_dir,
                                         const std::function<bool(const std::string&)>& keep)
{
  std::vector<emit::OutputFile> out;
  SumListing sum = read_sum(disk, out_dir);
  for (std::string_view listed : sum.paths) {
    std::string path(listed);
    if (path == "edgegen.lock.json" || !keep(path) || probe(disk, out_dir, path).kind != EntryKind::file) {
      continue;
    }
    emit::OutputFile file;
    file.path = path;
    file.format = emit::OutputFile::Format::text;
    file.text = disk.read_file(join_path(out_dir, path)); // as it is now, so edgegen.sum stays true
    out.push_back(std::move(file));
  }
  return out;
}

} // namespace edgegen::write
