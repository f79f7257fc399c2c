// The trainer: outputs, exact resume after a stop (between epochs and mid-epoch), pause, the time
// budget, and that a small synthetic run actually learns with meaningful attention.
#include <snaption/captioner.h>
#include <snaption/error.h>
#include <snaption/safetensorsfile.h>
#include <snaption/subwordmodel.h>
#include <snaption/training/datasetloader.h>
#include <snaption/training/evaluator.h>
#include <snaption/training/syntheticscenes.h>
#include <snaption/training/trainer.h>

#include "testsupport.h"
#include "tinytraining.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <numeric>
#include <thread>

using namespace snaption;
using namespace snaption::training;
using namespace snaption::test;

namespace {

// Enough for the synthetic captions' letters and a few whole words.
constexpr int kTinySubwordPieces = 60;

TrainingConfig tinyConfig(bool freeze, const std::string &precision = "auto")
{
    TrainingConfig c = tinyTrainingConfig();
    c.freezeEncoder = freeze;
    c.seed = 11;
    c.mixedPrecision = precision;
    return c;
}

Dataset tinyData()
{
    return tinyTrainingData();
}

// Stops the run at a chosen step or epoch, as the GUI's Stop button would.
class Stopper : public TrainingObserver {
public:
    Trainer *trainer = nullptr;
    int stopAfterStep = -1, stopAfterEpoch = -1;
    int steps = 0, epochs = 0;
    std::vector<double> losses;
    std::vector<std::optional<double>> stepRewards, epochRewards;
    std::vector<std::optional<double>> hitRates;
    int bestEpoch = 0;
    std::vector<std::string> messages;
    void onMessage(const TrainingText &message) override { messages.push_back(message.english()); }
    bool said(const std::string &part) const
    {
        return std::any_of(messages.begin(), messages.end(), [&](const std::string &m) { return m.find(part) != std::string::npos; });
    }
    void onStep(const StepRecord &r) override
    {
        ++steps;
        losses.push_back(r.loss);
        stepRewards.push_back(r.meanReward);
        if (r.step == stopAfterStep) trainer->requestStop();
    }
    void onEpoch(const EpochRecord &r) override
    {
        ++epochs;
        hitRates.push_back(r.attentionHitRate);
        epochRewards.push_back(r.meanReward);
        if (r.best) bestEpoch = r.epoch;
        if (r.epoch == stopAfterEpoch) trainer->requestStop();
    }
};

// Runs a trainer that `observer` watches (and may stop).
TrainingResult runWatched(Trainer &trainer, Stopper &observer, const QString &folder)
{
    observer.trainer = &trainer;
    trainer.setObserver(&observer);
    return trainer.run(folder.toStdString());
}

std::vector<int> historyEpochs(const QString &folder)
{
    std::vector<int> epochs;
    const QJsonArray list = QJsonDocument::fromJson(readBytes(folder + QStringLiteral("/history.json"))).object()[QLatin1String("epochs")].toArray();
    for (const auto &epoch : list) epochs.push_back(epoch.toObject()[QLatin1String("epoch")].toInt());
    return epochs;
}

double largestDifference(const std::string &a, const std::string &b)
{
    const SafetensorsFile first = SafetensorsFile::read(a), second = SafetensorsFile::read(b);
    double worst = 0;
    for (const auto &entry : first.entries()) {
        const auto *other = second.find(entry.name);
        if (!other || entry.dtype != TensorDType::F32) continue;
        const float *x = reinterpret_cast<const float *>(first.data(entry));
        const float *y = reinterpret_cast<const float *>(second.data(*other));
        for (std::int64_t i = 0; i < entry.elementCount(); ++i) worst = std::max(worst, double(std::abs(x[i] - y[i])));
    }
    return worst;
}

// A stopped and resumed run repeats the uninterrupted one: the same losses step by step and the
// same weights at the end.
void verifyResumedRunRepeats(const Stopper &beforeStop, const Stopper &afterResume, const Stopper &uninterrupted, const TrainingResult &straight,
                             const TrainingResult &resumed)
{
    std::vector<double> losses = beforeStop.losses;
    losses.insert(losses.end(), afterResume.losses.begin(), afterResume.losses.end());
    QCOMPARE(losses.size(), uninterrupted.losses.size());
    for (std::size_t i = 0; i < losses.size(); ++i) QVERIFY2(std::abs(losses[i] - uninterrupted.losses[i]) < 1e-6, qPrintable(QString::number(i)));
    const double difference = largestDifference(straight.finalModel, resumed.finalModel);
    QVERIFY2(difference < 1e-6, qPrintable(QString::number(difference)));
}

} // namespace

class TestTrainer : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString folder(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void writesModelsCheckpointsAndHistory()
    {
        Trainer trainer(tinyConfig(true), tinyData());
        Stopper observer;
        observer.trainer = &trainer;
        trainer.setObserver(&observer);
        const TrainingResult result = trainer.run(folder(QStringLiteral("plain")).toStdString());
        QVERIFY(result.completed);
        QCOMPARE(result.epochs, 2);
        QCOMPARE(observer.epochs, 2);
        QCOMPARE(observer.steps, 2 * 3); // 48 images, batch 16
        for (const char *file : {"best.safetensors", "final.safetensors", "history.json", "history.csv", "checkpoints/epoch-001.ckpt", "checkpoints/epoch-002.ckpt"})
            QVERIFY2(QFileInfo::exists(folder(QStringLiteral("plain/")) + QLatin1String(file)), file);
        QCOMPARE(QString::fromUtf8(readBytes(folder(QStringLiteral("plain/history.csv")))).count(QLatin1Char('\n')), 3); // header + 2 epochs

        // The history keeps each epoch's attention hit rate where there is one (this tiny model may
        // name no object yet; the learning test below checks that a trained one reports it).
        const QJsonArray epochs = QJsonDocument::fromJson(readBytes(folder(QStringLiteral("plain/history.json")))).object()[QLatin1String("epochs")].toArray();
        const QStringList csv = QString::fromUtf8(readBytes(folder(QStringLiteral("plain/history.csv")))).split(QLatin1Char('\n'));
        const int column = int(csv[0].split(QLatin1Char(',')).indexOf(QStringLiteral("attention_hit_rate")));
        QVERIFY(column > 0);
        QCOMPARE(epochs.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const std::optional<double> rate = observer.hitRates[std::size_t(i)];
            const QString cell = csv[i + 1].split(QLatin1Char(','))[column];
            QCOMPARE(epochs[i].toObject().contains(QLatin1String("attention_hit_rate")), rate.has_value());
            QCOMPARE(cell.isEmpty(), !rate.has_value());
            if (!rate) continue;
            QCOMPARE(epochs[i][QLatin1String("attention_hit_rate")].toDouble(), *rate);
            QVERIFY(std::abs(cell.toDouble() - *rate) < 1e-5);
        }
        const Captioner captioner(result.finalModel);
        QCOMPARE(captioner.info().config.encoder.inputSize, 64);
        QVERIFY(captioner.info().provenance.at("source").find("synthetic") != std::string::npos);
        QVERIFY(captioner.info().provenance.at("source").find("2 epochs)") != std::string::npos);
        // The best model names its epoch and counts the epochs trained up to it (it once counted one
        // fewer: the best epoch's record joins the history after the model is written).
        const std::string best = Captioner(result.bestModel).info().provenance.at("source");
        const std::string epoch = std::to_string(observer.bestEpoch);
        QVERIFY2(best.find("best epoch (" + epoch + ")") != std::string::npos && best.find(" " + epoch + " epochs)") != std::string::npos,
                 best.c_str());
    }

    // The model file says its captions' language and writes each word as the training captions
    // mostly do: here "Star" (a noun in German), and a full stop at the end.
    void modelsRecordTheCaptionLanguageAndWrittenForms()
    {
        TrainingConfig config = tinyConfig(true);
        config.language = "de";
        config.epochs = 1;
        Dataset data = tinyData();
        for (CaptionedImage &image : data.train) {
            for (std::string &caption : image.captions) {
                for (std::size_t at = caption.find(" star"); at != std::string::npos; at = caption.find(" star", at + 1)) caption[at + 1] = 'S';
            }
        }
        Trainer trainer(config, data);
        const TrainingResult result = trainer.run(folder(QStringLiteral("german")).toStdString());
        QVERIFY(result.completed);
        const Captioner captioner(result.finalModel);
        QCOMPARE(captioner.info().style.language(), std::string("de"));
        QCOMPARE(captioner.info().style.writtenForm("star"), std::string("Star"));
        QCOMPARE(captioner.info().style.writtenForm("there"), std::string("there")); // only ever first: lower-case
        const CaptionResult caption = captioner.caption(SyntheticScenes::generate(3, 0, 64).image, DecodingOptions::greedy());
        QCOMPARE(caption.language, std::string("de"));
        if (!caption.words.empty()) QVERIFY2(QString::fromStdString(caption.caption).endsWith(QLatin1Char('.')), caption.caption.c_str());
        for (std::size_t i = 1; i < caption.words.size(); ++i) QVERIFY(caption.words[i] != "star");
    }

    // A subword vocabulary is learnt from the training captions when the run starts and stored in
    // the model file; captions come out as whole words.
    void subwordVocabulariesAreLearntAndStored()
    {
        TrainingConfig config = tinyConfig(true);
        config.epochs = 1;
        config.vocabulary = "subwords";
        config.subwordPieces = kTinySubwordPieces;
        Trainer trainer(config, tinyData());
        Stopper observer;
        trainer.setObserver(&observer);
        const TrainingResult result = trainer.run(folder(QStringLiteral("subwords")).toStdString());
        QVERIFY(result.completed);
        QVERIFY(observer.said("vocabulary: " + std::to_string(kTinySubwordPieces) + " subword pieces"));
        const ModelInfo info = ModelInfo::read(result.finalModel);
        QVERIFY(info.subwords);
        QCOMPARE(info.vocabulary.size(), std::size_t(kTinySubwordPieces));
        QCOMPARE(info.subwords->vocabulary(), info.vocabulary);
        std::vector<std::string> captions;
        for (const CaptionedImage &image : tinyData().train) captions.insert(captions.end(), image.captions.begin(), image.captions.end());
        QCOMPARE(info.subwords->serialized(), SubwordModel::train(captions, kTinySubwordPieces).serialized()); // learnt from these captions
        const Captioner captioner(result.finalModel);
        const CaptionResult caption = captioner.caption(SyntheticScenes::generate(3, 0, 64).image, DecodingOptions::greedy());
        QCOMPARE(caption.tokensPerWord.size(), caption.words.size());
        QCOMPARE(std::size_t(std::accumulate(caption.tokensPerWord.begin(), caption.tokensPerWord.end(), 0)), caption.tokenIds.size());
        for (const std::string &word : caption.words) QVERIFY2(word.find(SubwordModel::kWordStart) == std::string::npos, word.c_str());
    }

    void resumeContinuesExactly_data()
    {
        QTest::addColumn<bool>("freeze");
        QTest::addColumn<QString>("precision");
        QTest::addColumn<int>("stopStep");
        QTest::addColumn<int>("stopEpoch");
        QTest::addColumn<bool>("subwords");
        QTest::newRow("frozen, between epochs") << true << QStringLiteral("fp32") << -1 << 1 << false;
        QTest::newRow("frozen, mid-epoch") << true << QStringLiteral("fp32") << 4 << -1 << false;
        QTest::newRow("frozen, bfloat16, mid-epoch") << true << QStringLiteral("bf16") << 4 << -1 << false;
        QTest::newRow("trained encoder, mid-epoch") << false << QStringLiteral("auto") << 2 << -1 << false;
        // The checkpoint carries the subword model: the resumed run encodes captions as the first did.
        QTest::newRow("frozen, subwords, mid-epoch") << true << QStringLiteral("fp32") << 4 << -1 << true;
    }

    void resumeContinuesExactly()
    {
        QFETCH(bool, freeze);
        QFETCH(QString, precision);
        QFETCH(int, stopStep);
        QFETCH(int, stopEpoch);
        QFETCH(bool, subwords);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')).remove(QLatin1Char(','));
        TrainingConfig config = tinyConfig(freeze, precision.toStdString());
        if (subwords) {
            config.vocabulary = "subwords";
            config.subwordPieces = kTinySubwordPieces;
        }
        Trainer uninterrupted(config, tinyData());
        Stopper all;
        all.trainer = &uninterrupted;
        uninterrupted.setObserver(&all);
        const TrainingResult straight = uninterrupted.run(folder(tag + QStringLiteral("-straight")).toStdString());

        Trainer first(config, tinyData());
        Stopper stopper;
        stopper.trainer = &first;
        stopper.stopAfterStep = stopStep;
        stopper.stopAfterEpoch = stopEpoch;
        first.setObserver(&stopper);
        const TrainingResult stopped = first.run(folder(tag + QStringLiteral("-parts")).toStdString());
        QVERIFY(stopped.stopped);
        QVERIFY(QFileInfo::exists(QString::fromStdString(stopped.lastCheckpoint)));

        Trainer second = Trainer::resume(stopped.lastCheckpoint, tinyData());
        Stopper rest;
        rest.trainer = &second;
        second.setObserver(&rest);
        const TrainingResult resumed = second.run(folder(tag + QStringLiteral("-parts")).toStdString());
        QVERIFY(resumed.completed);
        QCOMPARE(resumed.steps, straight.steps);
        verifyResumedRunRepeats(stopper, rest, all, straight, resumed);
        if (QTest::currentTestFailed()) return;
        QCOMPARE(historyEpochs(folder(tag + QStringLiteral("-parts"))), (std::vector<int>{1, 2}));
        QCOMPARE(bool(ModelInfo::read(resumed.finalModel).subwords), subwords);
    }

    // The self-critical stage: it starts from a trained model (its vocabulary kept), reports the
    // sampled captions' reward per step and epoch (also in the history), and a stopped run
    // resumes exactly: the samples are drawn from seeds that depend on the epoch and image only.
    void selfCriticalStageStartsFromAModelAndResumesExactly()
    {
        TrainingConfig base = tinyConfig(true, "fp32");
        base.epochs = 1;
        Trainer crossEntropy(base, tinyData());
        const TrainingResult start = crossEntropy.run(folder(QStringLiteral("scst-start")).toStdString());
        TrainingConfig config = tinyConfig(true, "fp32");
        config.objective = "cider";
        config.samplesPerImage = 3;
        config.learningRate = 1e-4;
        QVERIFY_THROWS_EXCEPTION(Error, Trainer(config, tinyData())); // no model to start from
        config.initFrom = start.finalModel;

        Trainer uninterrupted(config, tinyData());
        Stopper all;
        all.trainer = &uninterrupted;
        uninterrupted.setObserver(&all);
        const TrainingResult straight = uninterrupted.run(folder(QStringLiteral("scst-straight")).toStdString());
        QVERIFY(straight.completed);
        QVERIFY(all.said("starting from " + start.finalModel));
        QCOMPARE(ModelInfo::read(straight.finalModel).vocabulary, ModelInfo::read(start.finalModel).vocabulary);
        QCOMPARE(all.stepRewards.size(), std::size_t(6));
        for (const auto &reward : all.stepRewards) QVERIFY(reward && *reward >= 0);
        for (const auto &reward : all.epochRewards) QVERIFY(reward && *reward >= 0);
        const QJsonObject history = QJsonDocument::fromJson(readBytes(folder(QStringLiteral("scst-straight/history.json")))).object();
        QVERIFY(history[QLatin1String("epochs")].toArray()[1].toObject().contains(QLatin1String("mean_reward")));
        QCOMPARE(history[QLatin1String("steps")].toArray()[0].toArray().size(), 5); // step, loss, rate, mean and greedy reward

        Trainer first(config, tinyData());
        Stopper stopper;
        stopper.trainer = &first;
        stopper.stopAfterStep = 4;
        first.setObserver(&stopper);
        const TrainingResult stopped = first.run(folder(QStringLiteral("scst-parts")).toStdString());
        QVERIFY(stopped.stopped);
        Trainer second = Trainer::resume(stopped.lastCheckpoint, tinyData());
        Stopper rest;
        second.setObserver(&rest);
        const TrainingResult resumed = second.run(folder(QStringLiteral("scst-parts")).toStdString());
        QVERIFY(resumed.completed);
        verifyResumedRunRepeats(stopper, rest, all, straight, resumed);
    }

    // A run with a CIDEr stage: after the cross-entropy epochs it trains self-critically from
    // their best model with a learning-rate cycle of its own, in the same folder and history, and
    // resumes exactly from either side of the boundary (the stage's checkpoint, or the last
    // cross-entropy epoch's, from which the stage begins on resume).
    void ciderStageFollowsTheCrossEntropyEpochsAndResumesExactly_data()
    {
        QTest::addColumn<int>("stopStep");
        QTest::addColumn<int>("stopEpoch");
        QTest::newRow("stopped within the stage") << 8 << -1;
        QTest::newRow("stopped before the stage") << -1 << 2;
    }

    void ciderStageFollowsTheCrossEntropyEpochsAndResumesExactly()
    {
        QFETCH(int, stopStep);
        QFETCH(int, stopEpoch);
        const QString tag = stopStep > 0 ? QStringLiteral("within") : QStringLiteral("before");
        TrainingConfig config = tinyConfig(true, "fp32");
        config.ciderStageEpochs = 2;
        config.ciderStageLearningRate = 1e-4;
        config.ciderStageWarmupFraction = 0.5;
        config.samplesPerImage = 3;
        Trainer uninterrupted(config, tinyData());
        Stopper all;
        const TrainingResult straight = runWatched(uninterrupted, all, folder(QStringLiteral("stage-straight-") + tag));
        QVERIFY(straight.completed);
        QCOMPARE(straight.epochs, 4);
        QCOMPARE(historyEpochs(folder(QStringLiteral("stage-straight-") + tag)), (std::vector<int>{1, 2, 3, 4}));
        QCOMPARE(all.stepRewards.size(), std::size_t(12));
        for (std::size_t i = 0; i < all.stepRewards.size(); ++i) QCOMPARE(bool(all.stepRewards[i]), i >= 6);
        for (std::size_t i = 0; i < all.epochRewards.size(); ++i) QCOMPARE(bool(all.epochRewards[i]), i >= 2);
        // It starts from the best cross-entropy epoch, whichever that was.
        const QJsonObject history = QJsonDocument::fromJson(readBytes(folder(QStringLiteral("stage-straight-") + tag + QStringLiteral("/history.json")))).object();
        const QJsonArray epochs = history[QLatin1String("epochs")].toArray();
        const int bestCrossEntropy = epochs[1].toObject()[QLatin1String("best")].toBool() ? 2 : 1;
        QVERIFY(all.said("second stage: CIDEr-D, self-critical, from the model of epoch " + std::to_string(bestCrossEntropy) + ", up to 2 more epochs"));
        // Its own one-cycle schedule over its 6 steps: from 1e-4 / 25 up to 1e-4 at its third step.
        const QJsonArray steps = history[QLatin1String("steps")].toArray();
        QVERIFY(std::abs(steps[6].toArray()[2].toDouble() - 1e-4 / 25) < 1e-12);
        QVERIFY(std::abs(steps[8].toArray()[2].toDouble() - 1e-4) < 1e-12);
        for (int i = 6; i < 12; ++i) QVERIFY(steps[i].toArray()[2].toDouble() <= 1e-4 + 1e-12);
        QVERIFY(steps[1].toArray()[2].toDouble() > 1e-4); // the cross-entropy cycle's peak is 1e-3

        Trainer first(config, tinyData());
        Stopper stopper;
        stopper.stopAfterStep = stopStep;
        stopper.stopAfterEpoch = stopEpoch;
        const TrainingResult stopped = runWatched(first, stopper, folder(QStringLiteral("stage-parts-") + tag));
        QVERIFY(stopped.stopped);
        Trainer second = Trainer::resume(stopped.lastCheckpoint, tinyData());
        Stopper rest;
        const TrainingResult resumed = runWatched(second, rest, folder(QStringLiteral("stage-parts-") + tag));
        QVERIFY(resumed.completed);
        verifyResumedRunRepeats(stopper, rest, all, straight, resumed);
        QCOMPARE(historyEpochs(folder(QStringLiteral("stage-parts-") + tag)), (std::vector<int>{1, 2, 3, 4}));
    }

    // An epoch's checkpoint holds that epoch's record (resuming from epoch 3 once gave a history of
    // epochs 1, 2, 4, 5), and a run resumed into another folder takes its best model along (it
    // failed at the end on "best.safetensors: cannot open").
    void resumeFromAnEpochIntoAnotherFolder()
    {
        Trainer first(tinyConfig(true, "fp32"), tinyData());
        Stopper stopper;
        stopper.trainer = &first;
        stopper.stopAfterEpoch = 1;
        first.setObserver(&stopper);
        first.run(folder(QStringLiteral("moved-from")).toStdString());
        const QString checkpoint = folder(QStringLiteral("moved-from/checkpoints/epoch-001.ckpt"));
        QVERIFY(QFileInfo::exists(checkpoint));

        const CheckpointInfo info = Trainer::inspectCheckpoint(checkpoint.toStdString());
        QCOMPARE(info.dataSource, std::string("synthetic:3"));
        QCOMPARE(info.dataFormat, std::string("synthetic"));
        QCOMPARE(QString::fromStdString(info.outputFolder), QFileInfo(folder(QStringLiteral("moved-from"))).absoluteFilePath());
        QCOMPARE(info.epochsDone, 1);
        QCOMPARE(info.config.seed, std::uint64_t(11));

        Trainer second = Trainer::resume(checkpoint.toStdString(), tinyData());
        Stopper rest;
        rest.trainer = &second;
        second.setObserver(&rest);
        const TrainingResult resumed = second.run(folder(QStringLiteral("moved-to")).toStdString());
        QVERIFY(resumed.completed);
        QVERIFY(rest.said("copied the best model so far (epoch 1)"));
        QVERIFY(QFileInfo::exists(QString::fromStdString(resumed.bestModel)));
        QCOMPARE(historyEpochs(folder(QStringLiteral("moved-to"))), (std::vector<int>{1, 2}));
        QCOMPARE(resumed.validationScores.images, 8);
    }

    void resumedSettingsAreReportedOrRefused()
    {
        const QString checkpoint = folder(QStringLiteral("moved-from/checkpoints/epoch-001.ckpt"));
        if (!QFileInfo::exists(checkpoint)) QSKIP("needs resumeFromAnEpochIntoAnotherFolder");
        TrainingConfig longer = Trainer::inspectCheckpoint(checkpoint.toStdString()).config;
        longer.epochs = 3;
        Trainer trainer = Trainer::resume(checkpoint.toStdString(), tinyData(), &longer);
        Stopper observer;
        observer.trainer = &trainer;
        trainer.setObserver(&observer);
        const TrainingResult result = trainer.run(folder(QStringLiteral("longer")).toStdString());
        QCOMPARE(result.epochs, 3);
        QVERIFY(observer.said("resume: epochs: 2 -> 3"));

        TrainingConfig other = longer;
        other.batchSize = 8;
        try {
            Trainer::resume(checkpoint.toStdString(), tinyData(), &other);
            QFAIL("accepted");
        } catch (const Error &error) {
            QVERIFY2(QString::fromStdString(error.what()).contains(QLatin1String("keeps the checkpoint's \"batch_size\" (16, not 8)")), error.what());
        }
        // The captions' language and the vocabulary are the model's: a new run changes them.
        TrainingConfig subwords = longer;
        subwords.vocabulary = "subwords";
        QVERIFY_THROWS_EXCEPTION(Error, Trainer::resume(checkpoint.toStdString(), tinyData(), &subwords));
        TrainingConfig german = longer;
        german.language = "de";
        QVERIFY_THROWS_EXCEPTION(Error, Trainer::resume(checkpoint.toStdString(), tinyData(), &german));
    }

    // Two runs on one folder mixed their checkpoints and histories; the second is now refused,
    // and a lock its owner left when killed is taken over.
    void oneRunPerOutputFolder()
    {
        TrainingConfig config = tinyConfig(true, "fp32");
        config.epochs = 1;
        Trainer running(config, tinyData());
        running.requestPause(true);
        std::thread worker([&] { running.run(folder(QStringLiteral("locked")).toStdString()); });
        const QString lock = folder(QStringLiteral("locked/.snaption-run.lock"));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(lock), 10000);
        Trainer second(config, tinyData());
        QString message;
        try {
            second.run(folder(QStringLiteral("locked")).toStdString());
        } catch (const Error &error) {
            message = QString::fromStdString(error.what());
        }
        running.requestPause(false);
        worker.join();
        QVERIFY2(message.contains(QStringLiteral("is in use by another training run (process %1 on").arg(QString::number(QCoreApplication::applicationPid()))),
                 qPrintable(message));
        QVERIFY(!QFileInfo::exists(lock)); // released

        writeBytes(lock, "process 999999 on elsewhere, started 2026-01-01 00:00:00\n");
        Trainer after(config, tinyData());
        Stopper observer;
        after.setObserver(&observer);
        QVERIFY(after.run(folder(QStringLiteral("locked")).toStdString()).completed);
        QVERIFY(observer.said("an earlier run (process 999999 on elsewhere, started 2026-01-01 00:00:00) ended without releasing"));
    }

    void modelsTooLargeToTrainAreRefusedBeforeAnyWork()
    {
        TrainingConfig config = tinyConfig(true, "fp32");
        config.model.decoder.layers = 64;
        config.model.decoder.dim = 8192;
        config.model.decoder.heads = 16;
        config.model.decoder.feedForward = 65536;
        Trainer trainer(config, tinyData());
        try {
            trainer.run(folder(QStringLiteral("huge")).toStdString());
            QFAIL("trained");
        } catch (const Error &error) {
            QVERIFY2(QString::fromStdString(error.what()).contains(QLatin1String("training a model of")), error.what());
        }
    }

    void leftoverTemporaryFilesAreRemoved()
    {
        QDir().mkpath(folder(QStringLiteral("leftovers/checkpoints")));
        writeBytes(folder(QStringLiteral("leftovers/checkpoints/epoch-002.ckpt.tmp-Ab12Cd")), QByteArray(1 << 20, 'x'));
        writeBytes(folder(QStringLiteral("leftovers/history.json.tmp")), "{");
        writeBytes(folder(QStringLiteral("leftovers/notes.tmp")), "the user's own file");
        TrainingConfig config = tinyConfig(true, "fp32");
        config.epochs = 1;
        Trainer trainer(config, tinyData());
        Stopper observer;
        trainer.setObserver(&observer);
        trainer.run(folder(QStringLiteral("leftovers")).toStdString());
        QVERIFY(!QFileInfo::exists(folder(QStringLiteral("leftovers/checkpoints/epoch-002.ckpt.tmp-Ab12Cd"))));
        QVERIFY(!QFileInfo::exists(folder(QStringLiteral("leftovers/history.json.tmp"))));
        QVERIFY(QFileInfo::exists(folder(QStringLiteral("leftovers/notes.tmp"))));
        QVERIFY(observer.said("removed 2 temporary files (1.0 MB) left by an interrupted run"));
    }

    // One truncated image among good ones aborted a run; it is now a skipped record, named, with
    // cached features and with images read every step alike.
    void unreadableImagesAreSkipped_data()
    {
        QTest::addColumn<bool>("freeze");
        QTest::newRow("frozen encoder, cached features") << true;
        QTest::newRow("trained encoder, images read every step") << false;
    }

    void unreadableImagesAreSkipped()
    {
        QFETCH(bool, freeze);
        const QString data = folder(QStringLiteral("broken-scenes-%1").arg(freeze));
        SyntheticScenes::writeFolder(data.toStdString(), 60, 3, 64);
        DatasetLoader::Options options;
        Dataset dataset = DatasetLoader::load(data.toStdString(), options);
        QVERIFY(dataset.train.size() > 20 && !dataset.validation.empty());
        const std::string broken = dataset.train[5].imagePath;
        const QByteArray png = readBytes(QString::fromStdString(broken));
        writeBytes(QString::fromStdString(broken), png.left(png.size() / 2));
        TrainingConfig config = tinyConfig(freeze, "fp32");
        config.epochs = 1;
        Trainer trainer(config, dataset);
        Stopper observer;
        trainer.setObserver(&observer);
        const TrainingResult result = trainer.run(folder(QStringLiteral("broken-run-%1").arg(freeze)).toStdString());
        QVERIFY(result.completed);
        QCOMPARE(result.skippedImages.size(), std::size_t(1));
        QVERIFY2(QString::fromStdString(result.skippedImages[0]).startsWith(QString::fromStdString(dataset.train[5].id + ": ")), result.skippedImages[0].c_str());
        QVERIFY(observer.said("skipped an unreadable image: " + dataset.train[5].id));
        const QJsonObject history = QJsonDocument::fromJson(readBytes(folder(QStringLiteral("broken-run-%1/history.json").arg(freeze)))).object();
        QCOMPARE(history[QLatin1String("skipped_images")].toArray().size(), 1);
    }

    void mixedPrecisionFollowsTheConfigAndTheCpu()
    {
        QVERIFY(!tinyConfig(true, "fp32").usesBfloat16());
        QVERIFY(tinyConfig(true, "bf16").usesBfloat16());
        QVERIFY(tinyConfig(false, "bf16").usesBfloat16());
        QVERIFY(!tinyConfig(false, "auto").usesBfloat16()); // a trained encoder stays in fp32 unless asked
        QVERIFY_THROWS_EXCEPTION(Error, tinyConfig(true, "fp16").validate());
        const TrainingConfig roundTrip = TrainingConfig::fromJson(tinyConfig(true, "bf16").toJson());
        QCOMPARE(roundTrip.mixedPrecision, std::string("bf16"));
    }

    void bfloat16StepsFollowTheFp32Ones()
    {
        // Bfloat16 products keep 8 significant bits: the losses of the same run must differ from
        // fp32 (else the products did not change precision) but stay within a few per cent.
        TrainingConfig config = tinyConfig(true, "fp32");
        config.epochs = 1;
        Trainer fp32(config, tinyData());
        Stopper single;
        single.trainer = &fp32;
        fp32.setObserver(&single);
        fp32.run(folder(QStringLiteral("precision-fp32")).toStdString());
        config.mixedPrecision = "bf16";
        Trainer bf16(config, tinyData());
        Stopper mixed;
        mixed.trainer = &bf16;
        bf16.setObserver(&mixed);
        bf16.run(folder(QStringLiteral("precision-bf16")).toStdString());
        QCOMPARE(mixed.losses.size(), single.losses.size());
        QVERIFY(!single.losses.empty());
        double largest = 0;
        for (std::size_t i = 0; i < single.losses.size(); ++i)
            largest = std::max(largest, std::abs(mixed.losses[i] - single.losses[i]) / single.losses[i]);
        qInfo("largest relative loss difference bf16 vs fp32 over %zu steps: %.2e", single.losses.size(), largest);
        QVERIFY(largest > 1e-6);
        QVERIFY(largest < 0.03);
    }

    void resumeRefusesOtherData()
    {
        const QString checkpoint = folder(QStringLiteral("plain/checkpoints/epoch-001.ckpt"));
        if (!QFileInfo::exists(checkpoint)) QSKIP("needs writesModelsCheckpointsAndHistory");
        QVERIFY_THROWS_EXCEPTION(Error, Trainer::resume(checkpoint.toStdString(), SyntheticScenes::dataset(99, 48, 8, 0, 64)));
    }

    void pauseHoldsAndResumeContinues()
    {
        TrainingConfig config = tinyConfig(true);
        config.epochs = 3;
        Trainer trainer(config, tinyData());
        Stopper observer;
        observer.trainer = &trainer;
        trainer.setObserver(&observer);
        trainer.requestPause(true);
        std::thread worker([&] { trainer.run(folder(QStringLiteral("paused")).toStdString()); });
        QTest::qWait(1500);
        QVERIFY(trainer.isPaused());
        QCOMPARE(observer.steps, 0); // features are prepared, but no step runs while paused
        trainer.requestPause(false);
        worker.join();
        QCOMPARE(observer.steps, 9);
    }

    void timeBudgetCutsTheRunButKeepsTheModel()
    {
        TrainingConfig config = tinyConfig(true);
        config.epochs = 500;
        config.maxMinutes = 0.05;
        Trainer trainer(config, tinyData());
        const TrainingResult result = trainer.run(folder(QStringLiteral("budget")).toStdString());
        // The schedule shrinks to what fits (so the learning rate still anneals), or the run is cut.
        QVERIFY(result.epochs < 500);
        QVERIFY(result.elapsedSeconds < 60);
        QVERIFY(QFileInfo::exists(QString::fromStdString(result.finalModel)));
    }

    void budgetPlanGrowsWhenTheMachineFreesUp()
    {
        // A busy machine at the start (threads competing for both cores) makes the first plan
        // short; once the load ends, the measured rate rises and the plan must grow again.
        TrainingConfig config = tinyConfig(true);
        config.epochs = 5000;
        config.maxMinutes = 0.4;
        config.checkpointEvery = 0;
        Trainer trainer(config, tinyData());
        Stopper observer;
        observer.trainer = &trainer;
        trainer.setObserver(&observer);
        std::atomic<bool> busy{true};
        std::vector<std::thread> load;
        for (int i = 0; i < 6; ++i)
            load.emplace_back([&busy] {
                volatile double x = 1;
                while (busy) x = x * 1.0000001 + 1e-9;
            });
        std::thread release([&busy] {
            std::this_thread::sleep_for(std::chrono::seconds(6));
            busy = false;
        });
        const TrainingResult result = trainer.run(folder(QStringLiteral("growing")).toStdString());
        release.join();
        for (auto &thread : load) thread.join();
        std::vector<int> plans;
        for (const std::string &message : observer.messages) {
            int planned = 0;
            if (std::sscanf(message.c_str(), "time budget: training %d of", &planned) == 1) plans.push_back(planned);
        }
        QVERIFY2(plans.size() >= 2, "the plan was not revised");
        QVERIFY2(*std::max_element(plans.begin() + 1, plans.end()) > plans.front(), "the plan never grew after the load ended");
        QVERIFY(result.epochs > plans.front() && result.epochs <= plans.back()); // the grown plan ran
        QVERIFY(result.elapsedSeconds < 0.4 * 60 + 10);
    }

    void learnsSyntheticScenesWithAttentionOnTheObjects()
    {
        // A reduced synthetic-accurate (about two minutes). If learning broke, the captions would not
        // fit their own images better than other images' references; if the cross-attention lost
        // its link to image positions, noun peaks would miss the objects (chance is about 0.15).
        TrainingConfig config = TrainingConfig::preset("synthetic-accurate");
        config.syntheticTrainScenes = 2000;
        config.epochs = 7;
        config.maxMinutes = 0;
        config.epochValidationImages = 50;
        config.sampleImages = 0;
        const Dataset dataset = SyntheticScenes::dataset(21, config.syntheticTrainScenes, 100, 150, config.syntheticImageSize);
        Trainer trainer(config, dataset);
        Stopper observer;
        observer.trainer = &trainer;
        trainer.setObserver(&observer);
        const TrainingResult result = trainer.run(folder(QStringLiteral("learning")).toStdString());
        const Captioner captioner(result.bestModel);
        const EvaluationResult evaluation = Evaluator::evaluate(captioner, dataset, "test", DecodingOptions::greedy());

        // The control: each test image scored against the next image's references.
        Dataset mismatched = dataset;
        for (std::size_t i = 0; i < mismatched.test.size(); ++i)
            mismatched.test[i].captions = dataset.test[(i + 1) % dataset.test.size()].captions;
        const EvaluationResult control = Evaluator::evaluate(captioner, mismatched, "test", DecodingOptions::greedy());
        qInfo("reduced synthetic run: BLEU-4 %.3f (mismatched references %.3f), CIDEr-D %.3f, attention hit rate %.3f (%d nouns), %.0f s",
              evaluation.scores.bleu[3], control.scores.bleu[3], evaluation.scores.cider, evaluation.attentionHitRate(),
              evaluation.attentionNouns, result.elapsedSeconds);
        QVERIFY(evaluation.scores.bleu[3] > 0.3);
        QVERIFY(evaluation.scores.bleu[3] > 2.0 * control.scores.bleu[3]);
        QVERIFY(evaluation.attentionNouns > 50);
        QVERIFY(evaluation.attentionHitRate() > 0.6);
        // Caption by caption, the scores the confidence calibration uses; the run's calibration,
        // fitted on its validation captions, is in the best model's file.
        QCOMPARE(int(evaluation.captionMeasures.size()), evaluation.images);
        QCOMPARE(int(evaluation.captionCiderD.size()), evaluation.images);
        QVERIFY(std::abs(std::accumulate(evaluation.captionCiderD.begin(), evaluation.captionCiderD.end(), 0.0) / evaluation.images -
                         evaluation.scores.cider) < 1e-9);
        QVERIFY(result.calibration.has_value());
        QCOMPARE(result.calibration->fitted.captions, result.validationScores.images);
        QCOMPARE(result.calibration->fitted.decoding, DecodingOptions::beam(config.evaluationBeam).describe());
        const auto stored = captioner.info().calibration;
        QVERIFY(stored.has_value());
        QCOMPARE(stored->toJson(), result.calibration->toJson());
        QVERIFY(observer.said("confidence: "));
        // The epochs' own scoring reports the hit rate too: the best epoch's must be what the
        // Evaluator measures for the best model on the same validation scenes and decoding (up to
        // a caption or two that the saved model's fused arithmetic may decode differently).
        QString rates;
        for (const auto &rate : observer.hitRates) rates += rate ? QString::number(*rate, 'f', 3) + QLatin1Char(' ') : QStringLiteral("- ");
        const EvaluationResult epochScoring = Evaluator::evaluate(captioner, dataset, "dev", DecodingOptions::beam(config.evaluationBeam),
                                                                  config.epochValidationImages);
        qInfo("attention hit rate per epoch: %s(best epoch %d; Evaluator on its scenes: %.3f)", qPrintable(rates), observer.bestEpoch,
              epochScoring.attentionHitRate());
        QVERIFY(observer.bestEpoch > 0 && observer.hitRates[std::size_t(observer.bestEpoch - 1)].has_value());
        QVERIFY(std::abs(*observer.hitRates[std::size_t(observer.bestEpoch - 1)] - epochScoring.attentionHitRate()) < 0.05);
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
