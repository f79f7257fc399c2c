#include "samplestatistics.h"

#include <algorithm>
#include <cmath>

namespace snaption::cli {

SampleStatistics SampleStatistics::of(std::vector<double> samples)
{
    SampleStatistics s;
    if (samples.empty()) return s;
    std::sort(samples.begin(), samples.end());
    const std::size_t n = samples.size();
    s.count = int(n);
    s.min = samples.front();
    s.median = n % 2 ? samples[n / 2] : 0.5 * (samples[n / 2 - 1] + samples[n / 2]);
    // Nearest-rank percentile.
    s.p95 = samples[std::min(n - 1, std::size_t(std::ceil(0.95 * double(n))) - 1)];
    return s;
}

} // namespace snaption::cli
