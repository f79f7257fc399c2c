#include <snaption/widgets/captionworker.h>

#include "existingdescription.h"

#include <snaption/error.h>
#include <snaption/imageloader.h>
#include <snaption/preprocessing.h>
#include <snaption/widgets/imageconversion.h>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>
#include <QMetaObject>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace snaption::widgets {

CaptionWorker::CaptionWorker(QObject *parent) : QObject(parent)
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
        Q_EMIT idle();
        return;
    }
    const CaptionJob job = m_queue.front().first;
    m_queue.pop_front();
    Q_EMIT started(job.id);
    Q_EMIT finished(caption(job));
    returnFreedMemory(m_queue.empty());
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &CaptionWorker::processNext, Qt::QueuedConnection);
}

RgbImage CaptionWorker::loadDisplayImage(const QString &path, const QImage &pixels)
{
    return path.isEmpty() ? shrinkToFit(ImageConversion::fromQImage(pixels), CaptionOutcome::kDisplaySize)
                          : ImageLoader().load(path.toStdString(), CaptionOutcome::kDisplaySize);
}

// Each photo's decoding and encoding frees tens of megabytes on this thread; glibc keeps the freed
// pages of its arenas, so without a trim the app's memory grows with the folder (0.23 MB per 12 MP
// photo, measured) although nothing is kept. A trim costs about 30 ms: every tenth image and
// whenever the queue runs empty.
void CaptionWorker::returnFreedMemory(bool idle)
{
#ifdef __GLIBC__
    if (++m_untrimmed < 10 && !idle) return;
    m_untrimmed = 0;
    malloc_trim(0);
#endif
}

CaptionOutcome CaptionWorker::caption(const CaptionJob &job)
{
    CaptionOutcome outcome;
    outcome.id = job.id;
    outcome.options = job.options;
    outcome.refresh = job.refresh;
    QElapsedTimer timer;
    timer.start();
    try {
        if (!m_captioner) throw Error(ErrorKind::BadModel, tr("No model is loaded.").toStdString());
        // Read at the display size, as snaption-cli reads it: the same image gives the same caption.
        auto image = std::make_shared<const RgbImage>(loadDisplayImage(job.path, job.pixels));
        outcome.result = m_captioner->caption(*image, job.options);
        outcome.thumbnail = ImageConversion::wrap(*image).scaled(CaptionOutcome::kThumbnailSize, CaptionOutcome::kThumbnailSize, Qt::KeepAspectRatio,
                                                                 Qt::SmoothTransformation);
        outcome.display = std::move(image);
        outcome.ok = true;
        readExistingDescription(job.path, outcome);
    } catch (const Error &error) {
        outcome.error = QString::fromStdString(error.what());
    } catch (const std::exception &error) {
        outcome.error = tr("Unexpected error: %1").arg(QString::fromStdString(Error::describe(error)));
    }
    outcome.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    return outcome;
}

} // namespace snaption::widgets
