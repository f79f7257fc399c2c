#pragma once

#include <snaption/training/dataset.h>
#include <snaption/training/trainer.h>
#include <snaption/training/trainingconfig.h>
#include <snaption/training/trainingobserver.h>

#include <QObject>
#include <QThread>

#include <memory>

namespace snaption::widgets {

// Runs a Trainer on a worker thread and turns its observer callbacks into queued signals that
// carry plain records, so the GUI thread only draws. Pause, resume and stop are honoured
// between steps; stop writes a checkpoint first.
class TrainingController : public QObject {
    Q_OBJECT

public:
    explicit TrainingController(QObject *parent = nullptr);
    ~TrainingController() override;

    bool isRunning() const { return m_running; }

    // Loads the dataset and trains, all on the worker thread. resumeFrom: a checkpoint, or empty.
    // Resuming, an empty dataset or output folder means the checkpoint's, and of `config` only
    // the epochs, the time budget and the matrix precision apply (the rest is the checkpoint's).
    void start(const training::TrainingConfig &config, const QString &dataset, const QString &format, const QString &outputFolder,
               const QString &resumeFrom = QString());

public Q_SLOTS:
    void setPaused(bool paused);
    void stop();

Q_SIGNALS:
    void phaseChanged(int phase, const QString &description); // training::TrainingPhase
    void progress(int done, int total);
    void step(const snaption::training::StepRecord &record);
    void epoch(const snaption::training::EpochRecord &record);
    void message(const QString &text);
    void datasetLoaded(const QString &summary, int syntheticSeed, int syntheticSize); // seed < 0: not synthetic
    void finished(const snaption::training::TrainingResult &result);
    void failed(const QString &error);
    void runningChanged(bool running);

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr;
    bool m_running = false;
};

} // namespace snaption::widgets

Q_DECLARE_METATYPE(snaption::training::StepRecord)
Q_DECLARE_METATYPE(snaption::training::EpochRecord)
Q_DECLARE_METATYPE(snaption::training::TrainingResult)
Q_DECLARE_METATYPE(snaption::training::TrainingConfig)
