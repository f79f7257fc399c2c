#pragma once

#include <QByteArray>
#include <QIODevice>

#include <cstdio>

namespace snaption::cli {

// A write-only device over stdout or stderr that makes text from files harmless on a terminal:
// control characters other than newline and tab (ESC sequences, carriage returns, backspaces),
// C1 controls and bidirectional overrides are written as visible escapes ("\x1b", "\u202e"), so
// a caption or file name can neither move the cursor, recolour the terminal nor reorder what is
// shown. UTF-8 sequences split between writes are held back until complete.
class TerminalSafeDevice : public QIODevice {
public:
    explicit TerminalSafeDevice(std::FILE *stream);
    // Escapes one chunk of UTF-8 text; `pending` carries an incomplete sequence between calls.
    static QByteArray sanitize(const QByteArray &bytes, QByteArray &pending);

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override;

private:
    std::FILE *m_stream;
    QByteArray m_pending;
};

} // namespace snaption::cli
