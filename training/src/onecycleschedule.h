#pragma once

#include <algorithm>
#include <cmath>

namespace snaption::training {

// PyTorch's OneCycleLR (cosine annealing, div_factor 25, final_div_factor 1e4) whose length can
// change mid-run without a jump in the learning rate. The rate is a function of the progress
// through the cycle (0 at the first step, the warm-up fraction at its peak, 1 at the last step);
// a new length keeps the progress reached at the step it is set (the anchor) and stretches or
// shrinks what remains, so the budget planner can revise the plan both ways.
class OneCycleSchedule {
public:
    struct Anchor {
        int step = 0;
        double progress = 0; // progress through the cycle at `step`
    };

    OneCycleSchedule(double maxLr, int totalSteps, double warmupFraction) : OneCycleSchedule(maxLr, totalSteps, warmupFraction, Anchor{0, 0.0}) {}
    OneCycleSchedule(double maxLr, int totalSteps, double warmupFraction, Anchor anchor)
        : m_max(maxLr), m_total(totalSteps < 1 ? 1 : totalSteps), m_warmup(warmupFraction), m_anchor(anchor)
    {
    }

    // The learning rate for the step with this 0-based index.
    double at(int step) const
    {
        const double initial = m_max / 25.0, minimum = initial / 1e4;
        const double u = progress(step);
        if (m_warmup > 0 && u < m_warmup) return anneal(initial, m_max, u / m_warmup);
        return anneal(m_max, minimum, m_warmup < 1 ? std::min(1.0, (u - m_warmup) / (1.0 - m_warmup)) : 1.0);
    }

    // Progress through the cycle at a step: without an anchor exactly PyTorch's step positions
    // (peak at step warmup * total - 1, minimum at total - 1); after one, it moves on evenly from
    // the anchor to 1 at the last step.
    double progress(int step) const
    {
        const double last = m_total - 1;
        if (step <= m_anchor.step) return m_anchor.progress;
        if (m_anchor.step > 0 || m_anchor.progress > 0)
            return last > m_anchor.step ? m_anchor.progress + (1.0 - m_anchor.progress) * std::min(1.0, (step - m_anchor.step) / (last - m_anchor.step)) : 1.0;
        const double peakStep = m_warmup * m_total - 1;
        if (step <= peakStep) return m_warmup * step / peakStep;
        const double fromPeak = std::max(peakStep, 0.0);
        return last > fromPeak ? m_warmup + (1.0 - m_warmup) * std::min(1.0, (step - fromPeak) / (last - fromPeak)) : 1.0;
    }

    // The same cycle from here on at a new length, without a jump at `step`.
    OneCycleSchedule resized(int step, int totalSteps) const
    {
        return OneCycleSchedule(m_max, totalSteps, m_warmup, Anchor{step, progress(step)});
    }

    int totalSteps() const { return m_total; }
    Anchor anchor() const { return m_anchor; }

private:
    static double anneal(double start, double end, double fraction) { return end + (start - end) / 2.0 * (std::cos(M_PI * fraction) + 1); }

    double m_max;
    int m_total;
    double m_warmup;
    Anchor m_anchor;
};

} // namespace snaption::training
