#pragma once

#include "import/traefik_config.hpp"

namespace edgegen::import {

// Replaces every inline secret of `config` by a reference (basicAuth and
// digestAuth users by a usersFile), or leaves it out (credential headers,
// passwords in URLs), each with a warning W0616 that names what to move
// where and never holds the value.
void move_secrets(TraefikConfig& config, diag::Diagnostics& diagnostics);

} // namespace edgegen::import
