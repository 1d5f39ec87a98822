#pragma once

// Test helpers for write/: a scratch directory that is removed afterwards,
// and small file utilities. Used only by *_test.cpp.

#include "write/write.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace edgegen::write::testing {

class TempDir
{
public:
  TempDir()
  {
    static int counter = 0;
    m_path = (std::filesystem::temp_directory_path() /
              ("edgegen-write-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)))
                 .string();
    std::filesystem::remove_all(m_path);
    std::filesystem::create_directories(m_path);
  }
  ~TempDir()
  {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return m_path; }
  std::string operator/(const std::string& rel) const { return m_path + "/" + rel; }

private:
  std::string m_path;
};

inline void put(const std::string& path, const std::string& bytes)
{
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

inline std::string get(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline bool exists(const std::string& path)
{
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

// Every entry below `dir`, relative, sorted, directories with a trailing '/'.
inline std::vector<std::string> listing(const std::string& dir)
{
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    std::string rel = std::filesystem::relative(entry.path(), dir).generic_string();
    out.push_back(entry.is_directory() && !entry.is_symlink() ? rel + "/" : rel);
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline emit::OutputFile text_output(std::string path, std::string text, int rank = 0)
{
  emit::OutputFile file;
  file.path = std::move(path);
  file.format = emit::OutputFile::Format::text;
  file.text = std::move(text);
  file.rank = rank;
  return file;
}

inline std::vector<serialise::RenderedFile> render(const std::vector<std::pair<std::string, std::string>>& files)
{
  std::vector<emit::OutputFile> outputs;
  for (const auto& [path, text] : files) {
    outputs.push_back(text_output(path, text));
  }
  return serialise::render_files(outputs, {});
}

} // namespace edgegen::write::testing
