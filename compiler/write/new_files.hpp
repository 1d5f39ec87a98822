#pragma once

#include "write/disk.hpp"

#include <string>
#include <vector>

namespace edgegen::write {

// A file to create below a directory, `path` relative to it ('/'-separated).
struct NewFile
{
  std::string path;
  std::string bytes;
};

// What create_new_files did with each file, in the order given.
struct NewFilesReport
{
  std::vector<std::string> written;
  std::vector<std::string> kept; // something was there already: left as it was
};

// Creates the files below `dir` (made with its parents if missing) that do
// not exist yet, and never touches one that does, whatever it is (a file, a
// directory, a symbolic link). Each is written to a temporary file first and
// put in place once all of them are staged, with AtomicFile::commit_new, so
// a failure (a full disk, a name that cannot be a directory) leaves no file
// and no directory behind, and a file created meanwhile is kept too.
// Failures throw util::EnvironmentError naming the path.
NewFilesReport create_new_files(Disk& disk, const std::string& dir, const std::vector<NewFile>& files);

} // namespace edgegen::write
