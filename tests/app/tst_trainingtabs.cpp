// The Train and Augment tabs (offscreen): a short synthetic run with live plot, pause, resume,
// stop with a checkpoint, "Use this model"; the augmentation preview and its link to training.
#include "augmenttab.h"
#include "captiontab.h"
#include "mainwindow.h"
#include "traintab.h"

#include <snaption/captioner.h>
#include <snaption/widgets/imagelistmodel.h>
#include <snaption/widgets/trainingcontroller.h>
#include <snaption/widgets/trainingplot.h>

#include "testsupport.h"

#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QtTest>

using namespace snaption;
using namespace snaption::gui;

namespace {

// The synthetic preset; the test stops it after a few steps.
void configureQuickRun(TrainTab *tab, const QString &output)
{
    tab->applyPreset(QStringLiteral("synthetic-demo"));
    tab->setDataset(QStringLiteral("synthetic:3"));
    tab->setOutputFolder(output);
    tab->setResumeCheckpoint(QString());
}

} // namespace

class TestTrainingTabs : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
        QCoreApplication::setOrganizationName(QStringLiteral("SnaptionTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_trainingtabs"));
    }

    void hasCaptionTrainAndAugmentTabs()
    {
        MainWindow window;
        QCOMPARE(window.tabs()->count(), 3);
        QCOMPARE(window.tabs()->widget(1), static_cast<QWidget *>(window.trainTab()));
        QCOMPARE(window.tabs()->widget(2), static_cast<QWidget *>(window.augmentTab()));
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
        tab->applyPreset(QStringLiteral("synthetic-demo")); // a preset sets it back
        QCOMPARE(precision->currentData().toString(), QStringLiteral("auto"));
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
        const training::TrainingConfig quick = training::TrainingConfig::preset("synthetic-quick");
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
