#pragma once

#include <string>
#include <string_view>

namespace edgegen::load::detail {

// The events of a YAML parser, as yaml-cpp's parser sends them for the same
// text: lines and columns 0-based, a plain scalar that reads as null
// (`null`, `~`) sent as null.
class BlockEvents
{
public:
  virtual ~BlockEvents() = default;
  virtual void document_start(int line, int column) = 0;
  virtual void document_end() = 0;
  virtual void map_start(int line, int column) = 0;
  virtual void map_end() = 0;
  virtual void sequence_start(int line, int column) = 0;
  virtual void sequence_end() = 0;
  virtual void scalar(int line, int column, bool plain, std::string value) = 0;
  virtual void null(int line, int column) = 0;
};

// Reads the YAML that nearly all input is written in, much faster than a
// general parser: documents that are block mappings of block mappings,
// block sequences, one-line flow sequences and one-line scalars, plain or
// quoted without escapes, in printable ASCII. Anything else (anchors, tags,
// block scalars, flow mappings, escapes, tabs, multi-line scalars, empty
// values, and every syntax error) makes it stop and return false; the
// caller then reads the whole text with the general parser, which alone
// words errors. On true, the events are the ones that parser sends.
bool read_block_yaml(std::string_view bytes, BlockEvents& events);

} // namespace edgegen::load::detail
