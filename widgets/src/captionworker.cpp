#include <snaption/widgets/captionworker.h>

#include <snaption/error.h>
#include <snaption/imageloader.h>
#include <snaption/preprocessing.h>
#include <snaption/widgets/imageconversion.h>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QMetaObject>

namespace snaption::widgets {

CaptionWorker::CaptionWorker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<CaptionJob>();
    qRegisterMetaType<CaptionOutcome>();
}

CaptionWorker::~CaptionWorker() = default;

void CaptionWorker::cancel()
{
    ++m_generation;
    m_queued = 0;
}

void CaptionWorker::loadModel(const QString &path, int precision)
{
    try {
        auto captioner = std::make_unique<Captioner>(path.toStdString(), static_cast<WeightPrecision>(precision));
        const ModelInfo &info = captioner->info();
        const auto source = info.provenance.find("source");
        const QString description = tr("%1, %2 + %3 decoder layers, %4 words%5")
                                        .arg(QFileInfo(path).fileName(), QString::fromStdString(info.config.encoder.name))
                                        .arg(info.config.decoder.layers)
                                        .arg(info.vocabulary.size())
                                        .arg(source == info.provenance.end() ? QString() : QStringLiteral(" — ") + QString::fromStdString(source->second));
        m_captioner = std::move(captioner);
        Q_EMIT modelLoaded(path, description);
    } catch (const std::exception &error) {
        Q_EMIT modelFailed(path, QString::fromStdString(Error::describe(error)));
    }
}

void CaptionWorker::enqueue(const CaptionJob &job)
{
    m_queue.emplace_back(job, m_generation.load());
    ++m_queued;
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
        m_queued = 0;
        Q_EMIT idle();
        return;
    }
    const CaptionJob job = m_queue.front().first;
    m_queue.pop_front();
    m_queued = int(m_queue.size());
    Q_EMIT started(job.id);
    Q_EMIT finished(caption(job));
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &CaptionWorker::processNext, Qt::QueuedConnection);
}

CaptionOutcome CaptionWorker::caption(const CaptionJob &job)
{
    CaptionOutcome outcome;
    outcome.id = job.id;
    QElapsedTimer timer;
    timer.start();
    try {
        if (!m_captioner) throw Error(ErrorKind::BadModel, tr("No model is loaded.").toStdString());
        // Read at the display size, as snaption-cli reads it: the same image gives the same caption.
        const RgbImage image = job.path.isEmpty() ? shrinkToFit(ImageConversion::fromQImage(job.pixels), CaptionOutcome::kDisplaySize)
                                                  : ImageLoader().load(job.path.toStdString(), CaptionOutcome::kDisplaySize);
        outcome.result = m_captioner->caption(image, job.options);
        outcome.display = image;
        outcome.thumbnail = ImageConversion::toQImage(outcome.display)
                                .scaled(CaptionOutcome::kThumbnailSize, CaptionOutcome::kThumbnailSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        outcome.ok = true;
    } catch (const Error &error) {
        outcome.error = QString::fromStdString(error.what());
    } catch (const std::exception &error) {
        outcome.error = tr("Unexpected error: %1").arg(QString::fromStdString(Error::describe(error)));
    }
    outcome.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    return outcome;
}

} // namespace snaption::widgets
