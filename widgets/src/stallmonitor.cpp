#include <snaption/widgets/stallmonitor.h>

#include <algorithm>

namespace snaption::widgets {

namespace {
constexpr int kIntervalMs = 5;
}

StallMonitor::StallMonitor(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(kIntervalMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 now = m_clock.nsecsElapsed();
        const double interval = double(now - m_last) / 1e6;
        m_last = now;
        const double late = interval - kIntervalMs;
        if (late > m_longest) {
            m_longest = late;
            m_longestAt = double(now) / 1e9;
        }
        if (late > 16) m_stalls.push_back({double(now) / 1e9, late});
        m_total += interval;
        ++m_ticks;
    });
}

void StallMonitor::start()
{
    reset();
    m_timer.start();
}

void StallMonitor::stop()
{
    m_timer.stop();
}

void StallMonitor::reset()
{
    m_clock.start();
    m_last = 0;
    m_longest = 0;
    m_longestAt = 0;
    m_total = 0;
    m_stalls.clear();
    m_ticks = 0;
}

int StallMonitor::stallsOver(double ms) const
{
    return int(std::count_if(m_stalls.begin(), m_stalls.end(), [ms](const Stall &stall) { return stall.lateMs > ms; }));
}

double StallMonitor::longestStallAfterMs(double seconds) const
{
    double longest = 0;
    for (const Stall &stall : m_stalls)
        if (stall.atSeconds >= seconds) longest = std::max(longest, stall.lateMs);
    return longest;
}

} // namespace snaption::widgets
