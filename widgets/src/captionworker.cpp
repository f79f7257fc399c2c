#include <snaption/widgets/captionworker.h>

#include "existingdescription.h"

#include <snaption/error.h>
#include <snaption/imageloader.h>
#include <snaption/preprocessing.h>
#include <snaption/threading.h>
#include <snaption/widgets/imageconversion.h>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>
#include <QMetaObject>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace snaption::widgets {

namespace {

// A file's pixels for the encoder and its thumbnail, from one decode.
ImageDecodeQueue::Read readForCaption(const std::string &path, int encoderSize)
{
    ImageLoader::EncoderAndFitted read = ImageLoader().loadForEncoderAndFit(path, encoderSize, CaptionOutcome::kThumbnailSize);
    return ImageDecodeQueue::Read(std::move(read.encoderInput), std::move(read.fitted));
}

} // namespace

CaptionWorker::CaptionWorker(QObject *parent)
    : QObject(parent), m_decodeQueue([this](const std::string &path) { return readForCaption(path, m_encoderSize.load()); }, physicalCoreCount())
{
    qRegisterMetaType<CaptionJob>();
    qRegisterMetaType<CaptionOutcome>();
    qRegisterMetaType<QList<InstalledModel>>();
}

CaptionWorker::~CaptionWorker() = default;

// Where a model came from, in the user's language where the file says it in parts (models
// trained by Snaption), else its English "source" as written.
QString CaptionWorker::describeSource(const std::map<std::string, std::string> &provenance)
{
    const auto value = [&](const char *key) {
        const auto it = provenance.find(key);
        return it == provenance.end() ? QString() : QString::fromStdString(it->second);
    };
    bool numbers = true;
    const int epoch = value("epoch").toInt(&numbers);
    const int images = numbers ? value("train_images").toInt(&numbers) : 0;
    const QString role = value("role"), dataset = value("dataset");
    if (!numbers || dataset.isEmpty() || (role != QLatin1String("best") && role != QLatin1String("final"))) return value("source");
    const QString what = role == QLatin1String("best") ? tr("best epoch (%1)").arg(epoch)
                         : epoch > 0                   ? tr("final model")
                                                       : tr("final model (no epoch completed)");
    return tr("%1, trained on %2 (%3 images, %n epoch(s))", nullptr, epoch).arg(what, dataset, QLocale().toString(images));
}

void CaptionWorker::cancel()
{
    ++m_generation;
    m_decodeQueue.clear();
}

void CaptionWorker::loadModel(const QString &path, int precision)
{
    try {
        auto captioner = std::make_unique<Captioner>(path.toStdString(), static_cast<WeightPrecision>(precision));
        const ModelInfo &info = captioner->info();
        const QString source = describeSource(info.provenance);
        const QString description = (info.subwords ? tr("%1, %2 + %n decoder layer(s), %3 subword pieces%4", nullptr, info.config.decoder.layers)
                                                   : tr("%1, %2 + %n decoder layer(s), %3 words%4", nullptr, info.config.decoder.layers))
                                        .arg(QFileInfo(path).fileName(), QString::fromStdString(info.config.encoder.name))
                                        .arg(info.vocabulary.size())
                                        .arg(source.isEmpty() ? QString() : QStringLiteral(" — ") + source);
        m_captioner = std::move(captioner);
        // Files read ahead for the model before were read at its encoder's size.
        m_encoderSize = info.config.encoder.inputSize;
        m_decodeQueue.clear();
        Q_EMIT modelLoaded(path, description);
    } catch (const std::exception &error) {
        Q_EMIT modelFailed(path, QString::fromStdString(Error::describe(error)));
    }
}

void CaptionWorker::scanModels(const QStringList &candidates)
{
    Q_EMIT modelsScanned(InstalledModels::scan(candidates));
}

void CaptionWorker::enqueue(const CaptionJob &job)
{
    if (job.refresh) m_queue.emplace_front(job, m_generation.load());
    else m_queue.emplace_back(job, m_generation.load());
    readAhead();
    if (!m_scheduled) {
        m_scheduled = true;
        // One job per event, so that new requests and cancellations are seen in between.
        QMetaObject::invokeMethod(this, &CaptionWorker::processNext, Qt::QueuedConnection);
    }
}

void CaptionWorker::processNext()
{
    m_scheduled = false;
    while (!m_queue.empty() && m_queue.front().second != m_generation) m_queue.pop_front(); // cancelled
    if (m_queue.empty()) {
        m_decodeQueue.clear();
        Q_EMIT idle();
        return;
    }
    const std::vector<CaptionJob> jobs = takeBatch();
    readAhead(); // the next files are decoded while this batch is captioned
    for (const CaptionJob &job : jobs) Q_EMIT started(job.id);
    for (const CaptionOutcome &outcome : caption(jobs)) Q_EMIT finished(outcome);
    returnFreedMemory(int(jobs.size()), m_queue.empty());
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &CaptionWorker::processNext, Qt::QueuedConnection);
}

std::vector<CaptionJob> CaptionWorker::takeBatch()
{
    std::vector<CaptionJob> jobs{m_queue.front().first};
    m_queue.pop_front();
    const auto batchable = [&](const CaptionJob &job) { return !job.refresh && !job.path.isEmpty() && job.options == jobs.front().options; };
    if (!batchable(jobs.front())) return jobs;
    while (int(jobs.size()) < kBatchSize && !m_queue.empty() && m_queue.front().second == m_generation && batchable(m_queue.front().first)) {
        if (int(jobs.size()) >= kWaitedImages && !m_decodeQueue.isReady(std::uint64_t(m_queue.front().first.id))) break;
        jobs.push_back(m_queue.front().first);
        m_queue.pop_front();
    }
    return jobs;
}

void CaptionWorker::readAhead()
{
    std::size_t files = 0;
    for (const auto &[job, generation] : m_queue) {
        if (files >= kReadAhead) break;
        if (generation != m_generation || job.refresh || job.path.isEmpty()) continue;
        ++files;
        if (!m_decodeQueue.contains(std::uint64_t(job.id))) m_decodeQueue.submit(std::uint64_t(job.id), job.path.toStdString());
    }
}

CaptionWorker::JobPixels CaptionWorker::readImage(const CaptionJob &job)
{
    JobPixels read;
    try {
        if (job.path.isEmpty()) {
            // Shrunk for the encoder straight from the pasted pixels, as a file of them would be.
            const RgbImage pixels = ImageConversion::fromQImage(job.pixels);
            read.captioned = shrinkForEncoder(pixels, m_encoderSize.load());
            read.display = std::make_shared<const RgbImage>(shrinkToFit(pixels, CaptionOutcome::kDisplaySize));
            read.thumbnail = thumbnailOf(*read.display);
            return read;
        }
        ImageDecodeQueue::Decoded decoded = m_decodeQueue.take(std::uint64_t(job.id), job.path.toStdString());
        if (!decoded.image || !decoded.picture) {
            read.error = QString::fromStdString(decoded.error);
            return read;
        }
        read.captioned = std::move(*decoded.image);
        read.thumbnail = thumbnailOf(*decoded.picture);
        if (job.shown) read.display = std::make_shared<const RgbImage>(ImageLoader().load(job.path.toStdString(), CaptionOutcome::kDisplaySize));
    } catch (const std::exception &error) {
        read.captioned.reset();
        read.error = QString::fromStdString(Error::describe(error));
    }
    return read;
}

QImage CaptionWorker::thumbnailOf(const RgbImage &image)
{
    const QImage thumbnail = ImageConversion::wrap(image).scaled(CaptionOutcome::kThumbnailSize, CaptionOutcome::kThumbnailSize,
                                                                 Qt::KeepAspectRatio, Qt::SmoothTransformation);
    // QImage::scaled hands back the image itself when the size does not change, and that one
    // points into `image`, which is freed after captioning: the thumbnail must own its pixels.
    return thumbnail.constBits() == image.pixels.data() ? thumbnail.copy() : thumbnail;
}

// Each photo's decoding and encoding frees tens of megabytes on this thread; glibc keeps the freed
// pages of its arenas, so without a trim the app's memory grows with the folder (0.23 MB per 12 MP
// photo, measured) although nothing is kept. A trim costs about 30 ms: every tenth image and
// whenever the queue runs empty.
void CaptionWorker::returnFreedMemory(int images, bool idle)
{
#ifdef __GLIBC__
    m_untrimmed += images;
    if (m_untrimmed < 10 && !idle) return;
    m_untrimmed = 0;
    malloc_trim(0);
#else
    (void)images;
    (void)idle;
#endif
}

CaptionOutcome CaptionWorker::outcomeFor(const CaptionJob &job)
{
    CaptionOutcome outcome;
    outcome.id = job.id;
    outcome.options = job.options;
    outcome.refresh = job.refresh;
    return outcome;
}

void CaptionWorker::finish(CaptionOutcome &outcome, JobPixels &pixels, const CaptionResult &result, const QString &path)
{
    outcome.result = result;
    outcome.thumbnail = std::move(pixels.thumbnail);
    outcome.display = std::move(pixels.display);
    outcome.ok = true;
    readExistingDescription(path, outcome);
}

std::vector<CaptionOutcome> CaptionWorker::caption(const std::vector<CaptionJob> &jobs)
{
    QElapsedTimer timer;
    timer.start();
    std::vector<CaptionOutcome> outcomes;
    std::vector<RgbImage> images;
    std::vector<JobPixels> shown;       // the thumbnails and display images of `images`
    std::vector<std::size_t> captioned; // the outcomes `images` belong to
    for (const CaptionJob &job : jobs) {
        outcomes.push_back(outcomeFor(job));
        if (!m_captioner) {
            outcomes.back().error = tr("No model is loaded.");
            continue;
        }
        JobPixels read = readImage(job);
        if (!read.captioned) {
            outcomes.back().error = read.error;
            continue;
        }
        images.push_back(std::move(*read.captioned));
        shown.push_back(std::move(read));
        captioned.push_back(outcomes.size() - 1);
    }
    try {
        const std::vector<Captioner::Attempt> attempts = images.empty() ? std::vector<Captioner::Attempt>()
                                                                        : m_captioner->captionEach(images, jobs.front().options);
        for (std::size_t k = 0; k < attempts.size(); ++k) {
            CaptionOutcome &outcome = outcomes[captioned[k]];
            if (attempts[k].result) finish(outcome, shown[k], *attempts[k].result, jobs[captioned[k]].path);
            else outcome.error = QString::fromStdString(attempts[k].error);
        }
    } catch (const std::exception &error) {
        for (std::size_t index : captioned) outcomes[index].error = tr("Unexpected error: %1").arg(QString::fromStdString(Error::describe(error)));
    }
    const double share = double(timer.nsecsElapsed()) / 1e6 / double(jobs.size());
    for (CaptionOutcome &outcome : outcomes) outcome.elapsedMs = share;
    return outcomes;
}

} // namespace snaption::widgets
