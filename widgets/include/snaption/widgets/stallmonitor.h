#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

namespace snaption::widgets {

// Measures how responsive the event loop is: a timer asks to run every 5 ms and records how late
// it ran. The longest lateness is the longest time the GUI could not react.
class StallMonitor : public QObject {
    Q_OBJECT

public:
    explicit StallMonitor(QObject *parent = nullptr);
    void start();
    void stop();
    void reset();
    double longestStallMs() const { return m_longest; }
    double longestStallAtSeconds() const { return m_longestAt; } // since start()
    int stallsOver(double ms) const;
    // The longest stall from `seconds` after start() on (0 when none over 16 ms): the start-up's
    // first paint left out.
    double longestStallAfterMs(double seconds) const;
    double averageIntervalMs() const { return m_ticks ? m_total / m_ticks : 0; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_longest = 0, m_longestAt = 0, m_total = 0;
    struct Stall {
        double atSeconds, lateMs;
    };
    std::vector<Stall> m_stalls; // every lateness over 16 ms (a frame)
    int m_ticks = 0;
};

} // namespace snaption::widgets
