#include "provenance.h"

#include <QCoreApplication>
#include <QDateTime>

namespace snaption::cli {

std::map<std::string, std::string> Provenance::describe(const QString &command, const QString &source)
{
    return {
        {"created_by", QStringLiteral("snaption-cli %1 %2").arg(command, QCoreApplication::applicationVersion()).toStdString()},
        {"created_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString()},
        {"source", source.toStdString()},
    };
}

} // namespace snaption::cli
