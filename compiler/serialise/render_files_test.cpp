#include "serialise/serialise.hpp"
#include "testing.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace edgegen::serialise {
namespace {

using util::Value;

const RenderedFile* find(const std::vector<RenderedFile>& files, const std::string& path)
{
  for (const RenderedFile& file : files) {
    if (file.path == path) {
      return &file;
    }
  }
  return nullptr;
}

TEST(WriteRenderFiles, SerialisesEachFormat)
{
  emit::OutputFile yaml;
  yaml.path = "prod/traefik/traefik.yml";
  yaml.documents = {Value::Map{{"a", 1}}, Value::Map{{"b", "yes"}}};
  emit::OutputFile json;
  json.path = "prod/traefik/kv.json";
  json.format = emit::OutputFile::Format::json;
  json.documents = {Value::Map{{"traefik/x", "1"}}};
  auto files = render_files({yaml, json, testing::text_output("prod/dns/a.zone", "@ IN SOA x\n")}, {});
  ASSERT_EQ(files.size(), 5u);
  EXPECT_EQ(find(files, "prod/traefik/traefik.yml")->bytes, R"(a: 1
---
b: "yes"
)");
  EXPECT_EQ(find(files, "prod/traefik/kv.json")->bytes, R"({
  "traefik/x": "1"
}
)");
  EXPECT_EQ(find(files, "prod/dns/a.zone")->bytes, "@ IN SOA x\n");
}

TEST(WriteRenderFiles, YamlCommentLinesComeBeforeTheDocuments)
{
  emit::OutputFile yaml;
  yaml.path = "prod/kubernetes/routes/p.yaml";
  yaml.documents = {Value::Map{{"a", 1}}};
  yaml.comment = R"(first

second)";
  auto files = render_files({yaml}, {});
  EXPECT_EQ(find(files, "prod/kubernetes/routes/p.yaml")->bytes, R"(# first
#
# second
a: 1
)");
}

TEST(WriteRenderFiles, LockRecordsProvenanceWithoutEmptyFields)
{
  Provenance provenance;
  provenance.origin = "commit";
  provenance.commit_id = "c0ffee";
  provenance.inputs = {{"projects/b.yaml", "bbbb"}, {"edge.yaml", "aaaa"}};
  auto files = render_files({}, provenance);
  EXPECT_EQ(find(files, "edgegen.lock.json")->bytes, R"({
  "edgegen": {
    "version": ")" EDGEGEN_VERSION R"("
  },
  "inputs": [
    {
      "blob": "aaaa",
      "path": "edge.yaml"
    },
    {
      "blob": "bbbb",
      "path": "projects/b.yaml"
    }
  ],
  "schema": "edgegen.dev/v1alpha1",
  "source": {
    "commit": "c0ffee",
    "origin": "commit"
  }
}
)");
}

TEST(WriteRenderFiles, LockIsCanonicalJsonOfTheLockAsOneValue)
{
  // Written one input at a time, in the bytes to_json gives the whole lock.
  Provenance empty;
  empty.origin = "";
  EXPECT_EQ(find(render_files({}, empty), "edgegen.lock.json")->bytes, R"({
  "edgegen": {
    "version": ")" EDGEGEN_VERSION R"("
  },
  "inputs": [],
  "schema": "edgegen.dev/v1alpha1",
  "source": {}
}
)");

  Provenance provenance;
  provenance.inputs = {{"projects/\"q\"/é.yaml", "cccc"}, {"a.yaml", "aaaa"}};
  Value lock = Value::Map{{"edgegen", Value::Map{{"version", EDGEGEN_VERSION}}},
                          {"inputs", Value::List{Value::Map{{"path", "a.yaml"}, {"blob", "aaaa"}},
                                                 Value::Map{{"path", "projects/\"q\"/é.yaml"}, {"blob", "cccc"}}}},
                          {"schema", "edgegen.dev/v1alpha1"},
                          {"source", Value::Map{{"origin", "worktree"}}}};
  EXPECT_EQ(find(render_files({}, provenance), "edgegen.lock.json")->bytes, to_json(lock));
}

TEST(WriteRenderFiles, SumCoversEveryOtherFileSortedByPathAndComesLast)
{
  auto files = render_files({testing::text_output("b/z.txt", "z", 5), testing::text_output("a-b.txt", "ab", 9),
                             testing::text_output("a/c.txt", "", -3)},
                            {});
  ASSERT_EQ(files.size(), 5u);
  // Rank order, then path order; the lock and then the sum last.
  EXPECT_EQ(files[0].path, "a/c.txt");
  EXPECT_EQ(files[1].path, "b/z.txt");
  EXPECT_EQ(files[2].path, "a-b.txt");
  EXPECT_EQ(files[3].path, "edgegen.lock.json");
  EXPECT_EQ(files[3].rank, 10);
  EXPECT_EQ(files[4].path, "edgegen.sum");
  EXPECT_EQ(files[4].rank, 11);
  EXPECT_EQ(files[4].bytes, sha256_hex("ab") + "  a-b.txt\n" + sha256_hex("") + "  a/c.txt\n" + sha256_hex("z") +
                                "  b/z.txt\n" + sha256_hex(files[3].bytes) + "  edgegen.lock.json\n");
}

TEST(WriteRenderFiles, ARendererGivesTheLockBeforeItMakesTheSum)
{
  Renderer renderer;
  renderer.render(testing::text_output("b.txt", "b", 0));
  renderer.render(testing::text_output("a.txt", "a", 2));
  std::vector<RenderedFile> given;
  size_t lock_given_at = 0;
  renderer.finish({}, [&](RenderedFile file) {
    if (file.path == "edgegen.lock.json") {
      lock_given_at = given.size();
    }
    given.push_back(std::move(file));
  });
  ASSERT_EQ(given.size(), 2u);
  EXPECT_EQ(lock_given_at, 0u);
  EXPECT_EQ(given[0].rank, 3);
  EXPECT_EQ(given[1].path, "edgegen.sum");
  EXPECT_EQ(given[1].rank, 4);
  EXPECT_EQ(given[1].bytes, sha256_hex("a") + "  a.txt\n" + sha256_hex("b") + "  b.txt\n" + sha256_hex(given[0].bytes) +
                                "  edgegen.lock.json\n");
}

TEST(WriteRenderFiles, RejectsBadPaths)
{
  for (const char* path :
       {"", "/abs", "a/../b", "..", "./a", "a//b", "a/", "a\\b", "a/./b", "a\nb", "edgegen.sum", "edgegen.lock.json"}) {
    EXPECT_THROW(render_files({testing::text_output(path, "x")}, {}), std::logic_error) << path;
  }
  EXPECT_THROW(render_files({testing::text_output("a.yml", "x"), testing::text_output("a.yml", "y")}, {}),
               std::logic_error);
  EXPECT_THROW(render_files({testing::text_output("a", "x"), testing::text_output("a/b.yml", "y")}, {}),
               std::logic_error);
  EXPECT_NO_THROW(render_files(
      {testing::text_output("a", "x"), testing::text_output("a-b/c", "y"), testing::text_output("a.d/e", "z")}, {}));
}

TEST(WriteRenderFiles, JsonNeedsExactlyOneDocument)
{
  emit::OutputFile json;
  json.path = "kv.json";
  json.format = emit::OutputFile::Format::json;
  EXPECT_THROW(render_files({json}, {}), std::logic_error);
}

} // namespace
} // namespace edgegen::serialise
