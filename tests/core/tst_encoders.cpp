// EfficientNet-B0 and MobileNetV2 against torchvision on identical random weights; where every
// encoder's cells look against the receptive fields PyTorch's autograd shows.
#include <snaption/captioner.h>
#include <snaption/error.h>
#include <snaption/featureextractor.h>
#include <snaption/modelfactory.h>
#include <snaption/vocabulary.h>

#include "testsupport.h"

#include <QtTest>

using namespace snaption;
using namespace snaption::test;

class TestEncoders : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Where a captioner's attention maps place the cells, for a random model with this encoder.
    GridPlacement captionerPlacement(const EncoderConfig &config)
    {
        ModelConfig model;
        model.encoder = config;
        model.decoder.layers = 1;
        model.decoder.dim = 32;
        model.decoder.heads = 2;
        model.decoder.feedForward = 64;
        model.decoder.contextLength = 3;
        const std::string path = m_dir.filePath(QStringLiteral("random_model.safetensors")).toStdString();
        ModelFactory::createRandom(model, Vocabulary::fromCaptions({"a red circle"}), path, {});
        const CaptionResult result = Captioner(path).caption(RgbImage(64, 64), DecodingOptions{});
        return result.attention.placement();
    }

    void compare(const QString &name, EncoderConfig config)
    {
        const QString base = m_dir.filePath(name);
        config.classifierClasses = 1000;
        const FeatureExtractor extractor(config, (base + QStringLiteral(".safetensors")).toStdString());
        const std::vector<float> input = readFloats(base + QStringLiteral("_input.f32"));
        const FeatureMap features = extractor.features(input, 2);
        QCOMPARE(features.count, 2);
        QCOMPARE(features.channels, 1280);
        QCOMPARE(features.height, 7);
        QCOMPARE(features.width, 7);
        const double featureError = maxRelativeError(features.values, readFloats(base + QStringLiteral("_features.f32")));
        const double logitError = maxRelativeError(extractor.classify(input, 2), readFloats(base + QStringLiteral("_logits.f32")));
        qInfo("%s: max relative error features %.2e, logits %.2e", qPrintable(name), featureError, logitError);
        QVERIFY2(featureError < 1e-3, qPrintable(QString::number(featureError)));
        QVERIFY2(logitError < 1e-3, qPrintable(QString::number(logitError)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SNAPTION_RUN_FIXTURE(QStringLiteral("encoder_outputs.py"), m_dir.path());
        SNAPTION_RUN_FIXTURE(QStringLiteral("receptive_fields.py"), m_dir.path());
    }

    void efficientNetFromTorchvisionNames()
    {
        // torchvision's names are mapped onto timm's, which the encoder uses.
        EncoderConfig config;
        config.name = EncoderConfig::kEfficientNetB0;
        compare(QStringLiteral("efficientnet_b0"), config);
    }

    void mobileNetV2()
    {
        EncoderConfig config;
        config.name = EncoderConfig::kMobileNetV2;
        compare(QStringLiteral("mobilenet_v2"), config);
    }

    void mobileNetV2WithTensorFlowPadding()
    {
        EncoderConfig config;
        config.name = EncoderConfig::kMobileNetV2;
        config.tfSamePadding = true;
        compare(QStringLiteral("mobilenet_v2_tf"), config);
    }

    void tensorFlowPaddingChangesTheResult()
    {
        // The same weights without SAME padding must not match the TF reference: the option matters.
        EncoderConfig config;
        config.name = EncoderConfig::kMobileNetV2;
        config.classifierClasses = 1000;
        const FeatureExtractor extractor(config, m_dir.filePath(QStringLiteral("mobilenet_v2_tf.safetensors")).toStdString());
        const FeatureMap features = extractor.features(readFloats(m_dir.filePath(QStringLiteral("mobilenet_v2_tf_input.f32"))), 2);
        QVERIFY(maxRelativeError(features.values, readFloats(m_dir.filePath(QStringLiteral("mobilenet_v2_tf_features.f32")))) > 1e-2);
    }

    void parameterCounts()
    {
        // timm's and torchvision's efficientnet_b0 have 5,288,548 parameters with the classifier,
        // torchvision's mobilenet_v2 3,504,872.
        EncoderConfig config;
        config.classifierClasses = 1000;
        config.name = EncoderConfig::kEfficientNetB0;
        QCOMPARE(FeatureExtractor(config, m_dir.filePath(QStringLiteral("efficientnet_b0.safetensors")).toStdString()).parameterCount(),
                 std::int64_t(5'288'548));
        config.name = EncoderConfig::kMobileNetV2;
        QCOMPARE(FeatureExtractor(config, m_dir.filePath(QStringLiteral("mobilenet_v2.safetensors")).toStdString()).parameterCount(),
                 std::int64_t(3'504'872));
    }

    void gridPlacementIsWhereTheCellsLook_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("encoder");
        QTest::addColumn<bool>("tfPadding");
        QTest::newRow("efficientnet_b0") << "efficientnet_b0" << EncoderConfig::kEfficientNetB0 << false;
        QTest::newRow("mobilenet_v2") << "mobilenet_v2" << EncoderConfig::kMobileNetV2 << false;
        QTest::newRow("mobilenet_v2, TF padding, odd stage") << "mobilenet_v2_tf" << EncoderConfig::kMobileNetV2 << true;
        QTest::newRow("simple_cnn") << "simple_cnn" << EncoderConfig::kSimpleCnn << false;
        QTest::newRow("simple_cnn, odd stage") << "simple_cnn_120" << EncoderConfig::kSimpleCnn << false;
    }

    void gridPlacementIsWhereTheCellsLook()
    {
        QFETCH(QString, reference);
        QFETCH(QString, encoder);
        QFETCH(bool, tfPadding);
        const QJsonObject expected =
            QJsonDocument::fromJson(readBytes(m_dir.filePath(QStringLiteral("receptive_fields.json")))).object()[reference].toObject();
        QVERIFY(!expected.isEmpty());
        EncoderConfig config;
        config.name = encoder.toStdString();
        config.tfSamePadding = tfPadding;
        config.inputSize = expected[QLatin1String("input")].toInt();
        QCOMPARE(config.gridSize(), expected[QLatin1String("grid")].toInt());

        const GridPlacement placement = captionerPlacement(config);
        if (config.name != EncoderConfig::kSimpleCnn) {
            const QString weights = reference.startsWith(QLatin1String("mobilenet")) ? QStringLiteral("mobilenet_v2") : reference;
            QVERIFY(FeatureExtractor(config, m_dir.filePath(weights + QStringLiteral(".safetensors")).toStdString()).gridPlacement() == placement);
        }
        const double size = config.inputSize;
        for (const QJsonValue cell : expected[QLatin1String("cells")].toArray()) {
            const QJsonArray centre = cell[QLatin1String("centre_yx")].toArray();
            const int row = cell[QLatin1String("row")].toInt(), col = cell[QLatin1String("col")].toInt();
            qInfo("%s cell (%d, %d): placed at (%.2f, %.2f) px, receptive field centred at (%.2f, %.2f), equal tiles (%.2f, %.2f)",
                  qPrintable(reference), row, col, placement.centreY(row) * size, placement.centreX(col) * size,
                  centre[0].toDouble(), centre[1].toDouble(), (row + 0.5) * size / config.gridSize(), (col + 0.5) * size / config.gridSize());
            QVERIFY(std::abs(placement.centreY(row) * size - centre[0].toDouble()) < 1e-6);
            QVERIFY(std::abs(placement.centreX(col) * size - centre[1].toDouble()) < 1e-6);
        }
    }

    void missingWeightsAreReported()
    {
        EncoderConfig config;
        config.name = EncoderConfig::kEfficientNetB0;
        try {
            FeatureExtractor(config, m_dir.filePath(QStringLiteral("mobilenet_v2.safetensors")).toStdString());
            QFAIL("MobileNetV2 weights loaded into EfficientNet-B0");
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::BadModel);
            QVERIFY2(QString::fromStdString(error.what()).contains(QLatin1String("missing weights")), error.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestEncoders)
#include "tst_encoders.moc"
