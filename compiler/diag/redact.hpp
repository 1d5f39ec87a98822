#pragma once

// Secrets written where a reference belongs are reported (E0461, unknown
// properties such as apiToken), but the report must not copy them into CI
// logs, which are often public: a diagnostic's message and the source line
// shown under it have the secret replaced by <redacted>, the key kept.

#include "diag/diagnostics.hpp"

#include <string>
#include <string_view>

namespace edgegen::diag {

constexpr const char* k_redacted = "<redacted>";

// True if a key's name says its value is a secret: token, password,
// secret, credential, authorization, key (apiKey, privateKey), but not a
// name of one (secretRef, tokenFile, keyFile, secretName).
bool secret_key(std::string_view key);

// True if a value looks like a secret whatever its key: a PEM block, a URL
// with a password, a password hash, a bearer token, or a long string of
// letters and digits as random as a key.
bool secret_value(std::string_view value);

// `line` (one line of YAML) with every value that secret_key or
// secret_value flags replaced by <redacted>; unchanged if there is none.
std::string redact_line(std::string_view line);

// Removes from `d`'s message and hint the secrets of its source line
// (`line`, as written) and any quoted value that looks like a secret.
void redact(Diagnostic& d, std::string_view line);

} // namespace edgegen::diag
