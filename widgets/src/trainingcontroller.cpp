#include <snaption/widgets/trainingcontroller.h>

#include <snaption/error.h>
#include <snaption/training/datasetloader.h>

#include "trainingtexttranslator.h"

#include <QMetaObject>

#include <atomic>
#include <mutex>

namespace snaption::widgets {

// Lives on the worker thread; forwards the trainer's callbacks as signals (queued to the GUI).
class TrainingController::Worker : public QObject, public training::TrainingObserver {
    Q_OBJECT

public:
    std::mutex mutex;
    training::Trainer *trainer = nullptr; // while running, guarded by mutex
    std::atomic<bool> stopRequested{false};
    std::atomic<bool> paused{false};

    void onPhase(training::TrainingPhase phase, const training::TrainingText &description) override
    {
        Q_EMIT phaseChanged(int(phase), TrainingTextTranslator::translate(description));
    }
    void onProgress(int done, int total) override { Q_EMIT progress(done, total); }
    void onStep(const training::StepRecord &record) override { Q_EMIT step(record); }
    void onEpoch(const training::EpochRecord &record) override { Q_EMIT epoch(record); }
    void onMessage(const training::TrainingText &text) override { Q_EMIT message(TrainingTextTranslator::translate(text)); }

public Q_SLOTS:
    void run(const snaption::training::TrainingConfig &config, const QString &datasetPath, const QString &format, const QString &output,
             const QString &resumeFrom)
    {
        try {
            Q_EMIT finished(resumeFrom.isEmpty() ? train(config, datasetPath, format, output) : resume(config, datasetPath, format, output, resumeFrom));
        } catch (const std::exception &error) {
            Q_EMIT failed(QString::fromStdString(Error::describe(error)));
        }
    }

private:
    training::Dataset loadDataset(const training::TrainingConfig &config, const QString &path, const QString &format)
    {
        training::DatasetLoader::Options options = training::DatasetLoader::optionsFor(config);
        options.format = training::DatasetLoader::formatFromName(format.toStdString());
        training::Dataset dataset = training::DatasetLoader::load(path.toStdString(), options);
        Q_EMIT datasetLoaded(QString::fromStdString(dataset.name + ": " + dataset.report.summary()),
                             dataset.isSynthetic() ? int(dataset.syntheticSeed) : -1, dataset.syntheticImageSize);
        return dataset;
    }

    training::TrainingResult train(const training::TrainingConfig &config, const QString &path, const QString &format, const QString &output)
    {
        return runTrainer(training::Trainer(config, loadDataset(config, path, format)), output);
    }

    // A resumed run takes its data and settings from the checkpoint unless the tab names other
    // data; of the form's settings only the run's length, budget and matrix precision apply.
    training::TrainingResult resume(const training::TrainingConfig &form, const QString &path, const QString &format, const QString &output,
                                    const QString &checkpoint)
    {
        const training::CheckpointInfo info = training::Trainer::inspectCheckpoint(checkpoint.toStdString());
        training::TrainingConfig settings = info.config;
        settings.epochs = form.epochs;
        settings.ciderStageEpochs = form.ciderStageEpochs;
        settings.maxMinutes = form.maxMinutes;
        settings.mixedPrecision = form.mixedPrecision;
        const QString data = path.isEmpty() ? QString::fromStdString(info.dataSource) : path;
        const QString dataFormat = path.isEmpty() ? QString::fromStdString(info.dataFormat) : format;
        const QString folder = output.isEmpty() ? QString::fromStdString(info.outputFolder) : output;
        if (data.isEmpty() || folder.isEmpty())
            throw Error(ErrorKind::InvalidArgument, checkpoint.toStdString() + ": this checkpoint does not record its data: choose the dataset");
        training::Dataset dataset = loadDataset(info.config, data, dataFormat.isEmpty() ? QStringLiteral("auto") : dataFormat);
        return runTrainer(training::Trainer::resume(checkpoint.toStdString(), std::move(dataset), &settings), folder);
    }

    training::TrainingResult runTrainer(training::Trainer trainer, const QString &output)
    {
        trainer.setObserver(this);
        {
            std::lock_guard<std::mutex> lock(mutex);
            this->trainer = &trainer;
            if (stopRequested) trainer.requestStop();
            trainer.requestPause(paused);
        }
        // Unpublished before the trainer goes away, also when run() throws: stop() and pause
        // reach it from the GUI thread.
        struct Unpublish {
            Worker &worker;
            ~Unpublish()
            {
                std::lock_guard<std::mutex> lock(worker.mutex);
                worker.trainer = nullptr;
            }
        } unpublish{*this};
        return trainer.run(output.toStdString());
    }

Q_SIGNALS:
    void phaseChanged(int phase, const QString &description);
    void progress(int done, int total);
    void step(const snaption::training::StepRecord &record);
    void epoch(const snaption::training::EpochRecord &record);
    void message(const QString &text);
    void datasetLoaded(const QString &summary, int syntheticSeed, int syntheticSize);
    void finished(const snaption::training::TrainingResult &result);
    void failed(const QString &error);
};

TrainingController::TrainingController(QObject *parent) : QObject(parent), m_worker(new Worker)
{
    qRegisterMetaType<training::StepRecord>();
    qRegisterMetaType<training::EpochRecord>();
    qRegisterMetaType<training::TrainingResult>();
    qRegisterMetaType<training::TrainingConfig>("snaption::training::TrainingConfig");
    m_worker->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("training"));
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &Worker::phaseChanged, this, &TrainingController::phaseChanged);
    connect(m_worker, &Worker::progress, this, &TrainingController::progress);
    connect(m_worker, &Worker::step, this, &TrainingController::step);
    connect(m_worker, &Worker::epoch, this, &TrainingController::epoch);
    connect(m_worker, &Worker::message, this, &TrainingController::message);
    connect(m_worker, &Worker::datasetLoaded, this, &TrainingController::datasetLoaded);
    connect(m_worker, &Worker::finished, this, [this](const training::TrainingResult &result) {
        m_running = false;
        Q_EMIT runningChanged(false);
        Q_EMIT finished(result);
    });
    connect(m_worker, &Worker::failed, this, [this](const QString &error) {
        m_running = false;
        Q_EMIT runningChanged(false);
        Q_EMIT failed(error);
    });
    m_thread.start();
}

TrainingController::~TrainingController()
{
    stop();
    m_thread.quit();
    m_thread.wait();
}

void TrainingController::start(const training::TrainingConfig &config, const QString &dataset, const QString &format, const QString &outputFolder,
                               const QString &resumeFrom)
{
    if (m_running) return;
    m_running = true;
    m_worker->stopRequested = false;
    m_worker->paused = false;
    Q_EMIT runningChanged(true);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, config, dataset, format, outputFolder, resumeFrom] { worker->run(config, dataset, format, outputFolder, resumeFrom); },
        Qt::QueuedConnection);
}

void TrainingController::setPaused(bool paused)
{
    m_worker->paused = paused;
    {
        std::lock_guard<std::mutex> lock(m_worker->mutex);
        if (m_worker->trainer) m_worker->trainer->requestPause(paused);
    }
}

void TrainingController::stop()
{
    m_worker->stopRequested = true;
    m_worker->paused = false;
    std::lock_guard<std::mutex> lock(m_worker->mutex);
    if (m_worker->trainer) {
        m_worker->trainer->requestPause(false);
        m_worker->trainer->requestStop();
    }
}

} // namespace snaption::widgets

#include "trainingcontroller.moc"
