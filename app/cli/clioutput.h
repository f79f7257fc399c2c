#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

namespace snaption::cli {

// Standard output and error for the commands: errors are one line, "error: ...", on stderr.
// Everything written through out() and err() passes a TerminalSafeDevice: text from captions,
// datasets and file names cannot send escape sequences to the terminal.
class CliOutput {
public:
    static QTextStream &out();
    static QTextStream &err();
    // Writes our own terminal control sequence (the progress line's "\r", "\x1b[K") to stdout,
    // the one way around the sanitising.
    static void terminalControl(const char *sequence);
    // The same on standard error (the progress line of long runs).
    static void errorTerminalControl(const char *sequence);
    static void error(const QString &message);
    static void warning(const QString &message);
    // Parses the arguments; on a usage error prints it and returns false (exit code kUsage).
    static bool parse(QCommandLineParser &parser, const QStringList &arguments);
};

} // namespace snaption::cli
