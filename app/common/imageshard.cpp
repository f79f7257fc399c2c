#include "imageshard.h"

#include <QCryptographicHash>
#include <QRegularExpression>

#include <stdexcept>

namespace snaption {

namespace {
constexpr int kMaxShards = 100000;
}

std::optional<ImageShard> ImageShard::parse(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,6})/(\\d{1,6})$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch()) return std::nullopt;
    const int index = match.captured(1).toInt(), count = match.captured(2).toInt();
    if (count < 1 || count > kMaxShards || index >= count) return std::nullopt;
    return ImageShard(index, count);
}

ImageShard::ImageShard(int index, int count) : m_index(index), m_count(count)
{
    if (count < 1 || index < 0 || index >= count) throw std::invalid_argument("ImageShard: index must be below count");
}

// SHA-1 rather than qHash: qHash is seeded per process, and the partition must be the same in
// every process on every machine.
int ImageShard::shardOf(const QString &path, int count)
{
    const QByteArray digest = QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1);
    quint64 value = 0;
    for (int i = 0; i < 8; ++i) value = (value << 8) | quint8(digest[i]);
    return int(value % quint64(count));
}

bool ImageShard::contains(const QString &path) const
{
    return shardOf(path, m_count) == m_index;
}

QStringList ImageShard::select(const QStringList &paths) const
{
    QStringList selected;
    for (const QString &path : paths)
        if (contains(path)) selected << path;
    return selected;
}

} // namespace snaption
