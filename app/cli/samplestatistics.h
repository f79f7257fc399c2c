#pragma once

#include <vector>

namespace snaption::cli {

// Order statistics of repeated measurements.
struct SampleStatistics {
    double min = 0;
    double median = 0;
    double p95 = 0;
    int count = 0;

    static SampleStatistics of(std::vector<double> samples);
};

} // namespace snaption::cli
