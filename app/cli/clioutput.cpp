#include "clioutput.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace snaption::cli {

QTextStream &CliOutput::out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &CliOutput::err()
{
    static QTextStream stream(stderr);
    return stream;
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
