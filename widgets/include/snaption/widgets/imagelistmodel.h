#pragma once

#include <snaption/widgets/captionjob.h>

#include <QAbstractListModel>
#include <QIcon>

#include <deque>
#include <vector>

namespace snaption::widgets {

// The images of a captioning session, with each one's state: queued, captioning, done (with its
// caption and attention maps) or failed (with the reason). Every entry keeps its caption and
// thumbnail; only the kDisplayedImages most recently finished or shown keep their display image
// and attention maps, so memory does not grow with the folder (the Caption tab captions an
// evicted one again, with its own options, when it is selected).
class ImageListModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum class State { Queued, Captioning, Done, Failed };
    // What became of writing the caption into the photo.
    enum class PhotoState { NotWritten, Written, Kept, WriteFailed };
    enum Role { StateRole = Qt::UserRole + 1, CaptionRole, ErrorRole, PathRole, IdRole };

    struct Entry {
        int id = 0;
        QString path;  // empty for pasted images
        QString name;  // shown
        QImage pixels; // pasted images only
        State state = State::Queued;
        CaptionOutcome outcome; // its thumbnail lives on as `icon`
        QIcon icon;
        QString editedCaption; // a person's correction of the caption; empty when none
        PhotoState photoState = PhotoState::NotWritten;
        QString photoNote; // why it was kept, or why writing failed
        // The caption as it stands: the person's correction, else the model's.
        QString captionText() const { return editedCaption.isEmpty() ? QString::fromStdString(outcome.result.caption) : editedCaption; }
        bool isEdited() const { return !editedCaption.isEmpty(); }
        // The model's calibration marks its caption unsure; a person's correction never is.
        bool isUnsure() const { return state == State::Done && !isEdited() && outcome.result.confidence == CaptionConfidence::Unsure; }
        // False once the display image and attention maps were let go (see kDisplayedImages).
        bool complete() const { return outcome.display && !outcome.result.attention.empty(); }
    };

    explicit ImageListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    int add(const QString &path);             // returns the new entry's id
    int addPixels(const QImage &image, const QString &name);
    void clear();
    void setState(int id, State state);
    void setOutcome(const CaptionOutcome &outcome);
    // A person's correction (text equal to the model's caption, or empty, removes it).
    void setEditedCaption(int id, const QString &text);
    // After writing to the photo: the state, a note, and what the photo now holds.
    void setPhotoState(int id, PhotoState state, const QString &note, const QString &description = QString(),
                       const QString &altText = QString(), bool fromSnaption = false);

    // Whether unsure captions are spoken "Possibly: ..." (Settings; on by default).
    void setMarkUnsure(bool mark);
    bool marksUnsure() const { return m_markUnsure; }
    // The caption as a screen reader says it and speech reads it.
    QString spokenCaption(const Entry &entry) const;

    int rowOf(int id) const;
    const Entry *entry(int id) const;
    const Entry &at(int row) const { return m_entries[std::size_t(row)]; }
    const std::vector<Entry> &entries() const { return m_entries; }
    int count(State state) const;
    static QString stateName(State state);
    static QString photoStateName(PhotoState state);
    static constexpr std::size_t kDisplayedImages = 8;

private:
    void keepDisplay(int id); // marks the entry's display most recently used, evicting the oldest's
    std::deque<int> m_displayed; // ids whose display is kept, oldest first

    std::vector<Entry> m_entries;
    int m_nextId = 1;
    QIcon m_placeholder;
    bool m_markUnsure = true;
};

} // namespace snaption::widgets
