#pragma once

#include <snaption/metadata/metadatawriter.h>

#include <QFuture>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace snaption::gui {

// One photo of the Caption tab to write: its caption as it stands (a person's correction, if any).
struct PhotoToWrite {
    int id = 0;
    QString path;
    QString caption;
    bool edited = false;
    double score = 0;
    QString language = QStringLiteral("en"); // the caption's (BCP 47), its model's
};

// What writing would do, counted before anything changes.
struct WritePreview {
    int toWrite = 0;
    int personsReplaced = 0; // photos where a person's description would be replaced
    int kept = 0;            // left as they are (a person's or Snaption's description, ...)
    int failing = 0;         // cannot be written (read-only, damaged, ...)
    QStringList reasons;     // "3 × a person's description is kept", ...
};

struct WriteSummary {
    int written = 0, kept = 0, failed = 0;
    bool cancelled = false;
    QStringList failures; // one line per failed photo
    QString journal;
};

struct RestoreSummary {
    int restored = 0, changed = 0, nothingToUndo = 0, failed = 0;
    QStringList problems;
};

// Previews, writes and restores captions in photos' metadata on a pool thread (never the GUI
// thread): results arrive as queued signals; one task at a time; cancel stops after the photo in
// flight (each photo is written whole or not at all).
class PhotoMetadataTask : public QObject {
    Q_OBJECT

public:
    explicit PhotoMetadataTask(QObject *parent = nullptr);
    ~PhotoMetadataTask() override;

    bool isRunning() const { return m_running; }
    void preview(const std::vector<PhotoToWrite> &photos, const metadata::WriteOptions &options, const QString &modelPath);
    // Writes through a new journal (its path comes back in the summary); each caption in its language.
    void write(const std::vector<PhotoToWrite> &photos, const metadata::WriteOptions &options, const QString &modelPath,
               const QString &journal);
    void restore(const QString &journal);
    void cancel() { m_cancel->store(true); }
    // Blocks until the running task ends (the window closing).
    void waitForFinished();

Q_SIGNALS:
    void progress(int done, int total);
    void previewReady(const snaption::gui::WritePreview &preview);
    // state: ImageListModel::PhotoState as int; what the photo holds afterwards.
    void photoDone(int id, int state, const QString &note, const QString &description, const QString &altText, bool fromSnaption);
    void written(const snaption::gui::WriteSummary &summary);
    // A photo put back as it was: what it holds again.
    void photoRestored(const QString &path, const QString &description, const QString &altText, bool fromSnaption);
    void restored(const snaption::gui::RestoreSummary &summary);

private:
    // Runs work on the pool; its result is delivered by `deliver` on this object's thread.
    void start(std::function<std::function<void()>()> work);

    bool m_running = false;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFuture<void> m_future;
};

} // namespace snaption::gui

Q_DECLARE_METATYPE(snaption::gui::WritePreview)
Q_DECLARE_METATYPE(snaption::gui::WriteSummary)
Q_DECLARE_METATYPE(snaption::gui::RestoreSummary)
