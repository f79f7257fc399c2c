// EfficientNet-B0 and MobileNetV2 against torchvision on identical random weights.
#include <snaption/error.h>
#include <snaption/featureextractor.h>

#include "testsupport.h"

#include <QtTest>

using namespace snaption;
using namespace snaption::test;

class TestEncoders : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

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
