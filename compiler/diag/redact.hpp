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

// `text` (a whole file) shown at line `number` (1-based): the line
// redact_line makes of it, or its indentation and <redacted> alone when it
// is inside a block scalar (`password: |`, `key: >-`) of a key that
// secret_key flags, every line of which is the secret.
std::string redact_source_line(std::string_view text, int number);

// Removes from `d`'s message and hint the secrets of line `number` of
// `text`, the whole file its location points into (see redact_source_line),
// and any quoted value that looks like a secret.
void redact(Diagnostic& d, std::string_view text, int number);

// Removes from `d`'s message and hint the secrets of its source line
// (`line`, as written) and any quoted value that looks like a secret.
void redact(Diagnostic& d, std::string_view line);

} // namespace edgegen::diag
