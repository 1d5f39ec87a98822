#pragma once

#include <string_view>
#include <vector>

namespace edgegen::util {

// A file of the source repository compiled into the binary (schemas/,
// templates/ and starter/), so that an installed edgegen needs nothing beside
// itself.
struct EmbeddedFile
{
  std::string_view path; // relative to the repository root, e.g. "schemas/project.json"
  std::string_view content;
};

const std::vector<EmbeddedFile>& embedded_files();

} // namespace edgegen::util
