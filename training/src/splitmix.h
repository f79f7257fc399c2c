#pragma once

#include <cstdint>

namespace snaption::training {

// splitmix64: a small, portable random sequence. The standard library's distributions differ
// between implementations, and synthetic scenes, augmentations and data order must be the same
// everywhere for a seed.
class SplitMix {
public:
    explicit SplitMix(std::uint64_t seed, std::uint64_t stream = 0)
        : m_state(seed * 0x9E3779B97F4A7C15ull ^ stream * 0xBF58476D1CE4E5B9ull)
    {
        next();
    }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return n <= 1 ? 0 : int(next() % std::uint64_t(n)); }
    int between(int low, int high) { return low + below(high - low + 1); }
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    bool chance(double probability) { return uniform() < probability; }

private:
    std::uint64_t m_state;
};

} // namespace snaption::training
