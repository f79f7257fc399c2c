#include <snaption/widgets/stallmonitor.h>

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
        m_longest = std::max(m_longest, interval - kIntervalMs);
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
    m_total = 0;
    m_ticks = 0;
}

} // namespace snaption::widgets
