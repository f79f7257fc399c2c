#include "imagepaths.h"

#include <snaption/imageloader.h>

#include <QCollator>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace snaption {

QStringList ImagePaths::nameFilters()
{
    QStringList filters;
    for (const std::string &extension : ImageLoader::supportedExtensions()) {
        filters << QStringLiteral("*.") + QString::fromStdString(extension);
        filters << QStringLiteral("*.") + QString::fromStdString(extension).toUpper();
    }
    return filters;
}

QStringList ImagePaths::expand(const QStringList &paths)
{
    QStringList files;
    for (const QString &argument : paths) {
        const QFileInfo info(argument);
        if (!info.isDir()) {
            files << argument;
            continue;
        }
        QStringList entries = QDir(argument).entryList(nameFilters(), QDir::Files | QDir::Readable);
        QCollator collator;
        collator.setNumericMode(true); // img2 before img10
        std::sort(entries.begin(), entries.end(), collator);
        for (const QString &entry : entries) files << QDir(argument).filePath(entry);
    }
    return files;
}

} // namespace snaption
