// Values that must never reach the output, whatever the kind:
// * "{{": Traefik runs every file-provider file through Go templates (with
//   access to environment variables), so template syntax in a value would be
//   code executed inside Traefik;
// * inline private keys: secrets are only ever referenced.
// The messages never repeat the value.
#include "load/load.hpp"

namespace edgegen::load {

namespace {

// Whether `text` may hold something check_text reports ("{{", "}}" or the
// "-----" of a PEM line): one pass over the bytes, as nearly every value
// holds none of them.
bool suspicious(const std::string& text)
{
  for (size_t i = 1; i < text.size(); ++i) {
    char c = text[i];
    if ((c == '{' || c == '}' || c == '-') && text[i - 1] == c) {
      return true;
    }
  }
  return false;
}

template <typename Where> void check_text(const std::string& text, const Where& where, diag::Diagnostics& diagnostics)
{
  if (!suspicious(text)) {
    return;
  }
  if (text.find("{{") != std::string::npos || text.find("}}") != std::string::npos) {
    diagnostics.error("E0116", where(), "value contains Go template syntax ({{ or }})",
                      "Traefik executes {{ … }} in its dynamic configuration files; edgegen never passes it on");
  }
  if (text.find("-----BEGIN") != std::string::npos && text.find("PRIVATE KEY-----") != std::string::npos) {
    diagnostics.error("E0117", where(), "a private key is written inline",
                      "secrets are only ever referenced: keep the key in a Secret or a file and name it "
                      "(…SecretRef, keyFile)");
  }
}

} // namespace

void check_unsafe_values(const Node& node, diag::Diagnostics& diagnostics)
{
  if (node.is_string()) {
    check_text(
        node.text, [&] { return node.location(); }, diagnostics);
  }
  for (size_t i = 0; i < node.keys.size(); ++i) {
    check_text(
        node.keys[i], [&] { return node.key_location(i); }, diagnostics);
  }
  for (const auto& item : node.items) {
    check_unsafe_values(item, diagnostics);
  }
}

} // namespace edgegen::load
