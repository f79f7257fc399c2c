#include "modelfingerprint.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>

namespace snaption {

QString modelFingerprint(const QString &modelPath)
{
    // The same file (path, size and time unchanged) is hashed once per process: previews ask often.
    static QMutex mutex;
    static QHash<QString, QString> known;
    const QFileInfo info(modelPath);
    const QString key = QStringLiteral("%1|%2|%3").arg(info.absoluteFilePath()).arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch());
    {
        const QMutexLocker lock(&mutex);
        const auto found = known.constFind(key);
        if (found != known.constEnd()) return *found;
    }
    QFile file(modelPath);
    if (!file.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) return {};
    const QString fingerprint = QString::fromLatin1(hash.result().toHex());
    const QMutexLocker lock(&mutex);
    known.insert(key, fingerprint);
    return fingerprint;
}

} // namespace snaption
