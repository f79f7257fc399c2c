#pragma once

#include <cmath>

namespace snaption::training {

// PyTorch's OneCycleLR with cosine annealing: from maxLr/25 up to maxLr over the warm-up share of
// the steps, then down to maxLr/25/1e4.
class OneCycleSchedule {
public:
    OneCycleSchedule(double maxLr, int totalSteps, double warmupFraction)
        : m_max(maxLr), m_total(totalSteps < 1 ? 1 : totalSteps), m_warmup(warmupFraction)
    {
    }

    // The learning rate for the step with this 0-based index.
    double at(int step) const
    {
        const double initial = m_max / 25.0, minimum = initial / 1e4;
        const double warmupEnd = m_warmup * m_total - 1;
        const double last = m_total - 1;
        const auto anneal = [](double start, double end, double fraction) {
            return end + (start - end) / 2.0 * (std::cos(M_PI * fraction) + 1);
        };
        if (step <= warmupEnd && warmupEnd > 0) return anneal(initial, m_max, step / warmupEnd);
        const double span = last - std::max(warmupEnd, 0.0);
        return anneal(m_max, minimum, span > 0 ? std::min(1.0, (step - std::max(warmupEnd, 0.0)) / span) : 1.0);
    }
    int totalSteps() const { return m_total; }

private:
    double m_max;
    int m_total;
    double m_warmup;
};

} // namespace snaption::training
