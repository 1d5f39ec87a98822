#pragma once

namespace edgegen::cli {

// Exit codes, as the README lists them.
constexpr int k_exit_ok = 0;
constexpr int k_exit_invalid = 1;   // invalid input, or --check found a difference
constexpr int k_exit_usage = 2;     // bad flag, missing directory, unwritable output
constexpr int k_exit_internal = 70; // a bug in edgegen (EX_SOFTWARE of sysexits.h)

// Parses argv, runs the subcommand, returns the exit code. Never throws.
int run(int argc, char** argv);

} // namespace edgegen::cli
