// Training configurations from JSON: every key known, every value of its type, every size bounded.
#include <snaption/error.h>
#include <snaption/training/trainingconfig.h>

#include <QElapsedTimer>
#include <QtTest>

using namespace snaption;
using namespace snaption::training;

class TestTrainingConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripsEveryPreset()
    {
        for (const std::string &name : TrainingConfig::presetNames()) {
            const TrainingConfig preset = TrainingConfig::preset(name);
            QCOMPARE(TrainingConfig::fromJson(preset.toJson()).toJson(), preset.toJson());
        }
    }

    // The English recipe in German, followed by flickr8k-mobilenet-scst's CIDEr-D stage.
    void germanPresetIsTheEnglishRecipeInGermanThenACiderStage()
    {
        const TrainingConfig german = TrainingConfig::preset("flickr8k-de-mobilenet");
        TrainingConfig english = TrainingConfig::preset("flickr8k-mobilenet");
        const TrainingConfig scst = TrainingConfig::preset("flickr8k-mobilenet-scst");
        QCOMPARE(german.language, std::string("de"));
        QCOMPARE(english.language, std::string("en"));
        QCOMPARE(german.model.encoder.name, std::string(EncoderConfig::kMobileNetV2));
        QCOMPARE(english.ciderStageEpochs, 0);
        QCOMPARE(german.ciderStageEpochs, scst.epochs);
        QCOMPARE(german.ciderStageLearningRate, scst.learningRate);
        QCOMPARE(german.ciderStageWarmupFraction, scst.warmupFraction);
        QCOMPARE(german.sampleTemperature, scst.sampleTemperature);
        QCOMPARE(german.samplesPerImage, scst.samplesPerImage);
        QVERIFY(german.maxMinutes * german.ciderStageBudgetShare > scst.maxMinutes * 0.85); // 27 of 60 minutes; 22:54 measured
        english.language = "de";
        english.ciderStageEpochs = german.ciderStageEpochs;
        english.ciderStageBudgetShare = german.ciderStageBudgetShare;
        english.ciderStageLearningRate = german.ciderStageLearningRate;
        english.ciderStageWarmupFraction = german.ciderStageWarmupFraction;
        english.sampleTemperature = german.sampleTemperature;
        QCOMPARE(german.toJson(), english.toJson());
        // Checkpoints written before the language existed are English.
        QCOMPARE(TrainingConfig::fromJson(R"({"epochs": 3})").language, std::string("en"));
        QCOMPARE(TrainingConfig::fromJson(R"({"language": "pt-BR"})").language, std::string("pt-BR"));
    }

    void overridesMergeIntoTheBase()
    {
        const TrainingConfig base = TrainingConfig::preset("flickr8k-mobilenet");
        const TrainingConfig merged =
            TrainingConfig::fromJson(R"({"epochs": 3, "model": {"decoder": {"dim": 256}}, "betas": [0.8, 0.9], "seed": 7})", base);
        QCOMPARE(merged.epochs, 3);
        QCOMPARE(merged.model.decoder.dim, 256);
        QCOMPARE(merged.model.decoder.layers, base.model.decoder.layers);
        QCOMPARE(merged.beta1, 0.8);
        QCOMPARE(merged.seed, std::uint64_t(7));
        // A whole number where a float is expected is fine; 2.0 where a count is expected too.
        QCOMPARE(TrainingConfig::fromJson(R"({"gradient_clip": 1, "epochs": 2.0})").epochs, 2);
    }

    // Unknown keys were ignored and 2.7 epochs accepted: both are refused, naming the key.
    void refusesWhatItCannotUse_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("misspelt key") << QString::fromUtf8(R"({"learning_rat": 0.001})") << QString::fromUtf8(R"(unknown key "learning_rat" (did you mean "learning_rate"?))");
        QTest::newRow("unknown key, no near one") << QString::fromUtf8(R"({"colour": 1})") << QString::fromUtf8(R"(unknown key "colour")");
        QTest::newRow("nested unknown key") << QString::fromUtf8(R"({"synthetic": {"trian": 10}})") << QString::fromUtf8(R"(unknown key "synthetic.trian" (did you mean "train"?))");
        QTest::newRow("fractional epochs") << QString::fromUtf8(R"({"epochs": 2.7})") << QString::fromUtf8(R"("epochs" must be a whole number, not 2.7)");
        QTest::newRow("string for a number") << QString::fromUtf8(R"({"batch_size": "32"})") << QString::fromUtf8(R"("batch_size" must be a whole number, not "32")");
        QTest::newRow("number for a flag") << QString::fromUtf8(R"({"augment": 1})") << QString::fromUtf8(R"("augment" must be true or false, not 1)");
        QTest::newRow("number for text") << QString::fromUtf8(R"({"best_metric": 4})") << QString::fromUtf8(R"("best_metric" must be text, not 4)");
        QTest::newRow("object for a number") << QString::fromUtf8(R"({"epochs": {"n": 2}})") << QString::fromUtf8(R"("epochs" must be a whole number)");
        QTest::newRow("betas of three") << QString::fromUtf8(R"({"betas": [0.9, 0.98, 0.5]})") << QString::fromUtf8(R"("betas" must be a list of 2)");
        QTest::newRow("huge count") << QString::fromUtf8(R"({"epochs": 1e12})") << QString::fromUtf8(R"("epochs" is out of range)");
        QTest::newRow("negative seed") << QString::fromUtf8(R"({"seed": -1})") << QString::fromUtf8(R"("seed" must not be negative)");
        QTest::newRow("model key") << QString::fromUtf8(R"({"model": {"decoder": {"dimension": 8}}})") << QString::fromUtf8(R"(unknown key "model.decoder.dimension")");
        QTest::newRow("augmentation key") << QString::fromUtf8(R"({"augmentation": {"horizontal_flip": {"p": 1}}})") << QString::fromUtf8(R"(unknown key "augmentation.horizontal_flip.p")");
        // Found by fuzzing: a number beyond double threw nlohmann's out_of_range, not parse_error.
        QTest::newRow("number beyond double") << QString::fromUtf8(R"({"epochs": 37E777})") << QString::fromUtf8("not valid JSON (number overflow");
        QTest::newRow("language not a tag") << QString::fromUtf8(R"({"language": "German"})") << QString::fromUtf8(R"(the caption language "German" is not a language tag)");
        QTest::newRow("vocabulary kind") << QString::fromUtf8(R"({"vocabulary": "pieces"})") << QString::fromUtf8(R"(the vocabulary must be "words" or "subwords")");
        QTest::newRow("too few pieces") << QString::fromUtf8(R"({"subword_pieces": 10})") << QString::fromUtf8("a subword vocabulary has 32 to 100000 pieces");
        QTest::newRow("CIDEr stage after cider") << QString::fromUtf8(R"({"objective": "cider", "cider_stage_epochs": 2})")
                                                 << QString::fromUtf8("a CIDEr stage follows cross-entropy epochs");
        QTest::newRow("CIDEr stage's share") << QString::fromUtf8(R"({"cider_stage_epochs": 2, "cider_stage_budget_share": 1})")
                                             << QString::fromUtf8("the CIDEr stage's share of the time budget must be between 0 and 1");
        QTest::newRow("CIDEr stage's rate") << QString::fromUtf8(R"({"cider_stage_learning_rate": 0})")
                                            << QString::fromUtf8("the CIDEr stage's learning rate must be between 0 and 1");
        QTest::newRow("not an object") << QString::fromUtf8(R"([1, 2])") << QString::fromUtf8(R"(not a JSON object)");
        QTest::newRow("not JSON") << QString::fromUtf8("{\"epochs\": ") /* not raw: moc (Qt 6.4) loses track of braces in raw strings */ << QString::fromUtf8(R"(not valid JSON)");
    }

    void refusesWhatItCannotUse()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        try {
            TrainingConfig::fromJson(json.toStdString());
            QFAIL("accepted");
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::InvalidArgument);
            QVERIFY2(QString::fromStdString(error.what()).contains(message), error.what());
        }
    }

    // Every size a user gives has an upper bound, checked before any work: 100,000,000
    // synthetic scenes grew memory at 22 MB/s with no output.
    void sizesHaveUpperBounds_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("synthetic scenes") << QString::fromUtf8(R"({"synthetic": {"train": 100000000}})") << QString::fromUtf8("synthetic training scenes must be 1 to 300000");
        QTest::newRow("synthetic validation") << QString::fromUtf8(R"({"synthetic": {"validation": 5000000}})") << QString::fromUtf8("synthetic validation scenes must be 1 to 30000");
        QTest::newRow("synthetic size") << QString::fromUtf8(R"({"synthetic": {"image_size": 100000}})") << QString::fromUtf8("synthetic image size must be 32 to 1024");
        QTest::newRow("epochs") << QString::fromUtf8(R"({"epochs": 1000000})") << QString::fromUtf8("epochs must be 1 to 10000");
        QTest::newRow("batch") << QString::fromUtf8(R"({"batch_size": 100000})") << QString::fromUtf8("batch size must be 1 to 4096");
        QTest::newRow("feature views") << QString::fromUtf8(R"({"feature_views": 1000})") << QString::fromUtf8("feature views must be 1 to 32");
        QTest::newRow("validation images") << QString::fromUtf8(R"({"epoch_validation_images": 2000000000})") << QString::fromUtf8("epoch validation images must be at most 1000000");
        QTest::newRow("decoder") << QString::fromUtf8(R"({"model": {"decoder": {"dim": 100000}}})") << QString::fromUtf8("decoder dimension");
    }

    void sizesHaveUpperBounds()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        QElapsedTimer timer;
        timer.start();
        try {
            TrainingConfig::fromJson(json.toStdString());
            QFAIL("accepted");
        } catch (const Error &error) {
            QVERIFY2(QString::fromStdString(error.what()).contains(message), error.what());
        }
        QVERIFY(timer.elapsed() < 1000);
    }
};

QTEST_GUILESS_MAIN(TestTrainingConfig)
#include "tst_trainingconfig.moc"
