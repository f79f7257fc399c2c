#pragma once

#include <snaption/captioner.h>
#include <snaption/imagedecodequeue.h>
#include <snaption/widgets/captionjob.h>
#include <snaption/widgets/installedmodels.h>

#include <QObject>

#include <atomic>
#include <deque>
#include <map>
#include <memory>
#include <optional>

namespace snaption::widgets {

// The one inference worker: lives on its own thread, loads a model once and captions queued jobs,
// so the GUI thread never waits. Queued image files are read ahead on a thread per core
// (ImageDecodeQueue) at the encoder's size, as snaption-cli reads them (the same file gets the
// same caption), with a thumbnail from the same decode; the display image only for a job that is
// shown. They are captioned up to kBatchSize at a time, as snaption-cli does; pasted pixels and
// refreshes one at a time. Requests arrive as queued calls; cancel() may be called
// from any thread and drops everything queued.
class CaptionWorker : public QObject {
    Q_OBJECT

public:
    // As the CLI's: with batches of 4 the decoder read its weights from memory for 12 rows per
    // step and a folder took 1.15-1.4x as long (docs/BENCHMARKS.md). Images in flight hold only
    // the encoder's pixels and a thumbnail (display images are kept for shown ones), so 16 cost
    // ~90 MB more than 4: a 12-MP folder's peak 556 MB (with the decoder's packed fp32 weights)
    // against the 700 MB target.
    static constexpr int kBatchSize = 16;
    // A batch waits for the reading of this many of its images at most; past them only images
    // already read join it, so a folder of camera photos (read more slowly than captioned) shows
    // its first captions as soon as with batches of 4.
    static constexpr int kWaitedImages = 4;
    static constexpr std::size_t kReadAhead = 2 * kBatchSize;

    explicit CaptionWorker(QObject *parent = nullptr);
    ~CaptionWorker() override;

    // Thread-safe: discards queued jobs; the batch in progress finishes and is reported.
    void cancel();
    // Files are read on this many threads at once: one per core, as the CLI reads them. The
    // model's threads run at a lower priority (MainWindow), so with one reader a folder of camera
    // photos left a core idle half the time (docs/BENCHMARKS.md).
    int readerThreads() const { return m_decodeQueue.threads(); }

public Q_SLOTS:
    void loadModel(const QString &path, int precision); // snaption::WeightPrecision
    static QString describeSource(const std::map<std::string, std::string> &provenance);
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
    // The front job and the file jobs with the same options queued right behind it: up to
    // kBatchSize, and past kWaitedImages only those already read.
    std::vector<CaptionJob> takeBatch();
    // Hands the next queued files to the decode queue, kReadAhead at most.
    void readAhead();
    std::vector<CaptionOutcome> caption(const std::vector<CaptionJob> &jobs);
    // A job's pixels: what is captioned, its thumbnail, and its display image (at most
    // CaptionOutcome::kDisplaySize) where the job is shown; or why they cannot be had.
    struct JobPixels {
        std::optional<RgbImage> captioned;
        QImage thumbnail;
        std::shared_ptr<const RgbImage> display;
        QString error;
    };
    // A file from the decode queue (its display image read here), pasted pixels shrunk here.
    JobPixels readImage(const CaptionJob &job);
    static QImage thumbnailOf(const RgbImage &image);
    static CaptionOutcome outcomeFor(const CaptionJob &job);
    static void finish(CaptionOutcome &outcome, JobPixels &pixels, const CaptionResult &result, const QString &path);
    void returnFreedMemory(int images, bool idle);

    std::unique_ptr<Captioner> m_captioner;
    std::atomic<int> m_encoderSize{0}; // the loaded model's, read by the decode queue's threads
    ImageDecodeQueue m_decodeQueue;
    std::deque<std::pair<CaptionJob, unsigned>> m_queue;
    std::atomic<unsigned> m_generation{0};
    bool m_scheduled = false;
    int m_untrimmed = 0; // images captioned since the last trim
};

} // namespace snaption::widgets
