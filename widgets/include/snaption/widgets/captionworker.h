#pragma once

#include <snaption/captioner.h>
#include <snaption/widgets/captionjob.h>
#include <snaption/widgets/installedmodels.h>

#include <QObject>

#include <atomic>
#include <deque>
#include <map>
#include <memory>

namespace snaption::widgets {

// The one inference worker: lives on its own thread, loads a model once and captions queued jobs
// one at a time, so the GUI thread never waits. Requests arrive as queued calls; cancel() may be
// called from any thread and drops everything queued.
class CaptionWorker : public QObject {
    Q_OBJECT

public:
    explicit CaptionWorker(QObject *parent = nullptr);
    ~CaptionWorker() override;

    // Thread-safe: discards queued jobs; the one in progress finishes and is reported.
    void cancel();

public Q_SLOTS:
    void loadModel(const QString &path, int precision); // snaption::WeightPrecision
    static QString describeSource(const std::map<std::string, std::string> &provenance);
    // The image as the Caption tab shows it (at most CaptionOutcome::kDisplaySize): read from the
    // file, or shrunk from pasted pixels. Any thread; throws Error for unreadable files.
    static RgbImage loadDisplayImage(const QString &path, const QImage &pixels);
    void enqueue(const snaption::widgets::CaptionJob &job);
    // Reads the candidates' headers (InstalledModels::scan) between caption jobs.
    void scanModels(const QStringList &candidates);

Q_SIGNALS:
    void modelLoaded(const QString &path, const QString &description);
    void modelFailed(const QString &path, const QString &error);
    void started(int id);
    void finished(const snaption::widgets::CaptionOutcome &outcome);
    void idle(); // the queue ran empty
    void modelsScanned(const QList<snaption::widgets::InstalledModel> &models);

private:
    void processNext();
    CaptionOutcome caption(const CaptionJob &job);
    void returnFreedMemory(bool idle);

    std::unique_ptr<Captioner> m_captioner;
    std::deque<std::pair<CaptionJob, unsigned>> m_queue;
    std::atomic<unsigned> m_generation{0};
    bool m_scheduled = false;
    int m_untrimmed = 0; // images captioned since the last trim
};

} // namespace snaption::widgets
