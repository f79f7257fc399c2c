#include "clioutput.h"

#include "terminalsafedevice.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace snaption::cli {

QTextStream &CliOutput::out()
{
    static TerminalSafeDevice device(stdout);
    static QTextStream stream(&device);
    return stream;
}

QTextStream &CliOutput::err()
{
    static TerminalSafeDevice device(stderr);
    static QTextStream stream(&device);
    return stream;
}

void CliOutput::terminalControl(const char *sequence)
{
    out().flush();
    std::fputs(sequence, stdout);
    std::fflush(stdout);
}

void CliOutput::errorTerminalControl(const char *sequence)
{
    err().flush();
    std::fputs(sequence, stderr);
    std::fflush(stderr);
}

void CliOutput::error(const QString &message)
{
    out().flush();
    err() << QCoreApplication::translate("CliOutput", "error: %1").arg(message) << Qt::endl;
}

void CliOutput::warning(const QString &message)
{
    out().flush();
    err() << QCoreApplication::translate("CliOutput", "warning: %1").arg(message) << Qt::endl;
}

bool CliOutput::parse(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments)) {
        error(parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        std::exit(0);
    }
    return true;
}

} // namespace snaption::cli
