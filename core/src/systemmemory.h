#pragma once

#include <cstdint>
#include <string>

namespace snaption {

// Memory the kernel could give this process now without swapping (MemAvailable of
// /proc/meminfo), in bytes; 0 when unknown.
std::uint64_t availableMemoryBytes();

// Refuses work that cannot fit: throws Error(InvalidArgument, "<what> needs N GB of memory, but
// this machine has M GB available") when `bytes` exceed 80 % of the available memory.
void requireMemory(std::uint64_t bytes, const std::string &what);

} // namespace snaption
