#include "commandline.h"
#include "translators.h"

#include <QCoreApplication>
#include <QLocale>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("snaption-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Snaption"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SNAPTION_VERSION));

    const snaption::Translators translators{QLocale()};

    return snaption::cli::CommandLine().run(QCoreApplication::arguments());
}
