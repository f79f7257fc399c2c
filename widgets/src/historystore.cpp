#include <snaption/widgets/historystore.h>

#include <snaption/widgets/historymodel.h>

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <utility>
#include <vector>

namespace snaption::widgets {
namespace {

QByteArray lineOf(const HistoryModel::Entry &entry)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    entry.thumbnail.save(&buffer, "PNG");
    const QJsonObject object{{QStringLiteral("time"), entry.time.toUTC().toString(Qt::ISODateWithMs)},
                             {QStringLiteral("source"), entry.source},
                             {QStringLiteral("caption"), entry.caption},
                             {QStringLiteral("failed"), entry.failed},
                             {QStringLiteral("thumbnail"), QString::fromLatin1(png.toBase64())}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

// An entry from one line, or false when the line is not one (wrong JSON, wrong types, no time).
bool entryOf(const QByteArray &line, HistoryModel::Entry *entry)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) return false;
    const QJsonObject object = document.object();
    const QJsonValue caption = object.value(QStringLiteral("caption")), source = object.value(QStringLiteral("source"));
    entry->time = QDateTime::fromString(object.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs).toLocalTime();
    if (!caption.isString() || !source.isString() || !entry->time.isValid()) return false;
    entry->caption = caption.toString();
    entry->source = source.toString();
    entry->failed = object.value(QStringLiteral("failed")).toBool(false);
    // The thumbnail's size is the decoder's to check, within a small allocation.
    QByteArray png = QByteArray::fromBase64(object.value(QStringLiteral("thumbnail")).toString().toLatin1());
    QBuffer buffer(&png);
    QImageReader reader(&buffer, "PNG");
    reader.setAllocationLimit(16);
    entry->thumbnail = HistoryModel::thumbnailOf(reader.read());
    return true;
}

} // namespace

QString HistoryStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("history.jsonl"));
}

HistoryStore::HistoryStore(HistoryModel *model, QString path, QObject *parent) : QObject(parent), m_model(model), m_path(std::move(path))
{
    load();
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        if (!m_loading) appendRows(first, last);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_loading) rewrite();
    });
}

void HistoryStore::load()
{
    QFile file(m_path);
    if (!file.exists()) return;
    if (file.size() > kMaxFileBytes) return report(tr("The saved history %1 is larger than %2 MB and was not read").arg(m_path).arg(kMaxFileBytes >> 20));
    if (!file.open(QIODevice::ReadOnly)) return report(tr("Cannot read the saved history %1: %2").arg(m_path, file.errorString()));
    std::vector<HistoryModel::Entry> entries;
    int lines = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine(kMaxLineBytes + 1);
        if (line.trimmed().isEmpty()) continue;
        ++lines;
        HistoryModel::Entry entry;
        // A line longer than the cap is read in pieces; none of them is an entry.
        if (line.size() > kMaxLineBytes || !entryOf(line, &entry)) {
            ++m_skipped;
            continue;
        }
        entries.push_back(std::move(entry));
    }
    // Oldest first in the file; the model puts each new one on top.
    const std::size_t keep = std::min(entries.size(), std::size_t(HistoryModel::kMaxEntries));
    m_loading = true;
    for (std::size_t i = entries.size() - keep; i < entries.size(); ++i)
        m_model->add(entries[i].thumbnail, entries[i].caption, entries[i].source, entries[i].failed, entries[i].time);
    m_loading = false;
    if (m_skipped > 0) report(tr("%n damaged entry(s) of the saved history were skipped", nullptr, m_skipped));
    if (lines > 2 * HistoryModel::kMaxEntries || m_skipped > 0) rewrite();
}

bool HistoryStore::writeLines(QIODevice &device, int first, int last)
{
    // Rows are newest first; the file is oldest first.
    for (int row = last; row >= first; --row) {
        const QByteArray line = lineOf(m_model->at(row));
        if (device.write(line) != line.size()) return false;
    }
    return true;
}

void HistoryStore::appendRows(int first, int last)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile file(m_path);
    if (!file.open(QIODevice::Append) || !writeLines(file, first, last) || !file.flush())
        report(tr("Cannot save the history to %1: %2").arg(m_path, file.errorString()));
}

void HistoryStore::rewrite()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    // Whole or not at all: the old file stays until the new one is complete.
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || !writeLines(file, 0, m_model->rowCount() - 1) || !file.commit())
        report(tr("Cannot save the history to %1: %2").arg(m_path, file.errorString()));
}

void HistoryStore::report(const QString &message)
{
    if (message != std::exchange(m_lastError, message)) Q_EMIT failed(message);
}

} // namespace snaption::widgets
