#include "systemmemory.h"

#include <snaption/error.h>

#include <cstdio>

#include <fstream>
#include <string>

namespace snaption {

std::uint64_t availableMemoryBytes()
{
    std::ifstream meminfo("/proc/meminfo");
    std::string key, unit;
    std::uint64_t kilobytes = 0;
    while (meminfo >> key >> kilobytes >> unit) {
        if (key == "MemAvailable:") return kilobytes * 1024;
    }
    return 0;
}

void requireMemory(std::uint64_t bytes, const std::string &what)
{
    const std::uint64_t available = availableMemoryBytes();
    if (available == 0 || bytes <= available / 10 * 8) return;
    const auto gigabytes = [](std::uint64_t value) {
        char text[32];
        std::snprintf(text, sizeof text, "%.1f GB", double(value) / 1e9);
        return std::string(text);
    };
    throw Error(ErrorKind::InvalidArgument, what + " needs " + gigabytes(bytes) + " of memory, but this machine has " + gigabytes(available) + " available");
}

} // namespace snaption
