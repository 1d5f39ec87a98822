#pragma once

#include "emit/output.hpp"
#include "util/text_store.hpp"
#include "util/value.hpp"

#include <array>
#include <deque>
#include <functional>
#include <iosfwd>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

// Stage entry: emit::OutputFile documents become the exact bytes of the
// tree, with the edgegen.sum and edgegen.lock.json that describe it. No I/O:
// write/ puts the bytes on disk.
namespace edgegen::serialise {

// Canonical YAML: two-space indent, block style, keys sorted
// except that a document's root opens with apiVersion, kind, metadata, spec;
// strings quoted only where YAML 1.1 or 1.2 would read them as something
// else; LF line endings, final newline. Several documents are separated by
// "---".
std::string to_yaml(const std::vector<util::Value>& documents);

// Canonical JSON: keys sorted, two-space indent, final newline.
std::string to_json(const util::Value& value);
// `value` as to_json writes it where it sits `indent` spaces deep inside a
// list or map, without the newline after it: a long list can be written one
// item at a time, in the same bytes as to_json of the whole list.
std::string to_json_nested(const util::Value& value, size_t indent);
// Appends to `chunk` a list of `count` items, in the bytes to_json_nested
// gives the whole list at `indent`, making and writing one item at a time
// (`item(i)`): thousands of them are never all held at once. Each time
// `chunk` reaches 64 KiB of whole items it goes to `out`; what is left is
// the caller's to finish and write.
void append_json_list(std::string& chunk, std::ostream& out, size_t count, size_t indent,
                      const std::function<util::Value(size_t)>& item);
// The same, all of it appended to `text`, which the caller holds whole.
void append_json_list(std::string& text, size_t count, size_t indent, const std::function<util::Value(size_t)>& item);

// SHA-256, as bytes and as lower-case hex, and the Git blob id (SHA-1 of
// "blob <size>\0" + bytes) in hex.
using Sha256 = std::array<unsigned char, 32>;
Sha256 sha256(std::string_view bytes);
void append_hex(std::string& out, const Sha256& digest);
std::string sha256_hex(std::string_view bytes);
std::string git_blob_id(std::string_view bytes);

// The version of the OpenSSL library computing them, as it reports itself
// at run time ("OpenSSL 3.0.15 3 Sep 2024").
std::string openssl_version();

// A file ready to write: path and exact bytes.
struct RenderedFile
{
  std::string path;
  std::string bytes;
  int rank = 0;
};

// Provenance recorded in edgegen.lock.json.
struct Provenance
{
  std::string origin = "worktree"; // "worktree", "commit" or "index"
  std::string commit_id;
  std::string tree_id;
  struct Input
  {
    std::string path;
    std::string blob_id;
  };
  std::vector<Input> inputs; // sorted by path
};

// Serialises every file and adds edgegen.lock.json and edgegen.sum (which
// covers every other file, sorted by path, in `sha256sum -c` format). The
// result is in write order: rank, then path; the lock and then the sum get
// the two highest ranks, so they change only after what they describe.
// Throws std::logic_error (an emitter bug) for a path that is empty,
// absolute, has an empty, "." or ".." segment, a backslash or a control
// character, that appears twice (edgegen.sum and edgegen.lock.json are taken),
// or that is also a directory of another path; or for a json file without
// exactly one document, or a string that is not valid UTF-8.
std::vector<RenderedFile> render_files(const std::vector<emit::OutputFile>& files, const Provenance& provenance);

// render_files one file at a time, for a render that streams: render()
// serialises a file and remembers its path, rank and checksum; finish()
// checks every path and gives edgegen.lock.json and edgegen.sum. Throws
// as render_files does. render() may be called from several threads.
class Renderer
{
public:
  RenderedFile render(const emit::OutputFile& file);
  // Hands edgegen.lock.json to `sink` before it makes edgegen.sum, so that
  // the two are not held at once (the sum is megabytes at tens of thousands
  // of files).
  void finish(const Provenance& provenance, const std::function<void(RenderedFile)>& sink);

private:
  // One line of edgegen.sum, in 48 bytes (a large edge writes tens of
  // thousands of files): the path kept in m_paths, the digest as bytes.
  struct Entry
  {
    std::string_view path;
    Sha256 sha256;
  };
  std::mutex m_mutex;          // guards the three below
  util::TextStore m_paths;     // the paths of m_entries
  std::deque<Entry> m_entries; // grows without being copied into a buffer twice its size
  int m_max_rank = 0;
};

} // namespace edgegen::serialise
