#include "imagefiles.h"

#include <snaption/imageloader.h>

#include <QCollator>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace snaption::gui {

QStringList ImageFiles::nameFilters()
{
    QStringList filters;
    for (const std::string &extension : ImageLoader::supportedExtensions()) {
        filters << QStringLiteral("*.") + QString::fromStdString(extension);
        filters << QStringLiteral("*.") + QString::fromStdString(extension).toUpper();
    }
    return filters;
}

QString ImageFiles::dialogFilter()
{
    return QCoreApplication::translate("ImageFiles", "Images (%1)").arg(nameFilters().join(QLatin1Char(' ')));
}

QStringList ImageFiles::expand(const QStringList &paths)
{
    QStringList files;
    QCollator collator;
    collator.setNumericMode(true);
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isDir()) {
            files << info.absoluteFilePath();
            continue;
        }
        QStringList entries = QDir(path).entryList(nameFilters(), QDir::Files | QDir::Readable);
        std::sort(entries.begin(), entries.end(), collator);
        for (const QString &entry : entries) files << QDir(path).absoluteFilePath(entry);
    }
    return files;
}

} // namespace snaption::gui
