#include "cli/commands.hpp"

#include <malloc.h>

int main(int argc, char** argv)
{
  // Blocks of 128 KiB and more (a render's edgegen.sum, the previous one
  // read back, a large list) are mapped on their own and given back when
  // freed. By default glibc raises that threshold to the size of each such
  // block it frees, and serves the next ones from the heap, where their
  // pages stay: 8-9 MiB of a render's peak at 10,000 projects, in the same
  // wall time (BENCHMARKS.md).
  ::mallopt(M_MMAP_THRESHOLD, 128 * 1024);
  // Two heaps at most, whatever the cores. glibc gives each thread a heap
  // of its own (up to eight per core), and what one thread frees there
  // stays resident for that heap alone: at eight workers, 5-6 MiB more at
  // the peak of a render at 10,000 projects.
  ::mallopt(M_ARENA_MAX, 2);
  return edgegen::cli::run(argc, argv);
}
