#include "cli/starter.hpp"

#include "testing.hpp"
#include "util/embedded.hpp"
#include "util/strings.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace edgegen::cli {
namespace {

using V = std::vector<std::string>;

TEST(CliStarter, PlaceholdersAreReplacedAndTheRestKept)
{
  const std::map<std::string, std::string> values = {{"ENVIRONMENT", "prod"}, {"VERSION", "0.1.0"}};
  EXPECT_EQ(substitute_placeholders(R"(name: %%ENVIRONMENT%%
uses: o/edgegen@v%%VERSION%%
)",
                                    values),
            R"(name: prod
uses: o/edgegen@v0.1.0
)");
  EXPECT_EQ(substitute_placeholders("%%ENVIRONMENT%%%%ENVIRONMENT%%", values), "prodprod");
  EXPECT_EQ(substitute_placeholders("100% ${domain} $${x} {{ github.ref }}", values),
            "100% ${domain} $${x} {{ github.ref }}");
  EXPECT_EQ(substitute_placeholders("", values), "");
  // A value is inserted as it is, never read for placeholders again.
  EXPECT_EQ(substitute_placeholders("%%VERSION%%", {{"VERSION", "%%ENVIRONMENT%%"}}), "%%ENVIRONMENT%%");
}

TEST(CliStarter, APlaceholderWithoutAValueIsABug)
{
  EXPECT_THROW(substitute_placeholders("%%NAME%%", {{"ENVIRONMENT", "prod"}}), std::logic_error);
  EXPECT_THROW(substitute_placeholders("50%% off", {{"ENVIRONMENT", "prod"}}), std::logic_error);
}

// CMake embeds the templates with file(CONFIGURE @ONLY), which would replace
// an "@NAME@" of a template: the bytes compiled in are the files' own.
TEST(CliStarter, EmbeddedTemplatesAreTheFilesOfStarter)
{
  ASSERT_TRUE(std::filesystem::is_directory("starter")) << "run the tests from the repository root";
  std::set<std::string> on_disk;
  for (const auto& entry : std::filesystem::recursive_directory_iterator("starter")) {
    std::string path = entry.path().generic_string();
    if (entry.is_regular_file() && (util::ends_with(path, ".yaml") || util::ends_with(path, ".yml"))) {
      on_disk.insert(path);
    }
  }
  std::set<std::string> embedded;
  for (const auto& file : util::embedded_files()) {
    if (!util::starts_with(file.path, "starter/")) {
      continue;
    }
    embedded.insert(std::string(file.path));
    std::ifstream in(std::string(file.path), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    EXPECT_EQ(file.content, bytes.str()) << file.path;
  }
  EXPECT_EQ(embedded, on_disk);
}

TEST(CliStarter, EveryShapeHasItsTemplateAndNoOtherExists)
{
  V shapes;
  for (const auto& file : util::embedded_files()) {
    if (util::starts_with(file.path, "starter/shapes/")) {
      shapes.emplace_back(file.path.substr(15, file.path.size() - 15 - 5));
    }
  }
  V names = starter_shape_names();
  std::sort(shapes.begin(), shapes.end());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(shapes, names);
}

TEST(CliStarter, FilesOfAShapeWithTheirSchemaLines)
{
  StarterRequest request;
  request.shape = "compose";
  request.environment = "staging";
  request.version = "1.2.3";
  request.schema_of = [](const std::string& kind) { return kind == "project" ? "" : "/s/" + kind + ".json"; };
  auto files = starter_files(request);
  V paths;
  for (const auto& file : files) {
    paths.push_back(file.path);
    EXPECT_EQ(file.bytes.find("%%"), std::string::npos) << file.path;
  }
  EXPECT_EQ(paths, (V{".github/workflows/edge.yml", ".pre-commit-config.yaml", "edge/edge.yaml",
                      "edge/environments/staging.yaml", "edge/issuers/letsencrypt-staging.yaml",
                      "edge/projects/whoami.yaml"}));
  EXPECT_EQ(util::line_of(files[0].bytes, 1),
            "# Checks every pull request and push with edgegen's GitHub Action. CHANGE");
  EXPECT_NE(files[0].bytes.find(R"(
      - uses: OWNER/edgegen@v1.2.3
)"),
            std::string::npos);
  EXPECT_EQ(util::line_of(files[2].bytes, 1), "# yaml-language-server: $schema=/s/edge.json");
  EXPECT_NE(files[2].bytes.find(R"(
spec:
  # What to render. compose:)"),
            std::string::npos);
  EXPECT_NE(files[2].bytes.find(R"(
  targets: [compose]
)"),
            std::string::npos);
  EXPECT_EQ(util::line_of(files[3].bytes, 1), "# yaml-language-server: $schema=/s/environment.json");
  EXPECT_NE(files[3].bytes.find(R"(
  name: staging
)"),
            std::string::npos);
  EXPECT_EQ(util::line_of(files[4].bytes, 1), "# yaml-language-server: $schema=/s/issuer.json");
  EXPECT_EQ(util::line_of(files[5].bytes, 1).substr(0, 2), "# ");
  EXPECT_EQ(files[5].bytes.find("yaml-language-server"), std::string::npos);
}

TEST(CliStarter, ShapesShareTheirPartsOfTheEdge)
{
  StarterRequest request;
  request.shape = "argocd";
  std::string edge = starter_files(request)[2].bytes;
  EXPECT_NE(edge.find(R"(
  targets: [kubernetes, argocd]
  # Where the rendered tree is committed: CHANGE url to this repository.
  git:
    url: https://github.com/OWNER/edge
)"),
            std::string::npos)
      << edge;
  EXPECT_NE(edge.find(R"(
    project: default
  kubernetes:
    # crds: Traefik IngressRoutes;)"),
            std::string::npos)
      << edge;
  EXPECT_NE(edge.find(R"(
    traefikValues: {kind: ConfigMap, namespace: traefik}
  # The ports Traefik listens on.)"),
            std::string::npos)
      << edge;
}

// What init writes must validate and render without a diagnostic, for every
// shape (init checks this too before it writes).
TEST(CliStarter, EveryShapeValidatesAndRendersWithoutADiagnostic)
{
  for (const auto& name : starter_shape_names()) {
    StarterRequest request;
    request.shape = name;
    request.version = "0.1.0";
    std::vector<std::pair<std::string, std::string>> edge;
    for (const auto& file : starter_files(request)) {
      if (util::starts_with(file.path, "edge/")) {
        edge.emplace_back(file.path.substr(5), file.bytes);
      }
    }
    testing::Compiled c = testing::compile_files(edge, false);
    EXPECT_EQ(testing::messages(c, true), V{}) << name;
    EXPECT_FALSE(c.files.empty()) << name;
  }
}

TEST(CliStarter, SchemasAreFoundInstalledOrInTheSourceTree)
{
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("edgegen-starter-test-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "prefix/bin");
  fs::create_directories(root / "prefix/share/edgegen/schemas");
  std::ofstream(root / "prefix/share/edgegen/schemas/edge.schema.json") << "{}";
  std::ofstream(root / "prefix/share/edgegen/schemas/issuer.json") << "{}";
  fs::create_directories(root / "src/build");
  fs::create_directories(root / "src/schemas");
  std::ofstream(root / "src/schemas/edge.json") << "{}";
  fs::path canonical = fs::canonical(root);

  EXPECT_EQ(find_schema((root / "prefix/bin/edgegen").string(), "edge"),
            (canonical / "prefix/share/edgegen/schemas/edge.schema.json").string());
  EXPECT_EQ(find_schema((root / "prefix/bin/edgegen").string(), "issuer"),
            (canonical / "prefix/share/edgegen/schemas/issuer.json").string());
  EXPECT_EQ(find_schema((root / "prefix/bin/edgegen").string(), "project"), "");
  EXPECT_EQ(find_schema((root / "src/build/edgegen").string(), "edge"), (canonical / "src/schemas/edge.json").string());
  EXPECT_EQ(find_schema((root / "src/build/edgegen").string(), "project"), "");
  EXPECT_EQ(find_schema("", "edge"), "");
  fs::remove_all(root);
}

} // namespace
} // namespace edgegen::cli
