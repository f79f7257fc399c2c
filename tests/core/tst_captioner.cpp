// The public captioning API end to end on small random models.
#include <snaption/captioner.h>
#include <snaption/error.h>
#include <snaption/modelfactory.h>
#include <snaption/safetensorsfile.h>
#include <snaption/safetensorswriter.h>

#include "testsupport.h"

#include <QtTest>

using namespace snaption;
using namespace snaption::test;

namespace {

ModelConfig smallConfig()
{
    ModelConfig config;
    config.encoder.name = EncoderConfig::kMobileNetV2;
    config.decoder.layers = 2;
    config.decoder.dim = 64;
    config.decoder.heads = 4;
    config.decoder.feedForward = 128;
    config.decoder.contextLength = 10;
    return config;
}

RgbImage gradient(int w, int h, int seed)
{
    RgbImage image(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t *p = image.row(y) + 3 * x;
            p[0] = std::uint8_t(x * 255 / w);
            p[1] = std::uint8_t((y * 255 / h + seed * 40) % 256);
            p[2] = std::uint8_t((x + y) % 2 ? 200 : 20);
        }
    return image;
}

} // namespace

class TestCaptioner : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Vocabulary m_vocabulary = Vocabulary::fromCaptions({"a dog runs on the grass", "two cats sleep on a red sofa"});
    std::string m_model;

private Q_SLOTS:
    void initTestCase()
    {
        m_model = m_dir.filePath(QStringLiteral("small.safetensors")).toStdString();
        ModelFactory::Options options;
        options.seed = 3;
        options.provenance = {{"source", "test"}};
        ModelFactory::createRandom(smallConfig(), m_vocabulary, m_model, options);
    }

    void infoDescribesTheFile()
    {
        const ModelInfo info = ModelInfo::read(m_model);
        QCOMPARE(info.config.toJson(), smallConfig().toJson());
        QCOMPARE(info.vocabulary, m_vocabulary);
        QCOMPARE(info.provenance.at("source"), std::string("test"));
        QCOMPARE(info.storageDType, std::string("F32"));
        QVERIFY(info.parameterCount > 2'224'000); // MobileNetV2's features alone have 2,223,872
    }

    void captionCarriesWordsProbabilitiesAndAttention()
    {
        const Captioner captioner(m_model);
        for (const DecodingOptions &options : {DecodingOptions(), DecodingOptions::greedy(), DecodingOptions::sample(3, 0.7f, 1)}) {
            const CaptionResult result = captioner.caption(gradient(300, 200, 0), options);
            QCOMPARE(result.tokenIds.size(), result.words.size());
            QCOMPARE(result.probabilities.size(), result.words.size());
            QVERIFY(result.words.size() <= 9);
            for (std::size_t i = 0; i < result.words.size(); ++i) {
                QCOMPARE(result.words[i], m_vocabulary.token(result.tokenIds[i]));
                QVERIFY(result.probabilities[i] > 0 && result.probabilities[i] <= 1);
            }
            QCOMPARE(result.caption, Vocabulary::cleanUp(result.words));
            const AttentionMaps &attention = result.attention;
            QCOMPARE(attention.steps(), int(result.words.size()));
            QCOMPARE(attention.layers(), 2);
            QCOMPARE(attention.heads(), 4);
            QCOMPARE(attention.height(), 7);
            QCOMPARE(attention.width(), 7);
            for (int step = 0; step < attention.steps(); ++step) {
                for (const int layer : {0, 1, AttentionMaps::kMeanOfLayers}) {
                    for (const int head : {0, 3, AttentionMaps::kMeanOfHeads}) {
                        const std::vector<float> grid = attention.grid(step, layer, head);
                        QVERIFY(std::abs(std::accumulate(grid.begin(), grid.end(), 0.0) - 1.0) < 1e-4);
                    }
                }
            }
            QVERIFY(result.timings.encoderMs > 0 && result.timings.decoderMs > 0);
            QCOMPARE(result.timings.generatedTokens >= int(result.words.size()), true);
        }
    }

    void defaultDecodingIsDeterministic()
    {
        const Captioner captioner(m_model);
        const RgbImage image = gradient(224, 224, 1);
        QCOMPARE(captioner.caption(image).tokenIds, captioner.caption(image).tokenIds);
        QCOMPARE(Captioner(m_model).caption(image).tokenIds, captioner.caption(image).tokenIds);
    }

    void batchEqualsOneByOne()
    {
        const Captioner captioner(m_model);
        const std::vector<RgbImage> images{gradient(224, 224, 0), gradient(100, 300, 2), gradient(640, 480, 5)};
        const std::vector<CaptionResult> batch = captioner.captionBatch(images);
        QCOMPARE(batch.size(), images.size());
        for (std::size_t i = 0; i < images.size(); ++i) QCOMPARE(captioner.caption(images[i]).tokenIds, batch[i].tokenIds);
    }

    void halfPrecisionStorageGivesTheSameCaptions()
    {
        const std::string half = m_dir.filePath(QStringLiteral("half.safetensors")).toStdString();
        ModelFactory::Options options;
        options.seed = 3;
        options.storage = TensorDType::F16;
        ModelFactory::createRandom(smallConfig(), m_vocabulary, half, options);
        QCOMPARE(ModelInfo::read(half).storageDType, std::string("F16"));
        QVERIFY(QFileInfo(QString::fromStdString(half)).size() < QFileInfo(QString::fromStdString(m_model)).size() * 0.6);
        const RgbImage image = gradient(224, 224, 3);
        QCOMPARE(Captioner(half).caption(image, DecodingOptions::greedy()).tokenIds, Captioner(m_model).caption(image, DecodingOptions::greedy()).tokenIds);
    }

    void int8PrecisionCaptions()
    {
        const Captioner captioner(m_model, WeightPrecision::Int8);
        QCOMPARE(captioner.precision(), WeightPrecision::Int8);
        const CaptionResult result = captioner.caption(gradient(224, 224, 4));
        QCOMPARE(result.attention.steps(), int(result.words.size()));
    }

    void invalidOptionsAreRejected()
    {
        const Captioner captioner(m_model);
        const RgbImage image = gradient(64, 64, 0);
        QVERIFY_THROWS_EXCEPTION(Error, captioner.caption(image, DecodingOptions::beam(0)));
        QVERIFY_THROWS_EXCEPTION(Error, captioner.caption(image, DecodingOptions::sample(-1, 1.0f, 0)));
        QVERIFY_THROWS_EXCEPTION(Error, captioner.caption(image, DecodingOptions::sample(5, 0.0f, 0)));
        QVERIFY_THROWS_EXCEPTION(Error, captioner.caption(RgbImage(), DecodingOptions()));
        QVERIFY(captioner.captionBatch({}).empty());
    }

    void wrongModelFilesAreRejected_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("cannot open");
        QTest::newRow("weights only") << QStringLiteral("weights") << QStringLiteral("not a Snaption model file");
        QTest::newRow("newer format") << QStringLiteral("future") << QStringLiteral("newer than this program");
        QTest::newRow("wrong shape") << QStringLiteral("shape") << QStringLiteral("has shape");
        QTest::newRow("missing tensor") << QStringLiteral("dropped") << QStringLiteral("missing weights");
        QTest::newRow("nan") << QStringLiteral("nan") << QStringLiteral("NaN");
    }

    void wrongModelFilesAreRejected()
    {
        QFETCH(QString, what);
        QFETCH(QString, message);
        const SafetensorsFile good = SafetensorsFile::read(m_model);
        SafetensorsWriter writer;
        for (const auto &[key, value] : good.metadata()) {
            if (what == QLatin1String("weights") && key == "format") continue;
            writer.setMetadata(key, what == QLatin1String("future") && key == "format_version" ? "99" : value);
        }
        for (const auto &entry : good.entries()) {
            if (what == QLatin1String("dropped") && entry.name == "vocab_projection.bias") continue;
            std::vector<std::int64_t> shape = entry.shape;
            std::vector<std::uint8_t> bytes(good.data(entry), good.data(entry) + (entry.end - entry.begin));
            if (what == QLatin1String("shape") && entry.name == "project.bias") {
                shape = {shape[0] / 2};
                bytes.resize(bytes.size() / 2);
            }
            if (what == QLatin1String("nan") && entry.name == "project.bias") {
                const float nan = std::numeric_limits<float>::quiet_NaN();
                std::memcpy(bytes.data(), &nan, 4);
            }
            writer.addTensor(entry.name, entry.dtype, shape, bytes.data(), bytes.size());
        }
        const std::string path = what == QLatin1String("missing") ? "/nonexistent/model.safetensors"
                                                                  : m_dir.filePath(what + QStringLiteral(".safetensors")).toStdString();
        if (what != QLatin1String("missing")) writer.write(path);
        try {
            Captioner captioner(path);
            QFAIL("loaded");
        } catch (const Error &error) {
            QVERIFY(error.kind() == ErrorKind::BadModel || error.kind() == ErrorKind::Io);
            QVERIFY2(QString::fromStdString(error.what()).contains(message), error.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestCaptioner)
#include "tst_captioner.moc"
