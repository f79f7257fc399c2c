// Importing the original Python Snaption model and pretrained encoder weights.
#include <snaption/captioner.h>
#include <snaption/encoderweights.h>
#include <snaption/error.h>
#include <snaption/featureextractor.h>
#include <snaption/imageloader.h>
#include <snaption/seedimporter.h>

#include "testsupport.h"

#include <QtTest>

using namespace snaption;
using namespace snaption::test;

class TestImporters : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString seed(const QString &name) const { return m_dir.filePath(QStringLiteral("seed/") + name); }
    QString encoders(const QString &name) const { return m_dir.filePath(QStringLiteral("encoders/") + name); }

    RgbImage fixtureImage() const
    {
        const QByteArray bytes = readBytes(seed(QStringLiteral("image.rgb")));
        RgbImage image(224, 224);
        std::memcpy(image.pixels.data(), bytes.constData(), image.pixels.size());
        return image;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QDir(m_dir.path()).mkpath(QStringLiteral("seed"));
        QDir(m_dir.path()).mkpath(QStringLiteral("encoders"));
        SNAPTION_RUN_FIXTURE(QStringLiteral("seed_model.py"), m_dir.filePath(QStringLiteral("seed")));
        SNAPTION_RUN_FIXTURE(QStringLiteral("encoder_outputs.py"), m_dir.filePath(QStringLiteral("encoders")));
    }

    void vocabularyPickle()
    {
        const Vocabulary vocabulary = SeedImporter::readVocabulary(seed(QStringLiteral("vocab_mapper.pkl")).toStdString());
        QCOMPARE(vocabulary.size(), std::size_t(500));
        QCOMPARE(vocabulary.token(4), std::string("word0"));
        QCOMPARE(vocabulary.token(499), std::string("word495"));
    }

    void theOriginalVocabulary()
    {
        const QString shared = sharedDataDir();
        if (shared.isEmpty()) {
            if (underCi()) QFAIL("../shared/data is missing under CI");
            QSKIP("no shared data (set SNAPTION_SHARED_DATA)");
        }
        const Vocabulary vocabulary = SeedImporter::readVocabulary((shared + QStringLiteral("/seed/vocab_mapper.pkl")).toStdString());
        QCOMPARE(vocabulary.size(), std::size_t(8492));
        // Numbered in order of first appearance in Flickr8k: "A child in a pink dress is climbing up ..."
        QCOMPARE(vocabulary.tokens()[4], std::string("a"));
        QCOMPARE(vocabulary.tokens()[5], std::string("child"));
        QCOMPARE(vocabulary.index("pink"), std::int64_t(7));
        // The tokenizer pickle is a WordTokenizer, not a VocabMapper: a clear refusal.
        try {
            SeedImporter::readVocabulary((shared + QStringLiteral("/seed/tokenizer.pkl")).toStdString());
            QFAIL("accepted the tokenizer as a vocabulary");
        } catch (const Error &error) {
            QVERIFY2(QString::fromStdString(error.what()).contains(QLatin1String("snaption.utils.WordTokenizer")), error.what());
        }
    }

    void importedModelCaptionsLikePyTorch_data()
    {
        QTest::addColumn<QString>("weights");
        QTest::newRow("state_dict") << QStringLiteral("pretrained_weights.pt");
        QTest::newRow("trainer checkpoint") << QStringLiteral("checkpoint.pt");
    }

    void importedModelCaptionsLikePyTorch()
    {
        QFETCH(QString, weights);
        const std::string out = m_dir.filePath(QStringLiteral("imported.safetensors")).toStdString();
        const ModelInfo info = SeedImporter::import(seed(weights).toStdString(), seed(QStringLiteral("vocab_mapper.pkl")).toStdString(), out,
                                                    {{"source", "test"}});
        QCOMPARE(info.config.architecture, std::string(ModelConfig::kArchitectureSeed));
        QCOMPARE(info.vocabulary.size(), std::size_t(500));

        const CaptionResult result = Captioner(out).caption(fixtureImage(), DecodingOptions::greedy());
        QStringList tokens;
        for (const std::int64_t id : result.tokenIds) tokens << QString::number(id);
        QCOMPARE(tokens.join(QLatin1Char(' ')), QString::fromUtf8(readBytes(seed(QStringLiteral("tokens.txt")))));

        // Heatmaps of the seed architecture are Grad-CAM maps on the 7 x 7 feature map.
        const std::vector<float> expected = readFloats(seed(QStringLiteral("gradcam.f32")));
        QCOMPARE(result.attention.height(), 7);
        QCOMPARE(expected.size(), result.words.size() * 49);
        double worst = 0;
        for (std::size_t w = 0; w < result.words.size(); ++w) {
            const std::vector<float> grid = result.attention.grid(int(w));
            for (std::size_t i = 0; i < 49; ++i) worst = std::max(worst, double(std::abs(grid[i] - expected[w * 49 + i])));
        }
        QVERIFY2(worst < 2e-3, qPrintable(QString::number(worst)));
    }

    void seedWeightsAreTimmEfficientNet()
    {
        const EncoderWeights weights = EncoderWeights::read(seed(QStringLiteral("pretrained_weights.pt")).toStdString());
        QCOMPARE(weights.config().name, std::string(EncoderConfig::kEfficientNetB0));
        QCOMPARE(weights.config().classifierClasses, 1000);
        QVERIFY(QString::fromStdString(weights.description()).startsWith(QLatin1String("timm efficientnet_b0")));
        QCOMPARE(FeatureExtractor(weights).parameterCount(), std::int64_t(5'288'548));
    }

    void torchvisionCheckpoints_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("encoder");
        QTest::newRow("efficientnet_b0") << QStringLiteral("efficientnet_b0") << QStringLiteral("efficientnet_b0");
        QTest::newRow("mobilenet_v2") << QStringLiteral("mobilenet_v2") << QStringLiteral("mobilenet_v2");
    }

    void torchvisionCheckpoints()
    {
        QFETCH(QString, name);
        QFETCH(QString, encoder);
        const EncoderWeights weights = EncoderWeights::read(encoders(name + QStringLiteral(".pth")).toStdString());
        QCOMPARE(QString::fromStdString(weights.config().name), encoder);
        QCOMPARE(weights.config().classifierClasses, 1000);
        const FeatureExtractor extractor(weights);
        const std::vector<float> input = readFloats(encoders(name + QStringLiteral("_input.f32")));
        const double error = maxRelativeError(extractor.features(input, 2).values, readFloats(encoders(name + QStringLiteral("_features.f32"))));
        QVERIFY2(error < 1e-3, qPrintable(QString::number(error)));
    }

    void tfliteMobileNetClassifiesThePhotos()
    {
        const QString shared = sharedDataDir();
        if (shared.isEmpty()) {
            if (underCi()) QFAIL("../shared/data is missing under CI");
            QSKIP("no shared data (set SNAPTION_SHARED_DATA)");
        }
        const EncoderWeights weights = EncoderWeights::read((shared + QStringLiteral("/encoders/mobilenet_v2_1.0_224_quant.tflite")).toStdString());
        QVERIFY(weights.config().tfSamePadding);
        QCOMPARE(weights.config().classifierClasses, 1001);
        QCOMPARE(weights.config().normalization, Normalization::minusOneToOne());
        const FeatureExtractor extractor(weights);
        QFile labelFile(shared + QStringLiteral("/encoders/imagenet_labels.txt"));
        QVERIFY(labelFile.open(QIODevice::ReadOnly));
        const QStringList labels = QString::fromUtf8(labelFile.readAll()).split(QLatin1Char('\n'));
        const std::pair<const char *, const char *> photos[] = {
            {"cat.bmp", "Egyptian cat"}, {"grace_hopper.bmp", "military uniform"}, {"bird.bmp", "chickadee"}};
        for (const auto &[photo, label] : photos) {
            const std::vector<float> logits = extractor.classify(ImageLoader().load((shared + QStringLiteral("/encoders/") + QLatin1String(photo)).toStdString()));
            const int best = int(std::max_element(logits.begin(), logits.end()) - logits.begin());
            QCOMPARE(labels.value(best).trimmed(), QString::fromLatin1(label));
        }
    }

    void unusableWeightFiles()
    {
        const auto refused = [](const QString &path, const QString &message) {
            try {
                EncoderWeights::read(path.toStdString());
                return QStringLiteral("accepted");
            } catch (const Error &error) {
                return QString::fromStdString(error.what()).contains(message) ? QString() : QString::fromStdString(error.what());
            }
        };
        writeBytes(m_dir.filePath(QStringLiteral("text.pth")), "hello");
        QCOMPARE(refused(m_dir.filePath(QStringLiteral("text.pth")), QStringLiteral("not a valid safetensors")), QString());
        QCOMPARE(refused(m_dir.filePath(QStringLiteral("nothing.pth")), QStringLiteral("no such file")), QString());
        QCOMPARE(refused(m_dir.path(), QStringLiteral("is a folder, not a file")), QString());
        // A valid file of another kind: the seed vocabulary is no weights file.
        QCOMPARE(refused(seed(QStringLiteral("vocab_mapper.pkl")), QStringLiteral("a plain pickle")), QString());
    }
};

QTEST_GUILESS_MAIN(TestImporters)
#include "tst_importers.moc"
