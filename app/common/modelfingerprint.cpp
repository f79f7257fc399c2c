#include "modelfingerprint.h"

#include <QCryptographicHash>
#include <QFile>

namespace snaption {

QString modelFingerprint(const QString &modelPath)
{
    QFile file(modelPath);
    if (!file.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) return {};
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace snaption
