#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

namespace snaption::cli {

// Standard output and error for the commands: errors are one line, "error: ...", on stderr.
class CliOutput {
public:
    static QTextStream &out();
    static QTextStream &err();
    static void error(const QString &message);
    static void warning(const QString &message);
    // Parses the arguments; on a usage error prints it and returns false (exit code kUsage).
    static bool parse(QCommandLineParser &parser, const QStringList &arguments);
};

} // namespace snaption::cli
