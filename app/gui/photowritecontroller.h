#pragma once

#include "photometadatatask.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QProgressDialog;
class QWidget;

namespace snaption::gui {

class CaptionTab;
class WritePhotosDialog;

// Write to Photos… and Undo Last Write: collects the Caption tab's finished photos (with a person's
// corrections), asks how to write them (showing what will change before anything does), writes
// on a worker with progress and cancel, marks each photo's state in the list, and keeps the
// journals of earlier writes (remembered across sessions) so that each can be undone, newest first.
class PhotoWriteController : public QObject {
    Q_OBJECT

public:
    PhotoWriteController(CaptionTab *captionTab, std::function<QString()> modelPath, QWidget *window);

    bool canUndo() const;
    bool isBusy() const { return m_task->isRunning(); }
    PhotoMetadataTask *task() const { return m_task; }

public Q_SLOTS:
    void writeToPhotos();
    void undoLastWrite();

Q_SIGNALS:
    void statusMessage(const QString &message);
    void undoAvailableChanged(bool available);
    void writeFinished(const snaption::gui::WriteSummary &summary);
    void undoFinished(const snaption::gui::RestoreSummary &summary);

private:
    std::vector<PhotoToWrite> photosToWrite() const;
    void requestPreview(const metadata::WriteOptions &options);
    void startWrite(const metadata::WriteOptions &options);
    void onWritten(const WriteSummary &summary);
    void onRestored(const RestoreSummary &summary);
    void onPhotoRestored(const QString &path, const QString &description, const QString &altText, bool fromSnaption);
    QProgressDialog *showProgress(const QString &label, int total);
    QStringList journals() const;
    void setJournals(const QStringList &journals);
    static QString newJournalPath();

    CaptionTab *m_captionTab;
    std::function<QString()> m_modelPath;
    QWidget *m_window;
    PhotoMetadataTask *m_task;
    std::vector<PhotoToWrite> m_photos; // of the dialog in progress
    QPointer<WritePhotosDialog> m_dialog;
    QPointer<QProgressDialog> m_progress;
    std::optional<metadata::WriteOptions> m_pendingPreview; // asked for while a preview ran
    std::optional<metadata::WriteOptions> m_pendingWrite;   // chosen while a preview ran
};

} // namespace snaption::gui
