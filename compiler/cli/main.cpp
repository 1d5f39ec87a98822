#include "cli/commands.hpp"

int main(int argc, char** argv)
{
  return edgegen::cli::run(argc, argv);
}
