#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QImage>
#include <QString>

#include <deque>

namespace snaption::widgets {

// What Snaption described for the user outside its own image list (a copied image, the
// clipboard), newest first: each result with its thumbnail, time and source, for a screen reader
// to browse and copy from. A list item's accessible name is the caption, its description the
// source and time.
class HistoryModel : public QAbstractListModel {
    Q_OBJECT

public:
    struct Entry {
        QImage thumbnail;
        QString caption; // or, when failed, the reason
        QDateTime time;
        QString source; // "Clipboard", …
        bool failed = false;
    };
    enum Role { CaptionRole = Qt::UserRole + 1, SourceRole, TimeRole, FailedRole };
    static constexpr int kMaxEntries = 500; // the oldest go first
    static constexpr int kThumbnailSize = 96;

    explicit HistoryModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    // At most kThumbnailSize on either side; smaller images stay as they are.
    static QImage thumbnailOf(const QImage &image);
    // The image is made a thumbnail here; the full image is not kept.
    void add(const QImage &image, const QString &caption, const QString &source, bool failed = false,
             const QDateTime &time = QDateTime::currentDateTime());
    void clear();
    const Entry &at(int row) const { return m_entries.at(size_t(row)); }

private:
    std::deque<Entry> m_entries;
};

} // namespace snaption::widgets
