#pragma once

#include "util/pages.hpp"

#include <memory_resource>

namespace edgegen::util {

// Memory for what is built together and let go together: blocks are
// carved in turn from regions of mapped pages (util::mapped_pages: 64 KiB
// first, then each half as large again as the last, or a block's own size),
// none is reused when freed, and every region goes back to the system at
// once when the arena goes.
class Arena : public std::pmr::monotonic_buffer_resource
{
public:
  Arena() : std::pmr::monotonic_buffer_resource(64 * 1024, mapped_pages()) {}
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
};

} // namespace edgegen::util
