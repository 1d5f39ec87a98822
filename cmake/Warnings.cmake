# Warnings as an INTERFACE target that every edgegen target links.
add_library(edgegen_warnings INTERFACE)
target_compile_options(edgegen_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wimplicit-fallthrough)
