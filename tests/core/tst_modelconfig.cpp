#include <snaption/error.h>
#include <snaption/modelconfig.h>
#include <snaption/vocabulary.h>
#include <snaption/modelinfo.h>
#include <snaption/modelfactory.h>

#include <QTemporaryDir>
#include <QtTest>

using namespace snaption;

class TestModelConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jsonRoundTrip()
    {
        ModelConfig config;
        config.encoder.name = EncoderConfig::kMobileNetV2;
        config.encoder.tfSamePadding = true;
        config.encoder.classifierClasses = 1001;
        config.encoder.normalization = Normalization::minusOneToOne();
        config.decoder.layers = 3;
        config.decoder.activation = "gelu";
        config.decoder.finalNorm = false;
        const ModelConfig back = ModelConfig::fromJson(config.toJson());
        QCOMPARE(back.toJson(), config.toJson());
        QCOMPARE(back.encoder.normalization, Normalization::minusOneToOne());
        QCOMPARE(back.decoder.layers, 3);
    }

    void gridFollowsTheInputSize()
    {
        ModelConfig config;
        QCOMPARE(config.encoder.gridSize(), 7);
        QCOMPARE(config.memoryTokens(), 49);
        config.encoder.inputSize = 256;
        QCOMPARE(config.encoder.gridSize(), 8);
        config.encoder.inputSize = 225; // odd sizes round up at every stride-2 stage
        QCOMPARE(config.encoder.gridSize(), 8);
        QCOMPARE(ModelConfig::seedCompatible().memoryTokens(), 1);
        QCOMPARE(ModelConfig::seedCompatible().attentionGridWidth(), 7); // Grad-CAM over the feature map
    }

    void seedArchitecture()
    {
        const ModelConfig seed = ModelConfig::seedCompatible();
        QCOMPARE(seed.architecture, std::string(ModelConfig::kArchitectureSeed));
        QCOMPARE(seed.decoder.layers, 6);
        QCOMPARE(seed.decoder.dim, 512);
        QCOMPARE(seed.decoder.heads, 16);
        QCOMPARE(seed.decoder.feedForward, 1024);
        QCOMPARE(seed.decoder.contextLength, 20);
        QVERIFY(!seed.decoder.finalNorm);
        QCOMPARE(seed.encoder.classifierClasses, 1000);
    }

    // The count that refuses an architecture before it is built is the count it has.
    void parameterCountIsExact_data()
    {
        QTest::addColumn<QString>("encoder");
        QTest::addColumn<bool>("seed");
        QTest::newRow("efficientnet") << QString::fromLatin1(EncoderConfig::kEfficientNetB0) << false;
        QTest::newRow("mobilenet") << QString::fromLatin1(EncoderConfig::kMobileNetV2) << false;
        QTest::newRow("simple cnn") << QString::fromLatin1(EncoderConfig::kSimpleCnn) << false;
        QTest::newRow("seed architecture") << QString::fromLatin1(EncoderConfig::kEfficientNetB0) << true;
    }

    void parameterCountIsExact()
    {
        QFETCH(QString, encoder);
        QFETCH(bool, seed);
        ModelConfig config = seed ? ModelConfig::seedCompatible() : ModelConfig();
        config.encoder.name = encoder.toStdString();
        config.decoder.layers = 2;
        config.decoder.dim = 64;
        config.decoder.heads = 4;
        config.decoder.feedForward = 96;
        if (encoder == QLatin1String(EncoderConfig::kSimpleCnn)) config.encoder.inputSize = 128;
        const Vocabulary vocabulary = Vocabulary::fromCaptions({"a dog runs on the grass", "two cats sleep"});
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("m.safetensors")).toStdString();
        ModelFactory::createRandom(config, vocabulary, path, {});
        QCOMPARE(config.parameterCount(std::int64_t(vocabulary.size())), ModelInfo::read(path).parameterCount);
    }

    void invalidConfigurations_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << QStringLiteral("{") << QStringLiteral("not valid JSON");
        QTest::newRow("not an object") << QStringLiteral("[1, 2]") << QStringLiteral("not a JSON object");
        QTest::newRow("architecture") << QStringLiteral("{\"architecture\": \"lstm\"}") << QStringLiteral("unknown architecture");
        QTest::newRow("encoder") << QStringLiteral("{\"encoder\": {\"name\": \"resnet50\"}}") << QStringLiteral("unknown encoder");
        QTest::newRow("heads") << QStringLiteral("{\"decoder\": {\"dim\": 100, \"heads\": 16}}") << QStringLiteral("divisible");
        QTest::newRow("layers") << QStringLiteral("{\"decoder\": {\"layers\": 0}}") << QStringLiteral("decoder layers");
        QTest::newRow("type") << QStringLiteral("{\"decoder\": {\"layers\": \"six\"}}") << QStringLiteral("\"decoder.layers\" must be a whole number");
        QTest::newRow("fraction") << QStringLiteral("{\"decoder\": {\"layers\": 2.5}}") << QStringLiteral("\"decoder.layers\" must be a whole number, not 2.5");
        QTest::newRow("unknown key") << QStringLiteral("{\"decoder\": {\"layer\": 2}}") << QStringLiteral("unknown key \"decoder.layer\" (did you mean \"layers\"?)");
        QTest::newRow("activation") << QStringLiteral("{\"decoder\": {\"activation\": \"tanh\"}}") << QStringLiteral("unknown activation");
        QTest::newRow("seed without head") << QStringLiteral("{\"architecture\": \"snaption-seed\"}") << QStringLiteral("classifier head");
        QTest::newRow("context") << QStringLiteral("{\"decoder\": {\"context_length\": 100000}}") << QStringLiteral("context length");
    }

    void invalidConfigurations()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        try {
            ModelConfig::fromJson(json.toStdString());
            QFAIL("accepted");
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::BadModel);
            QVERIFY2(QString::fromStdString(error.what()).contains(message), error.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestModelConfig)
#include "tst_modelconfig.moc"
