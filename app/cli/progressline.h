#pragma once

#include <QElapsedTimer>
#include <QString>

namespace snaption::cli {

// A progress line on standard error for long runs: "1,234 / 100,000 images  3.9 images/s  ETA
// 7:03:12", redrawn in place at most twice a second, only when standard error is a terminal (logs
// and pipes get the final summary alone). The rate counts only the images processed in this run.
class ProgressLine {
public:
    explicit ProgressLine(qint64 total);
    // done: images dealt with so far (skipped ones included); worked: those that took captioning.
    void update(qint64 done, qint64 worked);
    void clear(); // before other output, and at the end
    static QString duration(double seconds); // "7:03:12" or "3:12"

private:
    qint64 m_total;
    QElapsedTimer m_clock;
    qint64 m_lastDrawMs = -1000;
    bool m_terminal;
    bool m_drawn = false;
};

} // namespace snaption::cli
