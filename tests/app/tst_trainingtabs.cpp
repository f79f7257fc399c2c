// The Train and Augment tabs (offscreen): a short synthetic run with live plot, pause, resume,
// stop with a checkpoint, "Use this model"; the augmentation preview and its link to training.
#include "augmenttab.h"
#include "captiontab.h"
#include "historytab.h"
#include "mainwindow.h"
#include "traintab.h"

#include <snaption/captioner.h>
#include <snaption/training/trainer.h>
#include <snaption/widgets/imagelistmodel.h>
#include <snaption/widgets/trainingcontroller.h>
#include <snaption/widgets/trainingplot.h>

#include "testsupport.h"
#include "tinytraining.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QSpinBox>
#include <QtTest>

#include <thread>

using namespace snaption;
using namespace snaption::gui;
using namespace snaption::test;

namespace {

// The synthetic preset; the test stops it after a few steps.
void configureQuickRun(TrainTab *tab, const QString &output)
{
    tab->applyPreset(QStringLiteral("synthetic-accurate"));
    tab->setDataset(QStringLiteral("synthetic:3"));
    tab->setOutputFolder(output);
    tab->setResumeCheckpoint(QString());
}

// Stops a library run after an epoch.
class EpochStopper : public training::TrainingObserver {
public:
    EpochStopper(training::Trainer &trainer, int epoch) : m_trainer(trainer), m_epoch(epoch) {}
    void onEpoch(const training::EpochRecord &record) override
    {
        if (record.epoch == m_epoch) m_trainer.requestStop();
    }

private:
    training::Trainer &m_trainer;
    int m_epoch;
};

} // namespace

class TestTrainingTabs : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        // Models the app creates (the demo model, training runs) stay out of the user's data folder.
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
        QCoreApplication::setOrganizationName(QStringLiteral("SnaptionTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_trainingtabs"));
    }

    void hasCaptionTrainAugmentAndHistoryTabs()
    {
        MainWindow window;
        QCOMPARE(window.tabs()->count(), 4);
        QCOMPARE(window.tabs()->widget(1), static_cast<QWidget *>(window.trainTab()));
        QCOMPARE(window.tabs()->widget(2), static_cast<QWidget *>(window.augmentTab()));
        QCOMPARE(window.tabs()->widget(3), static_cast<QWidget *>(window.historyTab()));
    }

    void previewIsSeededAndReseedChangesIt()
    {
        AugmentTab tab;
        training::AugmentationConfig config;
        config.colorJitter.probability = 1.0;
        config.shiftScaleRotate.probability = 1.0;
        tab.setConfig(config);
        tab.setSeed(42);
        QTRY_VERIFY_WITH_TIMEOUT(!tab.isRendering() && !tab.tiles().empty(), 20000);
        QTest::qWait(200);
        QTRY_VERIFY_WITH_TIMEOUT(!tab.isRendering(), 20000);
        const auto first = tab.tiles();
        QCOMPARE(int(first.size()), AugmentTab::kRows * AugmentTab::kColumns);
        QVERIFY(!first.front().second.isEmpty());
        tab.setSeed(42);
        QTRY_VERIFY_WITH_TIMEOUT(!tab.isRendering(), 20000);
        QTest::qWait(200);
        const auto again = tab.tiles();
        for (std::size_t i = 0; i < first.size(); ++i) {
            QCOMPARE(again[i].first.pixels, first[i].first.pixels);
            QCOMPARE(again[i].second, first[i].second);
        }
        tab.reseed();
        QVERIFY(tab.seed() != 42);
        QTRY_VERIFY_WITH_TIMEOUT(!tab.isRendering(), 20000);
        QTest::qWait(200);
        QTRY_VERIFY_WITH_TIMEOUT(!tab.isRendering(), 20000);
        int different = 0;
        for (std::size_t i = 0; i < first.size(); ++i) different += tab.tiles()[i].first.pixels != first[i].first.pixels;
        QVERIFY(different > 0);
    }

    void brokenSavedPipelineFallsBackAndSaysSo()
    {
        QSettings().setValue(QStringLiteral("augment/pipeline"), QStringLiteral("{\"flip\": 5"));
        MainWindow window;
        QSignalSpy status(window.augmentTab(), &AugmentTab::statusMessage);
        QVERIFY(status.wait(5000));
        QVERIFY2(status.first().first().toString().contains(QLatin1String("defaults")), qPrintable(status.first().first().toString()));
        QSettings().remove(QStringLiteral("augment/pipeline"));
    }

    void augmentTabIsTheTrainingPipeline()
    {
        MainWindow window;
        training::AugmentationConfig config;
        config.colorJitter.hue = 0.33;
        config.gaussianBlur.enabled = false;
        window.augmentTab()->setConfig(config);
        const training::TrainingConfig next = window.trainTab()->currentConfig();
        QCOMPARE(next.augmentation.toJson(), window.augmentTab()->config().toJson());
        QCOMPARE(next.augmentation.colorJitter.hue, 0.33);
    }

    // The German preset trains German captions: its language goes into the run's settings, and a
    // Flickr8k folder with German captions beside the English ones is replaced by the German file.
    void theGermanPresetTakesTheGermanCaptions()
    {
        QTemporaryDir data;
        writeBytes(data.filePath(QStringLiteral("Flickr8k.token.txt")), "a.jpg#0\tA dog.\n");
        writeBytes(data.filePath(QStringLiteral("Flickr8k.de.token.txt")), "a.jpg#0\tEin Hund.\n");
        MainWindow window;
        TrainTab *tab = window.trainTab();
        QLineEdit *dataset = nullptr;
        for (QLineEdit *edit : tab->findChildren<QLineEdit *>()) {
            if (edit->accessibleName() == QLatin1String("Dataset")) dataset = edit;
        }
        QVERIFY(dataset);
        tab->setDataset(data.path());
        tab->applyPreset(QStringLiteral("flickr8k-de-mobilenet"));
        QCOMPARE(tab->currentConfig().language, std::string("de"));
        QCOMPARE(dataset->text(), data.filePath(QStringLiteral("Flickr8k.de.token.txt")));
        tab->applyPreset(QStringLiteral("flickr8k-mobilenet"));
        QCOMPARE(tab->currentConfig().language, std::string("en"));
        QCOMPARE(dataset->text(), data.path());
    }

    void matrixPrecisionIsAnEditedSetting()
    {
        MainWindow window;
        TrainTab *tab = window.trainTab();
        tab->applyPreset(QStringLiteral("flickr8k-mobilenet"));
        QCOMPARE(tab->currentConfig().mixedPrecision, std::string("auto"));
        QComboBox *precision = nullptr;
        for (QComboBox *box : tab->findChildren<QComboBox *>()) {
            if (box->accessibleName() == QLatin1String("Matrix precision")) precision = box;
        }
        QVERIFY(precision);
        precision->setCurrentIndex(precision->findData(QStringLiteral("fp32")));
        QCOMPARE(tab->currentConfig().mixedPrecision, std::string("fp32"));
        tab->applyPreset(QStringLiteral("synthetic-accurate")); // a preset sets it back
        QCOMPARE(precision->currentData().toString(), QStringLiteral("auto"));
    }

    void theVocabularyKindIsAnEditedSetting()
    {
        MainWindow window;
        TrainTab *tab = window.trainTab();
        tab->applyPreset(QStringLiteral("flickr8k-de-mobilenet"));
        QComboBox *vocabulary = nullptr;
        for (QComboBox *box : tab->findChildren<QComboBox *>()) {
            if (box->accessibleName() == QLatin1String("Vocabulary")) vocabulary = box;
        }
        QVERIFY(vocabulary);
        QCOMPARE(tab->currentConfig().vocabulary, training::TrainingConfig::preset("flickr8k-de-mobilenet").vocabulary);
        QAbstractSpinBox *pieces = nullptr;
        for (QAbstractSpinBox *box : tab->findChildren<QAbstractSpinBox *>()) {
            if (box->accessibleName() == QLatin1String("Subword pieces")) pieces = box;
        }
        QVERIFY(pieces);
        QVERIFY(!pieces->isEnabled()); // words: the pieces' count does not apply
        vocabulary->setCurrentIndex(vocabulary->findData(QStringLiteral("subwords")));
        QCOMPARE(tab->currentConfig().vocabulary, std::string("subwords"));
        QVERIFY(pieces->isEnabled());
        vocabulary->setCurrentIndex(vocabulary->findData(QStringLiteral("words")));
        QCOMPARE(tab->currentConfig().vocabulary, std::string("words"));
        tab->applyPreset(QStringLiteral("synthetic-accurate")); // a preset sets it back
        QCOMPARE(vocabulary->currentData().toString(), QStringLiteral("words"));
    }

    void shortRunWithPauseStopAndUse()
    {
        MainWindow window;
        window.show();
        TrainTab *tab = window.trainTab();
        const QString output = m_dir.filePath(QStringLiteral("run"));
        configureQuickRun(tab, output);
        widgets::TrainingController *controller = tab->controller();
        QSignalSpy steps(controller, &widgets::TrainingController::step);
        QSignalSpy finished(controller, &widgets::TrainingController::finished);
        tab->start();
        QVERIFY(controller->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(steps.count() >= 3, 120000);
        QTRY_VERIFY(tab->plot()->stepCount() >= 3); // the plot received points

        // Pause: no more steps arrive; Resume: they do again.
        tab->setPaused(true);
        QTest::qWait(1500);
        const int paused = steps.count();
        QTest::qWait(1500);
        QCOMPARE(steps.count(), paused);
        tab->setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(steps.count() > paused, 60000);

        // Stop: a checkpoint to resume from, and the models so far.
        tab->stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        const auto result = qvariant_cast<training::TrainingResult>(finished.first().first());
        QVERIFY(result.stopped);
        QVERIFY(QFileInfo::exists(QString::fromStdString(result.lastCheckpoint)));
        QVERIFY(QFileInfo::exists(QString::fromStdString(result.finalModel)));
        // Stopped mid-run: the bar stays where it stopped, and without a finished epoch there is
        // no trained model to use.
        const auto *progress = tab->findChild<QProgressBar *>();
        QVERIFY(progress->value() < progress->maximum());
        QPushButton *use = nullptr;
        for (QPushButton *button : tab->findChildren<QPushButton *>())
            if (button->text() == QLatin1String("Use This Mode&l")) use = button;
        QVERIFY(use);
        QCOMPARE(use->isEnabled(), result.epochs > 0);

        // "Use this model": the Caption tab captions with it.
        QSignalSpy ready(&window, &MainWindow::modelReady);
        Q_EMIT tab->useModelRequested(QString::fromStdString(result.bestModel));
        QVERIFY(ready.wait(30000));
        QCOMPARE(window.modelPath(), QString::fromStdString(result.bestModel));
        QVERIFY(QProcess::execute(QStringLiteral(SNAPTION_CLI), {QStringLiteral("synth"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("scenes")),
                                                                 QStringLiteral("--count"), QStringLiteral("1")}) == 0);
        window.openImages({m_dir.filePath(QStringLiteral("scenes/00000.png"))});
        QTRY_COMPARE_WITH_TIMEOUT(window.captionTab()->images()->count(widgets::ImageListModel::State::Done), 1, 30000);
        QVERIFY(!window.captionTab()->images()->at(0).outcome.result.caption.empty());
    }

    // A self-critical run's loss is negative: the loss plot's log scale is turned off and greyed
    // out while such steps arrive, and the status line shows the rewards.
    void selfCriticalStepsTurnTheLogScaleOff()
    {
        MainWindow window;
        TrainTab *tab = window.trainTab();
        QCheckBox *logScale = nullptr;
        for (QCheckBox *box : tab->findChildren<QCheckBox *>())
            if (box->text() == QLatin1String("Lo&g scale")) logScale = box;
        QVERIFY(logScale);
        logScale->setChecked(true);
        training::StepRecord step;
        step.epoch = step.step = 1;
        step.totalSteps = step.stepsPerEpoch = 10;
        step.loss = -0.05;
        step.meanReward = 0.6;
        step.greedyReward = 0.7;
        Q_EMIT tab->controller()->step(step);
        QVERIFY(!logScale->isChecked());
        QVERIFY(!logScale->isEnabled());
        const auto *status = tab->findChild<QLabel *>(QStringLiteral("trainingStatus"));
        QVERIFY2(status->text().contains(QStringLiteral("reward 0.600 (greedy 0.700)")), qPrintable(status->text()));
    }

    void statusLineShowsTheLatestBestEpoch()
    {
        // The last epoch has no steps after it: its record alone must update "best: epoch N".
        MainWindow window;
        TrainTab *tab = window.trainTab();
        const auto *status = tab->findChild<QLabel *>(QStringLiteral("trainingStatus"));
        QVERIFY(status);
        widgets::TrainingController *controller = tab->controller();
        training::StepRecord step;
        step.totalSteps = 20;
        training::EpochRecord epoch;
        epoch.best = true;
        for (int e = 1; e <= 2; ++e) {
            step.epoch = epoch.epoch = e;
            step.step = 10 * e;
            Q_EMIT controller->step(step);
            Q_EMIT controller->epoch(epoch);
            QVERIFY2(status->text().endsWith(QStringLiteral("best: epoch %1").arg(e)), qPrintable(status->text()));
        }
    }

    void scorePlotOfOneEpochStaysInRange()
    {
        // One point: epoch 1 and BLEU above 0, not epochs -1..3 and a negative BLEU.
        widgets::TrainingPlot plot;
        plot.show();
        training::EpochRecord epoch;
        epoch.epoch = 1;
        epoch.scores.bleu = {0.5, 0.4, 0.3, 0.2};
        epoch.scores.cider = 0.6;
        plot.addEpoch(epoch);
        QCustomPlot *scores = nullptr;
        for (QCustomPlot *candidate : plot.findChildren<QCustomPlot *>())
            if (candidate->xAxis->label() == QLatin1String("epoch")) scores = candidate;
        QVERIFY(scores);
        QTRY_VERIFY(scores->xAxis->range().upper >= 1.5); // drawn by the replot timer
        QVERIFY(scores->xAxis->range().lower >= 0 && scores->xAxis->range().lower < 1);
        QVERIFY(scores->yAxis->range().lower >= 0 && scores->yAxis->range().upper > 0.2);
        QVERIFY(scores->yAxis2->range().lower >= 0 && scores->yAxis2->range().upper > 0.6);
        // The exported history has the trainer's history.csv columns.
        QVERIFY(plot.historyCsv().startsWith("epoch,train_loss,validation_loss,bleu1,"));
    }

    // Self-critical steps bring a third plot: the rewards per step and their epoch means; a
    // cross-entropy run never shows it, and clearing hides it again.
    void rewardPlotAppearsForSelfCriticalTraining()
    {
        widgets::TrainingPlot plot;
        plot.show();
        QCustomPlot *rewards = nullptr;
        for (QCustomPlot *candidate : plot.findChildren<QCustomPlot *>())
            if (candidate->accessibleName() == QLatin1String("Reward plot of self-critical training")) rewards = candidate;
        QVERIFY(rewards);
        training::StepRecord step;
        step.step = 1;
        step.loss = 2.0;
        plot.addStep(step);
        QVERIFY(!plot.showsRewards());
        for (int i = 2; i <= 3; ++i) {
            step.step = i;
            step.meanReward = 0.2 * i;
            step.greedyReward = 0.3 * i;
            plot.addStep(step);
        }
        QVERIFY(plot.showsRewards());
        training::EpochRecord epoch;
        epoch.epoch = 1;
        epoch.meanReward = 0.5;
        epoch.greedyReward = 0.75;
        plot.addEpoch(epoch);
        QCOMPARE(rewards->graphCount(), 4);
        QCOMPARE(rewards->graph(0)->dataCount(), 2); // sampled, per step
        QCOMPARE(rewards->graph(1)->data()->at(1)->value, 0.9); // greedy, per step
        QCOMPARE(rewards->graph(3)->data()->at(0)->key, 3.0); // greedy, epoch mean, where the epoch ended
        QCOMPARE(rewards->graph(3)->data()->at(0)->value, 0.75);
        QTRY_VERIFY(rewards->yAxis->range().upper >= 0.9); // drawn by the replot timer
        QVERIFY(plot.historyCsv().split('\n').at(1).contains(",0.5,0.75,"));
        const QString png = m_dir.filePath(QStringLiteral("rewards.png"));
        QVERIFY(plot.savePng(png, 600, 700));
        QCOMPARE(QImage(png).size(), QSize(600, 700));
        plot.clear();
        QVERIFY(!plot.showsRewards());
    }

    // The CIDEr preset sets the objective; the model it fine-tunes is the "Start from model" field,
    // and the samples per image apply only to that objective.
    void selfCriticalPresetAndStartingModel()
    {
        MainWindow window;
        TrainTab *tab = window.trainTab();
        tab->applyPreset(QStringLiteral("flickr8k-mobilenet-scst"));
        QCOMPARE(tab->currentConfig().objective, std::string("cider"));
        QComboBox *objective = nullptr;
        for (QComboBox *box : tab->findChildren<QComboBox *>())
            if (box->accessibleName() == QLatin1String("Objective")) objective = box;
        QLineEdit *start = nullptr;
        for (QLineEdit *edit : tab->findChildren<QLineEdit *>())
            if (edit->accessibleName() == QLatin1String("Start from model")) start = edit;
        QAbstractSpinBox *samples = nullptr;
        for (QAbstractSpinBox *box : tab->findChildren<QAbstractSpinBox *>())
            if (box->accessibleName() == QLatin1String("Samples per image")) samples = box;
        QVERIFY(objective && start && samples);
        QVERIFY(samples->isEnabled());
        start->setText(QStringLiteral("/models/flickr8k.safetensors"));
        QCOMPARE(tab->currentConfig().initFrom, std::string("/models/flickr8k.safetensors"));
        QCOMPARE(tab->currentConfig().samplesPerImage, 5);
        tab->applyPreset(QStringLiteral("flickr8k-mobilenet"));
        QCOMPARE(tab->currentConfig().objective, std::string("cross-entropy"));
        QVERIFY(!samples->isEnabled());
        QCOMPARE(tab->currentConfig().initFrom, std::string("/models/flickr8k.safetensors")); // a preset keeps the chosen model
        start->clear();
    }

    // The German preset's CIDEr-D stage is a setting of the form: it enables the samples, and the
    // budget note counts the stage's epochs with the others.
    void theCiderStageIsAnEditedSetting()
    {
        MainWindow window;
        TrainTab *tab = window.trainTab();
        QSpinBox *stage = nullptr;
        QAbstractSpinBox *samples = nullptr;
        for (QAbstractSpinBox *box : tab->findChildren<QAbstractSpinBox *>()) {
            if (box->accessibleName() == QLatin1String("CIDEr-D stage epochs")) stage = qobject_cast<QSpinBox *>(box);
            if (box->accessibleName() == QLatin1String("Samples per image")) samples = box;
        }
        QVERIFY(stage && samples);
        tab->applyPreset(QStringLiteral("flickr8k-de-mobilenet"));
        QCOMPARE(stage->value(), 7);
        QVERIFY(samples->isEnabled());
        QCOMPARE(tab->currentConfig().ciderStageEpochs, 7);
        const auto *note = tab->findChild<QLabel *>(QStringLiteral("budgetNote"));
        training::StepRecord step;
        step.epoch = 1;
        step.step = 5;
        step.stepsPerEpoch = 100;
        step.totalSteps = 2900; // 22 + 7: all fit
        Q_EMIT tab->controller()->step(step);
        QVERIFY(note->isHidden());
        stage->setValue(0);
        QVERIFY(!samples->isEnabled());
        QCOMPARE(tab->currentConfig().ciderStageEpochs, 0);
        tab->applyPreset(QStringLiteral("flickr8k-mobilenet"));
        QCOMPARE(stage->value(), 0);
    }

    void budgetNoteShowsWhatTheTimeBudgetFits()
    {
        MainWindow window;
        TrainTab *tab = window.trainTab();
        tab->applyPreset(QStringLiteral("synthetic-accurate")); // 10 epochs
        const auto *note = tab->findChild<QLabel *>(QStringLiteral("budgetNote"));
        QVERIFY(note);
        training::StepRecord step;
        step.epoch = 1;
        step.step = 5;
        step.stepsPerEpoch = 100;
        step.totalSteps = 300; // the budget fits 3 of the 10
        Q_EMIT tab->controller()->step(step);
        QVERIFY(!note->isHidden());
        QVERIFY2(note->text().contains(QLatin1String("3")), qPrintable(note->text()));
        const auto *status = tab->findChild<QLabel *>(QStringLiteral("trainingStatus"));
        QVERIFY2(status->text().startsWith(QLatin1String("Epoch 1 of 3,")), qPrintable(status->text()));
    }

    void unknownSavedPresetFallsBackToTheFirst()
    {
        MainWindow window;
        TrainTab *tab = window.trainTab();
        tab->applyPreset(QStringLiteral("synthetic-quick")); // the demo's name before it was renamed
        const training::TrainingConfig demo = training::TrainingConfig::preset("synthetic-demo");
        QCOMPARE(tab->currentConfig().epochs, demo.epochs);
        QCOMPARE(tab->currentConfig().maxMinutes, demo.maxMinutes);
        QCOMPARE(tab->currentConfig().learningRate, demo.learningRate);
        QCOMPARE(tab->currentConfig().model.decoder.dim, demo.model.decoder.dim);
    }

    // Resume from the Train tab: choosing the checkpoint fills in its data and settings; the run
    // continues into another folder and keeps the checkpoint's epoch in the history.
    void resumeFromTheTrainTab()
    {
        const QString before = m_dir.filePath(QStringLiteral("tab-resume-a")), after = m_dir.filePath(QStringLiteral("tab-resume-b"));
        {
            training::Trainer first(tinyTrainingConfig(), tinyTrainingData());
            EpochStopper stopper(first, 1);
            first.setObserver(&stopper);
            QVERIFY(first.run(before.toStdString()).stopped);
        }
        MainWindow window;
        TrainTab *tab = window.trainTab();
        tab->setDataset(QString());
        tab->setOutputFolder(after);
        tab->setResumeCheckpoint(before + QStringLiteral("/checkpoints/epoch-001.ckpt"));
        const auto *report = tab->findChild<QLabel *>(QStringLiteral("datasetReport"));
        QTRY_VERIFY_WITH_TIMEOUT(report->text().contains(QLatin1String("Resumes after epoch 1")), 10000);
        QCOMPARE(tab->currentConfig().epochs, 2);
        QCOMPARE(tab->currentConfig().model.decoder.dim, 32); // the checkpoint's settings, in the form
        QSignalSpy finished(tab->controller(), &widgets::TrainingController::finished);
        QSignalSpy failed(tab->controller(), &widgets::TrainingController::failed);
        tab->start();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 120000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        const auto result = qvariant_cast<training::TrainingResult>(finished.first().first());
        QVERIFY(result.completed);
        QCOMPARE(result.bestModel, (after + QStringLiteral("/best.safetensors")).toStdString());
        QVERIFY(QFileInfo::exists(QString::fromStdString(result.bestModel)));
        const QJsonArray epochs = QJsonDocument::fromJson(readBytes(after + QStringLiteral("/history.json"))).object()[QLatin1String("epochs")].toArray();
        QCOMPARE(epochs.size(), 2);
        QCOMPARE(epochs[0].toObject()[QLatin1String("epoch")].toInt(), 1);
    }

    // A second run on a folder in use is refused, and the tab says why.
    void aFolderInUseIsRefused()
    {
        const QString folder = m_dir.filePath(QStringLiteral("tab-busy"));
        training::Trainer holder(tinyTrainingConfig(), tinyTrainingData());
        holder.requestPause(true);
        std::thread worker([&] { holder.run(folder.toStdString()); });
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(folder + QStringLiteral("/.snaption-run.lock")), 20000);
        MainWindow window;
        TrainTab *tab = window.trainTab();
        configureQuickRun(tab, folder);
        QSignalSpy failed(tab->controller(), &widgets::TrainingController::failed);
        tab->start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 60000);
        holder.requestStop();
        worker.join();
        const auto *phase = tab->findChild<QLabel *>(QStringLiteral("trainingPhase"));
        QVERIFY2(phase->text().contains(QLatin1String("is in use by another training run")), qPrintable(phase->text()));
        QVERIFY(!tab->controller()->isRunning());
    }

    void createDemoModelTrainsTheOneMinutePresetHere()
    {
        // The start page's "Create a demo model": the synthetic one-minute preset, on the Train tab,
        // into the model folder. (The run itself is the preset's; stopped here after it started.)
        MainWindow window;
        window.show();
        window.createDemoModel();
        QCOMPARE(window.tabs()->currentWidget(), static_cast<QWidget *>(window.trainTab()));
        QVERIFY(window.trainTab()->controller()->isRunning());
        const training::TrainingConfig config = window.trainTab()->currentConfig();
        const training::TrainingConfig quick = training::TrainingConfig::preset("synthetic-demo");
        QCOMPARE(config.maxMinutes, quick.maxMinutes);
        QCOMPARE(config.syntheticTrainScenes, quick.syntheticTrainScenes);
        QVERIFY(quick.maxMinutes <= 1.5);
        QSignalSpy finished(window.trainTab()->controller(), &widgets::TrainingController::finished);
        window.trainTab()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    }
};

QTEST_MAIN(TestTrainingTabs)
#include "tst_trainingtabs.moc"
