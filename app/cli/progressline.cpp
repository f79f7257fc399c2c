#include "progressline.h"

#include "clioutput.h"

#include <QCoreApplication>
#include <QLocale>

#include <unistd.h>

namespace snaption::cli {

ProgressLine::ProgressLine(qint64 total)
    : m_total(total), m_terminal(::isatty(STDERR_FILENO) == 1)
{
    m_clock.start();
}

QString ProgressLine::duration(double seconds)
{
    const qint64 s = qint64(seconds + 0.5);
    if (s >= 3600) return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

void ProgressLine::update(qint64 done, qint64 worked)
{
    if (!m_terminal) return;
    const qint64 now = m_clock.elapsed();
    if (now - m_lastDrawMs < 500 && done < m_total) return;
    m_lastDrawMs = now;
    const double seconds = double(now) / 1000.0;
    const double rate = seconds > 0 ? double(worked) / seconds : 0.0;
    const QLocale locale;
    QString line = QCoreApplication::translate("ProgressLine", "%1 / %2 images  %3 images/s")
                       .arg(locale.toString(done), locale.toString(m_total), locale.toString(rate, 'f', 1));
    if (rate > 0 && done < m_total) {
        // Images still to come are assumed to need captioning: the estimate errs on the long side.
        line += QCoreApplication::translate("ProgressLine", "  ETA %1").arg(duration(double(m_total - done) / rate));
    }
    CliOutput::err().flush();
    CliOutput::errorTerminalControl("\r\x1b[K");
    CliOutput::err() << line;
    CliOutput::err().flush();
    m_drawn = true;
}

void ProgressLine::clear()
{
    if (!m_drawn) return;
    CliOutput::err().flush();
    CliOutput::errorTerminalControl("\r\x1b[K");
    m_drawn = false;
}

} // namespace snaption::cli
