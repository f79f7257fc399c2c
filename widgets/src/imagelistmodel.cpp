#include <snaption/widgets/imagelistmodel.h>

#include <snaption/widgets/unsurecaption.h>

#include <QFileInfo>
#include <QPainter>
#include <QPixmap>

#include <algorithm>

namespace snaption::widgets {

ImageListModel::ImageListModel(QObject *parent) : QAbstractListModel(parent)
{
    QPixmap placeholder(CaptionOutcome::kThumbnailSize, CaptionOutcome::kThumbnailSize);
    placeholder.fill(QColor(0x44, 0x44, 0x55));
    m_placeholder = QIcon(placeholder);
}

int ImageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QString ImageListModel::stateName(State state)
{
    switch (state) {
    case State::Queued: return tr("queued");
    case State::Captioning: return tr("captioning");
    case State::Done: return tr("done");
    case State::Failed: return tr("failed");
    }
    return {};
}

QString ImageListModel::photoStateName(PhotoState state)
{
    switch (state) {
    case PhotoState::NotWritten: return {};
    case PhotoState::Written: return tr("written to the photo");
    case PhotoState::Kept: return tr("photo left as it was");
    case PhotoState::WriteFailed: return tr("writing to the photo failed");
    }
    return {};
}

void ImageListModel::setMarkUnsure(bool mark)
{
    if (mark == m_markUnsure) return;
    m_markUnsure = mark;
    if (!m_entries.empty()) Q_EMIT dataChanged(index(0), index(int(m_entries.size()) - 1), {Qt::AccessibleTextRole});
}

QString ImageListModel::spokenCaption(const Entry &entry) const
{
    const QString caption = entry.captionText();
    return m_markUnsure && entry.isUnsure() ? UnsureCaption::hedged(caption, QString::fromStdString(entry.outcome.result.language)) : caption;
}

QVariant ImageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_entries.size())) return {};
    const Entry &e = m_entries[std::size_t(index.row())];
    const QString caption = e.captionText();
    // "photo.jpg (written to the photo)": the state of the photo's metadata beside its name.
    const QString name = e.photoState == PhotoState::NotWritten ? e.name : tr("%1 (%2)").arg(e.name, photoStateName(e.photoState));
    switch (role) {
    case Qt::DisplayRole:
        if (e.state == State::Done) return QStringLiteral("%1\n%2").arg(name, caption);
        if (e.state == State::Failed) return QStringLiteral("%1\n%2").arg(e.name, tr("Error: %1").arg(e.outcome.error));
        return QStringLiteral("%1\n%2").arg(e.name, stateName(e.state));
    case Qt::AccessibleTextRole:
        if (e.state == State::Done) return tr("%1: %2").arg(name, spokenCaption(e));
        if (e.state == State::Failed) return tr("%1: failed: %2").arg(e.name, e.outcome.error);
        return tr("%1: %2").arg(e.name, stateName(e.state));
    case Qt::ToolTipRole:
        if (!e.photoNote.isEmpty()) return tr("%1\n%2: %3").arg(e.path.isEmpty() ? e.name : e.path, photoStateName(e.photoState), e.photoNote);
        return e.path.isEmpty() ? e.name : e.path;
    // One icon per entry, made once: a new QIcon per call would fill the pixmap cache with copies.
    case Qt::DecorationRole: return e.icon.isNull() ? m_placeholder : e.icon;
    case Qt::ForegroundRole: return e.state == State::Failed ? QVariant(QColor(0xc0, 0x30, 0x30)) : QVariant();
    case StateRole: return int(e.state);
    case CaptionRole: return caption;
    case ErrorRole: return e.outcome.error;
    case PathRole: return e.path;
    case IdRole: return e.id;
    default: return {};
    }
}

int ImageListModel::add(const QString &path)
{
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size()));
    Entry entry;
    entry.id = m_nextId++;
    entry.path = path;
    entry.name = QFileInfo(path).fileName();
    m_entries.push_back(entry);
    endInsertRows();
    return entry.id;
}

int ImageListModel::addPixels(const QImage &image, const QString &name)
{
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size()));
    Entry entry;
    entry.id = m_nextId++;
    entry.name = name;
    entry.pixels = image;
    m_entries.push_back(entry);
    endInsertRows();
    return entry.id;
}

void ImageListModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_displayed.clear();
    endResetModel();
}

int ImageListModel::rowOf(int id) const
{
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].id == id) return int(i);
    }
    return -1;
}

const ImageListModel::Entry *ImageListModel::entry(int id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_entries[std::size_t(row)];
}

void ImageListModel::setState(int id, State state)
{
    const int row = rowOf(id);
    if (row < 0) return;
    m_entries[std::size_t(row)].state = state;
    Q_EMIT dataChanged(index(row), index(row));
}

void ImageListModel::setOutcome(const CaptionOutcome &outcome)
{
    const int row = rowOf(outcome.id);
    if (row < 0) return;
    Entry &e = m_entries[std::size_t(row)];
    // A refresh brings back the same caption; a new caption makes a person's correction stale.
    if (!outcome.refresh) e.editedCaption.clear();
    e.outcome = outcome;
    e.state = outcome.ok ? State::Done : State::Failed;
    if (!outcome.thumbnail.isNull()) e.icon = QIcon(QPixmap::fromImage(outcome.thumbnail));
    e.outcome.thumbnail = QImage(); // the icon holds the pixels
    if (e.outcome.display) keepDisplay(outcome.id);
    else e.outcome.result.attention = AttentionMaps(); // shown again only after a refresh, which brings them back
    Q_EMIT dataChanged(index(row), index(row));
}

void ImageListModel::setEditedCaption(int id, const QString &text)
{
    const int row = rowOf(id);
    if (row < 0) return;
    Entry &e = m_entries[std::size_t(row)];
    const QString edited = text == QString::fromStdString(e.outcome.result.caption) ? QString() : text;
    if (edited == e.editedCaption) return;
    e.editedCaption = edited;
    Q_EMIT dataChanged(index(row), index(row));
}

void ImageListModel::setPhotoState(int id, PhotoState state, const QString &note, const QString &description, const QString &altText,
                                   bool fromSnaption)
{
    const int row = rowOf(id);
    if (row < 0) return;
    Entry &e = m_entries[std::size_t(row)];
    e.photoState = state;
    e.photoNote = note;
    if (state == PhotoState::Written || state == PhotoState::NotWritten) {
        e.outcome.existingDescription = description;
        e.outcome.existingAltText = altText;
        e.outcome.existingFromSnaption = fromSnaption;
    }
    Q_EMIT dataChanged(index(row), index(row));
}

void ImageListModel::keepDisplay(int id)
{
    m_displayed.erase(std::remove(m_displayed.begin(), m_displayed.end(), id), m_displayed.end());
    m_displayed.push_back(id);
    while (m_displayed.size() > kDisplayedImages) {
        const int row = rowOf(m_displayed.front());
        if (row >= 0) {
            CaptionOutcome &evicted = m_entries[std::size_t(row)].outcome;
            evicted.display.reset();
            evicted.result.attention = AttentionMaps(); // a caption's maps are the other large part
        }
        m_displayed.pop_front();
    }
}

int ImageListModel::count(State state) const
{
    int n = 0;
    for (const Entry &e : m_entries) n += e.state == state;
    return n;
}

} // namespace snaption::widgets
