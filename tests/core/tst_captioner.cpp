// The public captioning API end to end on small random models.
#include <snaption/captioner.h>
#include <snaption/error.h>
#include <snaption/modelfactory.h>
#include <snaption/safetensorsfile.h>
#include <snaption/safetensorswriter.h>
#include <snaption/subwordmodel.h>

#include "germancaptions.h"
#include "testsupport.h"

#include <QtTest>

#include <cmath>

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

SubwordModel smallSubwordModel()
{
    return SubwordModel::train(repeatedGermanCaptions(), 60);
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
                for (const LayerChoice layer : {LayerChoice::layer(0), LayerChoice::layer(1), LayerChoice::meanOfAll(), LayerChoice::last()}) {
                    for (const HeadChoice head : {HeadChoice::head(0), HeadChoice::head(3), HeadChoice::meanOfAll()}) {
                        const std::vector<float> grid = attention.grid(step, layer, head);
                        QVERIFY(std::abs(std::accumulate(grid.begin(), grid.end(), 0.0) - 1.0) < 1e-4);
                    }
                }
            }
            // The last layer is layer 1 here; a word, layer or head the maps lack is refused.
            QVERIFY_THROWS_EXCEPTION(Error, attention.grid(attention.steps()));
            if (attention.steps() > 0) {
                QCOMPARE(attention.grid(0, LayerChoice::last()), attention.grid(0, LayerChoice::layer(1)));
                QVERIFY(attention.grid(0, LayerChoice::meanOfAll()) != attention.grid(0, LayerChoice::last()));
                QVERIFY_THROWS_EXCEPTION(Error, attention.grid(0, LayerChoice::layer(2)));
                QVERIFY_THROWS_EXCEPTION(Error, attention.grid(0, LayerChoice::last(), HeadChoice::head(4)));
            }
            for (const int code : {-2, -1, 0, 1}) QCOMPARE(LayerChoice::fromCode(code).code(), code);
            QVERIFY(result.timings.encoderMs > 0 && result.timings.decoderMs > 0);
            QCOMPARE(result.timings.generatedTokens >= int(result.words.size()), true);
        }
    }

    // A subword model's pieces are joined into words: the same weights read as a word model (its
    // vocabulary the pieces) give the pieces one by one, and the subword model's words are them
    // joined, with the product of their probabilities and the mean of their maps.
    void subwordModelsJoinPiecesIntoWords()
    {
        const SubwordModel subwords = smallSubwordModel();
        const std::string joined = m_dir.filePath(QStringLiteral("subwords.safetensors")).toStdString();
        const std::string pieces = m_dir.filePath(QStringLiteral("pieces.safetensors")).toStdString();
        ModelFactory::Options options;
        options.seed = 11;
        ModelFactory::createRandom(smallConfig(), subwords.vocabulary(), pieces, options);
        options.subwords = subwords;
        ModelFactory::createRandom(smallConfig(), subwords.vocabulary(), joined, options);
        const ModelInfo info = ModelInfo::read(joined);
        QVERIFY(info.subwords && *info.subwords == subwords);
        QVERIFY(!ModelInfo::read(pieces).subwords);
        QVERIFY(QString::fromStdString(info.toJson()).contains(QLatin1String("\"vocabulary_kind\":\"subwords\"")));

        const std::string mark = SubwordModel::kWordStart;
        int joinedWords = 0;
        for (int seed = 0; seed < 4; ++seed) {
            const RgbImage image = gradient(240, 180, seed);
            const CaptionResult one = Captioner(pieces).caption(image, DecodingOptions::greedy());
            const CaptionResult result = Captioner(joined).caption(image, DecodingOptions::greedy());
            QCOMPARE(result.tokenIds, one.tokenIds); // the same search over the same weights
            std::vector<std::string> words;
            std::vector<int> counts;
            std::vector<float> probabilities;
            std::vector<std::vector<float>> maps;
            for (std::size_t i = 0; i < one.words.size(); ++i) {
                const std::string &piece = one.words[i];
                const bool starts = piece.rfind(mark, 0) == 0 || piece.rfind('<', 0) == 0 || words.empty() || words.back().rfind('<', 0) == 0;
                std::vector<float> grid = one.attention.grid(int(i), LayerChoice::meanOfAll(), HeadChoice::meanOfAll());
                if (starts) {
                    words.push_back(piece.rfind(mark, 0) == 0 ? piece.substr(mark.size()) : piece);
                    counts.push_back(1);
                    probabilities.push_back(one.probabilities[i]);
                    maps.push_back(grid);
                } else {
                    words.back() += piece;
                    ++counts.back();
                    probabilities.back() *= one.probabilities[i];
                    for (std::size_t c = 0; c < grid.size(); ++c) maps.back()[c] += grid[c];
                }
            }
            QCOMPARE(result.words, words);
            QCOMPARE(result.tokensPerWord, counts);
            QCOMPARE(result.attention.steps(), int(words.size()));
            for (std::size_t w = 0; w < words.size(); ++w) {
                QVERIFY(std::abs(result.probabilities[w] - probabilities[w]) < 1e-5f * std::max(1.0f, probabilities[w]));
                const std::vector<float> grid = result.attention.grid(int(w), LayerChoice::meanOfAll(), HeadChoice::meanOfAll());
                for (std::size_t c = 0; c < grid.size(); ++c) QVERIFY(std::abs(grid[c] - maps[w][c] / float(counts[w])) < 1e-5f);
                if (counts[w] > 1) ++joinedWords;
            }
        }
        QVERIFY2(joinedWords > 0, "no caption had a word of several pieces: the test shows nothing");
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
        QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("no such file");
        QTest::newRow("a folder") << QStringLiteral("folder") << QStringLiteral("is a folder, not a file");
        QTest::newRow("weights only") << QStringLiteral("weights") << QStringLiteral("not a Snaption model file");
        QTest::newRow("newer format") << QStringLiteral("future") << QStringLiteral("newer than this program");
        QTest::newRow("wrong shape") << QStringLiteral("shape") << QStringLiteral("has shape");
        QTest::newRow("missing tensor") << QStringLiteral("dropped") << QStringLiteral("missing weights");
        QTest::newRow("nan") << QStringLiteral("nan") << QStringLiteral("NaN");
        // A few bytes of JSON describing 100 billion parameters are refused before anything is built.
        QTest::newRow("huge architecture") << QStringLiteral("huge") << QStringLiteral("the configuration describes");
        QTest::newRow("subword model not base64") << QStringLiteral("subwordtext") << QStringLiteral("invalid base64");
        QTest::newRow("subword model not SentencePiece") << QStringLiteral("subwordbytes") << QStringLiteral("not a SentencePiece model");
        QTest::newRow("subword model of other pieces") << QStringLiteral("subwordforeign") << QStringLiteral("pieces are not the vocabulary's tokens");
    }

    void wrongModelFilesAreRejected()
    {
        QFETCH(QString, what);
        QFETCH(QString, message);
        const SafetensorsFile good = SafetensorsFile::read(m_model);
        SafetensorsWriter writer;
        for (const auto &[key, value] : good.metadata()) {
            if (what == QLatin1String("weights") && key == "format") continue;
            std::string text = what == QLatin1String("future") && key == "format_version" ? "99" : value;
            if (what == QLatin1String("huge") && key == "config") {
                ModelConfig huge = ModelConfig::fromJson(value);
                huge.decoder.layers = 64;
                huge.decoder.dim = 8192;
                huge.decoder.heads = 16;
                huge.decoder.feedForward = 65536;
                text = huge.toJson();
            }
            writer.setMetadata(key, text);
        }
        // Base64 by Qt's encoder, not the one under test.
        if (what == QLatin1String("subwordtext")) writer.setMetadata("subword_model", "not base64!");
        if (what == QLatin1String("subwordbytes")) writer.setMetadata("subword_model", QByteArray("\x0a\xff\x01garbage").toBase64().toStdString());
        if (what == QLatin1String("subwordforeign"))
            writer.setMetadata("subword_model", QByteArray::fromStdString(smallSubwordModel().serialized()).toBase64().toStdString());
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
        std::string path = m_dir.filePath(what + QStringLiteral(".safetensors")).toStdString();
        if (what == QLatin1String("missing")) path = "/nonexistent/model.safetensors";
        else if (what == QLatin1String("folder")) path = m_dir.path().toStdString();
        else writer.write(path);
        QString loading;
        try {
            Captioner captioner(path);
            QFAIL("loaded");
        } catch (const Error &error) {
            QVERIFY(error.kind() == ErrorKind::BadModel || error.kind() == ErrorKind::Io);
            QVERIFY2(QString::fromStdString(error.what()).contains(message), error.what());
            loading = QString::fromStdString(error.what());
        }
        // Checking the file's description (snaption-cli info) validates it the same way, with the
        // same message, except for what only the weights' values show.
        if (what == QLatin1String("nan")) {
            QCOMPARE(ModelInfo::check(path).path, path);
            return;
        }
        try {
            ModelInfo::check(path);
            QFAIL("described");
        } catch (const Error &error) {
            QCOMPARE(QString::fromStdString(error.what()), loading);
        }
    }

    // A model that cannot fit this machine is refused before its weights are allocated.
    void modelsTooLargeForTheMachineAreRefused()
    {
        ModelConfig huge = smallConfig();
        huge.decoder.layers = 64;
        huge.decoder.dim = 8192;
        huge.decoder.heads = 16;
        huge.decoder.feedForward = 65536;
        QVERIFY(huge.parameterCount(10) > 100'000'000'000);
        try {
            ModelFactory::createRandom(huge, m_vocabulary, m_dir.filePath(QStringLiteral("huge.safetensors")).toStdString(), {});
            QFAIL("created");
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::InvalidArgument);
            QVERIFY2(QString::fromStdString(error.what()).contains(QLatin1String("of memory, but this machine has")), error.what());
        }
    }

    // Sampling at any temperature the range check lets through gives finite probabilities: at
    // 1e-40 (which overflowed float to inf and aborted) all of it is on the most likely word.
    void samplingAtTinyTemperaturesIsGreedy()
    {
        const Captioner captioner(m_model);
        const RgbImage image = gradient(224, 224, 6);
        const std::vector<std::int64_t> greedy = captioner.caption(image, DecodingOptions::greedy()).tokenIds;
        QCOMPARE(captioner.caption(image, DecodingOptions::sample(0, 1e-40f, 7)).tokenIds, greedy);
        QCOMPARE(captioner.caption(image, DecodingOptions::sample(3, 1e-30f, 1)).tokenIds, greedy);
        const CaptionResult hot = captioner.caption(image, DecodingOptions::sample(0, 100.0f, 1));
        for (const float p : hot.probabilities) QVERIFY(std::isfinite(p) && p >= 0 && p <= 1);
    }

    // One bad image costs only its own caption.
    void captionEachReportsOnlyTheFailingImage()
    {
        const Captioner captioner(m_model);
        RgbImage broken(10, 10);
        broken.pixels.resize(7); // a buffer that does not match its size
        const std::vector<RgbImage> images{gradient(224, 224, 1), broken, gradient(300, 200, 2)};
        const std::vector<Captioner::Attempt> attempts = captioner.captionEach(images, DecodingOptions::greedy());
        QCOMPARE(attempts.size(), std::size_t(3));
        QVERIFY(attempts[0].result && attempts[2].result && !attempts[1].result);
        QVERIFY2(QString::fromStdString(attempts[1].error).contains(QLatin1String("pixel buffer")), attempts[1].error.c_str());
        QCOMPARE(attempts[0].result->tokenIds, captioner.caption(images[0], DecodingOptions::greedy()).tokenIds);
        QCOMPARE(attempts[2].result->tokenIds, captioner.caption(images[2], DecodingOptions::greedy()).tokenIds);
        QVERIFY_THROWS_EXCEPTION(Error, captioner.captionEach(images, DecodingOptions::beam(0)));
    }

    // A 12-megapixel photo is shrunk in 8 bits before the float resize: its caption is the one of
    // the exact area average (computed here in doubles), within rounding.
    void largePhotosGiveTheCaptionOfTheExactResize()
    {
        const int width = 18 * 224, height = 14 * 224; // 12.6 MP, whole blocks of 18 x 14
        RgbImage photo(width, height);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) {
                std::uint8_t *p = photo.row(y) + 3 * x;
                p[0] = std::uint8_t((x / 9 + y / 31) % 256);
                p[1] = std::uint8_t((x * 7 + y * 3) % 251);
                p[2] = std::uint8_t(((x / 200 + y / 150) % 2) * 180 + (x + y) % 60);
            }
        RgbImage exact(224, 224);
        for (int y = 0; y < 224; ++y)
            for (int x = 0; x < 224; ++x)
                for (int c = 0; c < 3; ++c) {
                    double sum = 0;
                    for (int dy = 0; dy < 14; ++dy)
                        for (int dx = 0; dx < 18; ++dx) sum += photo.row(y * 14 + dy)[3 * (x * 18 + dx) + c];
                    exact.row(y)[3 * x + c] = std::uint8_t(std::lround(sum / (14 * 18)));
                }
        const Captioner captioner(m_model);
        const CaptionResult big = captioner.caption(photo, DecodingOptions::greedy());
        const CaptionResult small = captioner.caption(exact, DecodingOptions::greedy());
        QCOMPARE(big.tokenIds, small.tokenIds);
        for (std::size_t i = 0; i < big.probabilities.size(); ++i)
            QVERIFY2(std::abs(big.probabilities[i] - small.probabilities[i]) < 0.01, qPrintable(QString::number(i)));
    }
};

QTEST_GUILESS_MAIN(TestCaptioner)
#include "tst_captioner.moc"
