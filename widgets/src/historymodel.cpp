#include <snaption/widgets/historymodel.h>

#include <QLocale>

namespace snaption::widgets {

HistoryModel::HistoryModel(QObject *parent) : QAbstractListModel(parent) {}

int HistoryModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_entries.size()); }

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount()) return {};
    const Entry &entry = at(index.row());
    const QString when = QLocale().toString(entry.time, QLocale::ShortFormat);
    const QString sourceAndTime = tr("%1, %2").arg(entry.source, when);
    switch (role) {
    case Qt::DisplayRole: return entry.caption + QLatin1Char('\n') + sourceAndTime; // seen under the caption
    case Qt::AccessibleTextRole:
    case CaptionRole: return entry.caption;
    case Qt::DecorationRole: return entry.thumbnail;
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole: return sourceAndTime;
    case SourceRole: return entry.source;
    case TimeRole: return entry.time;
    case FailedRole: return entry.failed;
    default: return {};
    }
}

QImage HistoryModel::thumbnailOf(const QImage &image)
{
    if (image.width() <= kThumbnailSize && image.height() <= kThumbnailSize) return image;
    return image.scaled(kThumbnailSize, kThumbnailSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

void HistoryModel::add(const QImage &image, const QString &caption, const QString &source, bool failed, const QDateTime &time)
{
    if (int(m_entries.size()) >= kMaxEntries) {
        beginRemoveRows({}, kMaxEntries - 1, int(m_entries.size()) - 1);
        m_entries.resize(size_t(kMaxEntries - 1));
        endRemoveRows();
    }
    Entry entry;
    entry.thumbnail = thumbnailOf(image);
    entry.caption = caption;
    entry.time = time;
    entry.source = source;
    entry.failed = failed;
    beginInsertRows({}, 0, 0);
    m_entries.push_front(std::move(entry));
    endInsertRows();
}

void HistoryModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

} // namespace snaption::widgets
