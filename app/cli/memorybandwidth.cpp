#include "memorybandwidth.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <thread>
#include <vector>

namespace snaption::cli {

double memcpyGigabytesPerSecond(int threads)
{
    constexpr std::size_t kBytes = std::size_t(256) << 20; // far beyond any L3 cache of a desktop
    constexpr int kTries = 5;
    const std::size_t parts = std::size_t(std::max(1, threads)), part = kBytes / parts;
    std::vector<char> source(kBytes, 1), target(kBytes, 0); // touched, so the pages exist
    double best = 0;
    for (int attempt = 0; attempt < kTries; ++attempt) {
        const auto start = std::chrono::steady_clock::now();
        std::vector<std::thread> copies;
        for (std::size_t p = 0; p < parts; ++p)
            copies.emplace_back([&, p] { std::memcpy(target.data() + p * part, source.data() + p * part, part); });
        for (std::thread &copy : copies) copy.join();
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        best = std::max(best, double(parts * part) / seconds / 1e9);
    }
    return best;
}

} // namespace snaption::cli
