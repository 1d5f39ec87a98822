#pragma once

// The command table as plain data, read off the parser that runs it, so
// that the manual page and the shell completion are generated from the
// same names, descriptions and choices as `--help` and cannot drift.

#include <string>
#include <vector>

namespace edgegen::cli {

struct OptionInfo
{
  std::vector<std::string> names; // "--out", "-o"; a positional's name, such as "SOURCE"
  std::string value_name;         // "DIR", "FORMAT"; empty for a flag
  std::string description;
  std::vector<std::string> choices; // the values it accepts, when they are a fixed set
  bool positional = false;
};

struct CommandInfo
{
  std::string name;
  std::string description;
  std::string help; // exactly what `edgegen NAME --help` prints
  std::vector<OptionInfo> options;
};

struct CommandTable
{
  std::string summary; // one line: what edgegen is
  std::string description;
  std::string help;                  // exactly what `edgegen --help` prints
  std::vector<CommandInfo> commands; // in the order of the table; hidden ones left out
};

// `edgegen completion bash`: a bash completion script for `table` that
// completes subcommands, options, their fixed choices, and the names of the
// environments (--env) of the desired state given on the line.
std::string bash_completion(const CommandTable& table);

// The manual page edgegen(1) in roff: the synopsis and description of
// every command (their --help text), exit codes, and every diagnostic
// code with its explanation (as `edgegen explain CODE` prints it).
std::string manual_page(const CommandTable& table, const std::string& version);

} // namespace edgegen::cli
