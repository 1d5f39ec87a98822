#pragma once

#include <set>
#include <string>
#include <string_view>

// Internal to write/: the journal of a render in progress (see pending.cpp).
namespace edgegen::write {

inline constexpr std::string_view k_pending_path = ".edgegen.pending";

std::set<std::string> read_pending(const std::string& out_dir);
void write_pending(const std::string& out_dir, const std::set<std::string>& paths);
// Adds one path to the journal that write_pending wrote.
void append_pending(const std::string& out_dir, const std::string& path);
void remove_pending(const std::string& out_dir);

} // namespace edgegen::write
