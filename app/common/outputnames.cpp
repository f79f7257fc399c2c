#include "outputnames.h"

#include <QDir>
#include <QFileInfo>

namespace snaption {

OutputNames::OutputNames(const QStringList &inputs)
{
    for (const QString &input : inputs)
        if (!input.isEmpty()) m_taken.insert(key(input));
}

QString OutputNames::key(const QString &path)
{
    const QFileInfo info(path);
    // An existing file by its canonical path (links resolved); a new one by its folder's.
    if (info.exists()) return info.canonicalFilePath();
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return QDir::cleanPath((folder.isEmpty() ? info.absolutePath() : folder) + QLatin1Char('/') + info.fileName());
}

QString OutputNames::claim(const QString &path)
{
    QString candidate = path;
    const QFileInfo info(path);
    const QString stem = info.completeBaseName(), suffix = info.suffix();
    for (int n = 2; m_taken.contains(key(candidate)); ++n) {
        const QString name = stem + QStringLiteral("-%1").arg(n) + (suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix);
        candidate = info.dir().filePath(name);
    }
    m_taken.insert(key(candidate));
    return candidate;
}

bool OutputNames::isAnyOf(const QString &output, const QStringList &inputs)
{
    const QString target = key(output);
    for (const QString &input : inputs) {
        if (!input.isEmpty() && key(input) == target) return true;
    }
    return false;
}

} // namespace snaption
