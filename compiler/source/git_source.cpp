// Reads the desired state from a commit or the index, straight from the
// object database: no checkout, no temporary work tree, nothing of the work
// tree. The only file that includes libgit2, which it opens on first use
// rather than links: libgit2 and the dozen libraries it brings (Kerberos,
// TLS, SSH, PCRE, zlib) are then no part of a run that reads a directory.
#include "source/git_paths.hpp"
#include "source/select.hpp"
#include "source/tree_entries.hpp"

#include "util/errors.hpp"
#include "util/strings.hpp"

#include <git2.h>

#include <algorithm>
#include <cstdlib>
#include <dlfcn.h>
#include <filesystem>

namespace fs = std::filesystem;

namespace edgegen::source {

namespace {

// The functions of libgit2 this file calls, each `git_<name>`.
#define EDGEGEN_LIBGIT2_FUNCTIONS(X)                                                                                   \
  X(blob_free)                                                                                                         \
  X(blob_lookup)                                                                                                       \
  X(blob_rawcontent)                                                                                                   \
  X(blob_rawsize)                                                                                                      \
  X(error_last)                                                                                                        \
  X(index_entry_is_conflict)                                                                                           \
  X(index_entrycount)                                                                                                  \
  X(index_free)                                                                                                        \
  X(index_get_byindex)                                                                                                 \
  X(index_open)                                                                                                        \
  X(libgit2_init)                                                                                                      \
  X(libgit2_shutdown)                                                                                                  \
  X(libgit2_version)                                                                                                   \
  X(object_free)                                                                                                       \
  X(object_id)                                                                                                         \
  X(object_peel)                                                                                                       \
  X(object_type)                                                                                                       \
  X(object_type2string)                                                                                                \
  X(odb_free)                                                                                                          \
  X(odb_read_header)                                                                                                   \
  X(oid_fromstr)                                                                                                       \
  X(oid_tostr)                                                                                                         \
  X(reference_dwim)                                                                                                    \
  X(reference_free)                                                                                                    \
  X(reference_peel)                                                                                                    \
  X(repository_free)                                                                                                   \
  X(repository_index)                                                                                                  \
  X(repository_is_bare)                                                                                                \
  X(repository_odb)                                                                                                    \
  X(repository_open_ext)                                                                                               \
  X(repository_workdir)                                                                                                \
  X(revparse_single)                                                                                                   \
  X(tree_dup)                                                                                                          \
  X(tree_entry_bypath)                                                                                                 \
  X(tree_entry_byindex)                                                                                                \
  X(tree_entry_filemode)                                                                                               \
  X(tree_entry_free)                                                                                                   \
  X(tree_entry_id)                                                                                                     \
  X(tree_entry_name)                                                                                                   \
  X(tree_entry_type)                                                                                                   \
  X(tree_entrycount)                                                                                                   \
  X(tree_free)                                                                                                         \
  X(tree_id)                                                                                                           \
  X(tree_lookup)

// libgit2's functions, looked up in the library as built against.
struct Git
{
#define EDGEGEN_LIBGIT2_POINTER(name) decltype(&::git_##name) name = nullptr;
  EDGEGEN_LIBGIT2_FUNCTIONS(EDGEGEN_LIBGIT2_POINTER)
#undef EDGEGEN_LIBGIT2_POINTER
};

Git load_library()
{
  void* handle = dlopen(EDGEGEN_LIBGIT2_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = dlerror();
    throw util::EnvironmentError(std::string("reading Git needs libgit2 (") + (why ? why : EDGEGEN_LIBGIT2_SONAME) +
                                 "): install the Debian package " EDGEGEN_LIBGIT2_PACKAGE);
  }
  Git out;
#define EDGEGEN_LIBGIT2_LOOKUP(name)                                                                                   \
  out.name = reinterpret_cast<decltype(out.name)>(dlsym(handle, "git_" #name));                                        \
  if (!out.name) {                                                                                                     \
    throw util::EnvironmentError("reading Git needs libgit2's git_" #name ", which " EDGEGEN_LIBGIT2_SONAME            \
                                 " lacks: install the Debian package " EDGEGEN_LIBGIT2_PACKAGE);                       \
  }
  EDGEGEN_LIBGIT2_FUNCTIONS(EDGEGEN_LIBGIT2_LOOKUP)
#undef EDGEGEN_LIBGIT2_LOOKUP
  return out;
}

// Opened and initialised on first use, shut down at exit.
const Git& git()
{
  struct Library
  {
    Git functions = load_library();
    Library() { functions.libgit2_init(); }
    ~Library() { functions.libgit2_shutdown(); }
  };
  static const Library library;
  return library.functions;
}

template <typename T, void (*Git::*Free)(T*)> struct Deleter
{
  void operator()(T* p) const { (git().*Free)(p); }
};
template <typename T, void (*Git::*Free)(T*)> using Owned = std::unique_ptr<T, Deleter<T, Free>>;

using Repository = Owned<git_repository, &Git::repository_free>;
using Object = Owned<git_object, &Git::object_free>;
using Tree = Owned<git_tree, &Git::tree_free>;
using TreeEntryHandle = Owned<git_tree_entry, &Git::tree_entry_free>;
using Index = Owned<git_index, &Git::index_free>;
using Blob = Owned<git_blob, &Git::blob_free>;
using Odb = Owned<git_odb, &Git::odb_free>;

// Deeper trees than this are refused rather than walked by recursion.
constexpr size_t k_max_tree_depth = 256;
// A symbolic link's text longer than this is no path anyone wrote.
constexpr size_t k_max_link_size = 4096;

// Finds the repository holding `path` as git does, searching upwards but
// not past $GIT_CEILING_DIRECTORIES. Returns libgit2's code.
int open_repository(git_repository** out, const std::string& path)
{
  return git().repository_open_ext(out, path.c_str(), 0, std::getenv("GIT_CEILING_DIRECTORIES"));
}

std::string last_error()
{
  const git_error* error = git().error_last();
  return error && error->message ? error->message : "unknown libgit2 error";
}

std::string hex(const git_oid* id)
{
  char buffer[GIT_OID_HEXSZ + 1];
  git().oid_tostr(buffer, sizeof buffer, id);
  return buffer;
}

std::string read_blob(git_repository* repo, const git_oid* id, const std::string& what)
{
  git_blob* raw = nullptr;
  if (git().blob_lookup(&raw, repo, id) != 0) {
    throw util::EnvironmentError("cannot read " + what + " from the repository: " + last_error());
  }
  Blob blob(raw);
  return {static_cast<const char*>(git().blob_rawcontent(raw)), static_cast<size_t>(git().blob_rawsize(raw))};
}

class GitSource : public Source
{
public:
  explicit GitSource(Selection selection) : m_selection(std::move(selection)) {}

  SourceTree read(diag::Diagnostics& diagnostics) const override
  {
    Repository repo = open();
    const char* work_tree = git().repository_workdir(repo.get()); // null when bare
    std::string root = repository_root(m_selection, work_tree ? work_tree : "");
    TreeListing listing;
    listing.root = root;
    listing.display_prefix = display_prefix(m_selection, !work_tree);
    listing.skip = skip_below_root(m_selection, work_tree ? work_tree : "", root);

    SourceTree tree;
    std::vector<SelectedEntry> selected;
    if (m_selection.side == Selection::Side::commit) {
      Tree commit_tree = resolve(repo.get(), tree);
      Tree subtree = subtree_of(repo.get(), commit_tree.get(), root);
      tree.tree_id = hex(git().tree_id(subtree.get()));
      walk(repo.get(), subtree.get(), {}, listing.entries);
      selected = select_inputs(
          listing,
          [&](const std::string& path) {
            git_tree_entry* raw = nullptr;
            if (path.empty()) {
              return true;
            }
            if (git().tree_entry_bypath(&raw, commit_tree.get(), path.c_str()) != 0) {
              return false;
            }
            TreeEntryHandle entry(raw);
            return git().tree_entry_type(raw) == GIT_OBJECT_TREE;
          },
          diagnostics);
    } else {
      tree.origin = "index";
      std::vector<std::string> paths = list_index(repo.get(), root, listing.entries);
      selected = select_inputs(
          listing,
          [&](const std::string& path) {
            std::string prefix = path.empty() ? "" : path + "/";
            auto it = std::lower_bound(paths.begin(), paths.end(), prefix);
            return it != paths.end() && util::starts_with(*it, prefix);
          },
          diagnostics);
    }
    read_files(repo.get(), selected, tree, diagnostics);
    tree.reread = reread(m_selection.path);
    return tree;
  }

private:
  // A file's blob read again by its id, from the repository opened once,
  // on the first file read again.
  static std::function<std::optional<std::string>(const SourceFile&)> reread(const std::string& path)
  {
    auto repo = std::make_shared<Repository>(nullptr);
    return [repo, path](const SourceFile& file) -> std::optional<std::string> {
      try {
        git_oid id;
        if (!*repo) {
          git_repository* raw = nullptr;
          if (open_repository(&raw, path) != 0) {
            return std::nullopt;
          }
          *repo = Repository(raw);
        }
        if (git().oid_fromstr(&id, file.blob_id.c_str()) != 0) {
          return std::nullopt;
        }
        return read_blob(repo->get(), &id, "'" + file.display_name() + "'");
      } catch (const util::EnvironmentError&) {
        return std::nullopt;
      }
    };
  }

  Repository open() const
  {
    std::error_code ec;
    if (!fs::is_directory(m_selection.path, ec)) {
      throw util::EnvironmentError("source directory '" + m_selection.path + "' does not exist or is not a directory");
    }
    git_repository* raw = nullptr;
    int rc = open_repository(&raw, m_selection.path);
    if (rc == GIT_ENOTFOUND) {
      throw util::EnvironmentError("'" + m_selection.path + "' is not in a Git repository (" +
                                   (m_selection.side == Selection::Side::index ? "--staged" : "--ref") +
                                   " reads from Git)");
    }
    if (rc != 0) {
      throw util::EnvironmentError("cannot open the Git repository at '" + m_selection.path + "': " + last_error());
    }
    return Repository(raw);
  }

  // `revision` in a form libgit2 reads as git does (see split_revision):
  // "@" as HEAD, and a name holding '@' as the reference of that name, by
  // its commit id, or refused as git refuses it.
  std::string as_git_reads(git_repository* repo, const std::string& revision) const
  {
    RevisionParts parts = split_revision(revision);
    if (parts.name == "@") {
      return "HEAD" + parts.rest;
    }
    if (parts.name.find('@') == std::string::npos) {
      return revision;
    }
    git_reference* raw = nullptr;
    git_object* target = nullptr;
    if (git().reference_dwim(&raw, repo, parts.name.c_str()) != 0) {
      throw util::EnvironmentError("unknown revision '" + revision + "' in '" + m_selection.path + "'");
    }
    Owned<git_reference, &Git::reference_free> reference(raw);
    if (!parts.rest.empty() && parts.rest.compare(0, 2, "@{") == 0) {
      throw util::EnvironmentError("revision '" + revision + "': the reflog of a reference whose name holds '@' " +
                                   "cannot be read; name the commit instead");
    }
    if (git().reference_peel(&target, reference.get(), GIT_OBJECT_ANY) != 0) {
      throw util::EnvironmentError("unknown revision '" + revision + "' in '" + m_selection.path + "'");
    }
    Object object(target);
    return hex(git().object_id(object.get())) + parts.rest;
  }

  Tree resolve(git_repository* repo, SourceTree& tree) const
  {
    const std::string& revision = m_selection.revision;
    git_object* raw = nullptr;
    int rc = git().revparse_single(&raw, repo, as_git_reads(repo, revision).c_str());
    if (rc == GIT_EAMBIGUOUS) {
      throw util::EnvironmentError("revision '" + revision + "' is ambiguous in '" + m_selection.path +
                                   "'; give more digits or the full name");
    }
    if (rc != 0) {
      throw util::EnvironmentError("unknown revision '" + revision + "' in '" + m_selection.path + "'");
    }
    Object object(raw);
    git_object* commit = nullptr;
    if (git().object_peel(&commit, object.get(), GIT_OBJECT_COMMIT) != 0) {
      throw util::EnvironmentError("revision '" + revision + "' is a " +
                                   git().object_type2string(git().object_type(object.get())) +
                                   ", not a commit (name a directory with --subdir)");
    }
    Object owned_commit(commit);
    tree.origin = "commit";
    tree.commit_id = hex(git().object_id(commit));
    git_object* root = nullptr;
    if (git().object_peel(&root, commit, GIT_OBJECT_TREE) != 0) {
      throw util::EnvironmentError("cannot read the tree of '" + revision + "': " + last_error());
    }
    return Tree(reinterpret_cast<git_tree*>(root));
  }

  Tree subtree_of(git_repository* repo, git_tree* commit_tree, const std::string& root) const
  {
    if (root.empty()) {
      git_tree* copy = nullptr;
      git().tree_dup(&copy, commit_tree);
      return Tree(copy);
    }
    git_tree_entry* raw = nullptr;
    if (git().tree_entry_bypath(&raw, commit_tree, root.c_str()) != 0) {
      throw util::EnvironmentError("'" + root + "' is not a directory in " + m_selection.revision);
    }
    TreeEntryHandle entry(raw);
    git_tree* subtree = nullptr;
    if (git().tree_entry_filemode(raw) != GIT_FILEMODE_TREE ||
        git().tree_lookup(&subtree, repo, git().tree_entry_id(raw)) != 0) {
      throw util::EnvironmentError("'" + root + "' is not a directory in " + m_selection.revision);
    }
    return Tree(subtree);
  }

  // Lists every entry below `tree`, recursively, with its raw name: the
  // rules in tree_entries.cpp, not this walk, decide what is read.
  static void walk(git_repository* repo, const git_tree* tree, std::vector<std::string> names,
                   std::vector<TreeEntry>& out)
  {
    if (names.size() > k_max_tree_depth) {
      throw util::EnvironmentError("the tree is nested more than " + std::to_string(k_max_tree_depth) +
                                   " directories deep at '" + util::join(names, "/") + "'");
    }
    for (size_t i = 0; i < git().tree_entrycount(tree); ++i) {
      const git_tree_entry* entry = git().tree_entry_byindex(tree, i);
      names.push_back(git().tree_entry_name(entry));
      const git_oid* id = git().tree_entry_id(entry);
      switch (git().tree_entry_filemode(entry)) {
      case GIT_FILEMODE_TREE:
        if (should_descend(names.back())) {
          git_tree* raw = nullptr;
          if (git().tree_lookup(&raw, repo, id) != 0) {
            throw util::EnvironmentError("cannot read tree '" + util::join(names, "/") + "': " + last_error());
          }
          Tree subtree(raw);
          walk(repo, subtree.get(), names, out);
        } else {
          out.push_back({names, TreeEntry::Mode::directory, hex(id), ""});
        }
        break;
      case GIT_FILEMODE_BLOB:
      case GIT_FILEMODE_BLOB_EXECUTABLE:
        out.push_back({names, TreeEntry::Mode::file, hex(id), ""});
        break;
      case GIT_FILEMODE_LINK:
        out.push_back(link(repo, names, id));
        break;
      case GIT_FILEMODE_COMMIT:
        out.push_back({names, TreeEntry::Mode::submodule, hex(id), ""});
        break;
      default:
        break; // no other mode holds a file
      }
      names.pop_back();
    }
  }

  static TreeEntry link(git_repository* repo, const std::vector<std::string>& names, const git_oid* id)
  {
    std::string target = read_blob(repo, id, "symbolic link '" + util::join(names, "/") + "'");
    return {names, TreeEntry::Mode::symlink, hex(id), target.size() > k_max_link_size ? "" : target};
  }

  // The index git would commit: $GIT_INDEX_FILE when set (a hook of
  // `git commit -a` or `git commit FILE` sees a temporary index there),
  // else the repository's. Returns every path of the index, sorted.
  std::vector<std::string> list_index(git_repository* repo, const std::string& root, std::vector<TreeEntry>& out) const
  {
    if (git().repository_is_bare(repo)) {
      throw util::EnvironmentError("'" + m_selection.path + "' is a bare repository: it has no index (use --ref)");
    }
    git_index* raw = nullptr;
    const char* index_file = std::getenv("GIT_INDEX_FILE");
    int rc = index_file && *index_file ? git().index_open(&raw, index_file) : git().repository_index(&raw, repo);
    if (rc != 0) {
      throw util::EnvironmentError("cannot read the Git index of '" + m_selection.path + "': " + last_error());
    }
    Index index(raw);
    std::string prefix = root.empty() ? "" : root + "/";
    std::vector<std::string> paths;
    std::vector<std::string> conflicts;
    for (size_t i = 0; i < git().index_entrycount(raw); ++i) {
      const git_index_entry* entry = git().index_get_byindex(raw, i);
      std::string path = entry->path;
      paths.push_back(path);
      // `git add -N` records only the intent: nothing of the file is staged.
      if (!util::starts_with(path, prefix) || (entry->flags_extended & GIT_INDEX_ENTRY_INTENT_TO_ADD)) {
        continue;
      }
      if (git().index_entry_is_conflict(entry)) {
        conflicts.push_back(path);
        continue;
      }
      std::vector<std::string> names = util::split(std::string_view(path).substr(prefix.size()), '/');
      switch (entry->mode & 0170000) {
      case GIT_FILEMODE_LINK:
        out.push_back(link(repo, names, &entry->id));
        break;
      case GIT_FILEMODE_COMMIT:
        out.push_back({names, TreeEntry::Mode::submodule, hex(&entry->id), ""});
        break;
      case GIT_FILEMODE_TREE:
        out.push_back({names, TreeEntry::Mode::directory, hex(&entry->id), ""});
        break;
      default:
        out.push_back({names, TreeEntry::Mode::file, hex(&entry->id), ""});
        break;
      }
    }
    if (!conflicts.empty()) {
      conflicts.erase(std::unique(conflicts.begin(), conflicts.end()), conflicts.end());
      throw util::EnvironmentError("the index has unresolved conflicts: " + util::join(conflicts, ", "));
    }
    if (!prefix.empty() && out.empty()) {
      throw util::EnvironmentError("'" + root + "' is not a directory in the index");
    }
    std::sort(paths.begin(), paths.end());
    return paths;
  }

  static void read_files(git_repository* repo, const std::vector<SelectedEntry>& selected, SourceTree& tree,
                         diag::Diagnostics& diagnostics)
  {
    git_odb* raw = nullptr;
    if (git().repository_odb(&raw, repo) != 0) {
      throw util::EnvironmentError("cannot open the object database: " + last_error());
    }
    Odb odb(raw);
    for (const SelectedEntry& entry : selected) {
      git_oid id;
      size_t size = 0;
      git_object_t type = GIT_OBJECT_INVALID;
      if (git().oid_fromstr(&id, entry.id.c_str()) != 0 || git().odb_read_header(&size, &type, raw, &id) != 0) {
        throw util::EnvironmentError("cannot read '" + entry.name + "' from the repository: " + last_error());
      }
      // The header tells the size without inflating the object.
      if (size > k_max_file_size) {
        diagnostics.error("E0109", {entry.name, 0, 0, ""},
                          "file is " + std::to_string(size) + " bytes, more than the limit of " +
                              std::to_string(k_max_file_size));
        continue;
      }
      tree.files.push_back({entry.path, read_blob(repo, &id, "'" + entry.name + "'"), entry.name, entry.id});
    }
  }

  Selection m_selection;
};

} // namespace

std::unique_ptr<Source> git_source(Selection selection)
{
  return std::make_unique<GitSource>(std::move(selection));
}

std::string git_work_tree(const std::string& path)
{
  git_repository* raw = nullptr;
  if (open_repository(&raw, path) != 0) {
    throw util::EnvironmentError("'" + path + "' is not in a Git repository (--subdir names a directory of one)");
  }
  Repository repo(raw);
  const char* work_tree = git().repository_workdir(raw);
  if (!work_tree) {
    throw util::EnvironmentError(
        "'" + path + "' is a bare repository: it has no work tree (read a commit: --ref, or --head for diff)");
  }
  return work_tree;
}

std::string libgit2_version()
{
  int major = 0;
  int minor = 0;
  int revision = 0;
  try {
    git().libgit2_version(&major, &minor, &revision);
  } catch (const util::EnvironmentError&) {
    return "not found (" EDGEGEN_LIBGIT2_SONAME "; install the Debian package " EDGEGEN_LIBGIT2_PACKAGE ")";
  }
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(revision);
}

} // namespace edgegen::source
