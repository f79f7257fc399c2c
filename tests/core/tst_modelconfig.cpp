#include <snaption/error.h>
#include <snaption/modelconfig.h>

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

    void invalidConfigurations_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << QStringLiteral("{") << QStringLiteral("not a JSON object");
        QTest::newRow("architecture") << QStringLiteral("{\"architecture\": \"lstm\"}") << QStringLiteral("unknown architecture");
        QTest::newRow("encoder") << QStringLiteral("{\"encoder\": {\"name\": \"resnet50\"}}") << QStringLiteral("unknown encoder");
        QTest::newRow("heads") << QStringLiteral("{\"decoder\": {\"dim\": 100, \"heads\": 16}}") << QStringLiteral("divisible");
        QTest::newRow("layers") << QStringLiteral("{\"decoder\": {\"layers\": 0}}") << QStringLiteral("decoder layers");
        QTest::newRow("type") << QStringLiteral("{\"decoder\": {\"layers\": \"six\"}}") << QStringLiteral("wrong type");
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
