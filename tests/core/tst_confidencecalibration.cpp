// A model's confidence calibration: its levels, its JSON in the model file (and what is refused
// there), storing it into an existing model file, and the Captioner's confidence from it.
#include <snaption/captioner.h>
#include <snaption/captionresult.h>
#include <snaption/confidencecalibration.h>
#include <snaption/error.h>
#include <snaption/modelfactory.h>
#include <snaption/safetensorsfile.h>
#include <snaption/safetensorswriter.h>

#include "testsupport.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <limits>

using namespace snaption;

namespace {

ConfidenceCalibration calibrationAt(double threshold)
{
    ConfidenceCalibration calibration;
    calibration.unsureBelow = threshold;
    calibration.fitted = {"dev", "beam 3", 1000, 0.25, 0.6, 0.2};
    return calibration;
}

// The model file with one metadata entry replaced (or removed, for an empty value).
void rewriteMetadata(const std::string &from, const std::string &to, const std::string &key, const std::string &value)
{
    const SafetensorsFile file = SafetensorsFile::read(from);
    SafetensorsWriter writer;
    for (const auto &[name, text] : file.metadata())
        if (name != key) writer.setMetadata(name, text);
    if (!value.empty()) writer.setMetadata(key, value);
    for (const auto &entry : file.entries()) writer.addTensor(entry.name, entry.dtype, entry.shape, file.data(entry), std::size_t(entry.end - entry.begin));
    writer.write(to);
}

RgbImage stripes(int seed)
{
    RgbImage image(96, 80);
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            std::uint8_t *p = image.row(y) + 3 * x;
            p[0] = std::uint8_t((x * 7 + seed * 50) % 256);
            p[1] = std::uint8_t((y * 3) % 256);
            p[2] = std::uint8_t(((x / 8 + y / 8) % 2) ? 220 : 30);
        }
    return image;
}

} // namespace

class TestConfidenceCalibration : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_model;

private Q_SLOTS:
    void initTestCase()
    {
        m_model = m_dir.filePath(QStringLiteral("small.safetensors")).toStdString();
        ModelConfig config;
        config.encoder.name = EncoderConfig::kMobileNetV2;
        config.decoder.layers = 1;
        config.decoder.dim = 32;
        config.decoder.heads = 2;
        config.decoder.feedForward = 64;
        config.decoder.contextLength = 8;
        ModelFactory::Options options;
        options.seed = 5;
        ModelFactory::createRandom(config, Vocabulary::fromCaptions({"a dog runs on the grass", "two cats sleep"}), m_model, options);
    }

    void levelsFollowTheThresholdOfTheirMeasure()
    {
        ConfidenceCalibration calibration = calibrationAt(-1.5);
        const auto mean = [](double value) { return CaptionScoreMeasures{value, -9.0}; };
        QCOMPARE(calibration.levelOf(mean(-1.6)), CaptionConfidence::Unsure);
        QCOMPARE(calibration.levelOf(mean(-1.5)), CaptionConfidence::Confident);
        QCOMPARE(calibration.levelOf(mean(-0.2)), CaptionConfidence::Confident);
        QCOMPARE(calibration.levelOf(mean(std::numeric_limits<double>::quiet_NaN())), CaptionConfidence::Unknown);
        calibration.measure = ConfidenceCalibration::Measure::LowestWordLogProbability;
        QCOMPARE(calibration.levelOf({-0.2, -1.6}), CaptionConfidence::Unsure);
        QCOMPARE(calibration.levelOf({-3.0, -1.4}), CaptionConfidence::Confident);
        QCOMPARE(ConfidenceCalibration{}.levelOf(mean(-9.0)), CaptionConfidence::Unknown); // no threshold found
        QCOMPARE(confidenceName(CaptionConfidence::Unsure), std::string("unsure"));
        QCOMPARE(confidenceName(CaptionConfidence::Confident), std::string("confident"));
        QCOMPARE(confidenceName(CaptionConfidence::Unknown), std::string("unknown"));
    }

    void aCaptionsMeasuresComeFromItsProbabilities()
    {
        CaptionResult result;
        result.score = -0.7;
        result.probabilities = {0.9f, 0.05f, 0.6f};
        QCOMPARE(result.scoreMeasures().meanLogProbability, -0.7);
        QVERIFY(std::abs(result.scoreMeasures().lowestWordLogProbability - std::log(0.05)) < 1e-6);
        result.probabilities.clear(); // no words: the mean stands in
        QCOMPARE(result.scoreMeasures().lowestWordLogProbability, -0.7);
    }

    void jsonRoundTrips()
    {
        ConfidenceCalibration lowest = calibrationAt(-3.5);
        lowest.measure = ConfidenceCalibration::Measure::LowestWordLogProbability;
        for (const ConfidenceCalibration &original : {calibrationAt(-1.25), ConfidenceCalibration{}, lowest}) {
            const ConfidenceCalibration read = ConfidenceCalibration::fromJson(original.toJson());
            QCOMPARE(read.measure, original.measure);
            QCOMPARE(read.unsureBelow.has_value(), original.unsureBelow.has_value());
            if (original.unsureBelow) QCOMPARE(*read.unsureBelow, *original.unsureBelow);
            QCOMPARE(read.maxRatio, original.maxRatio);
            QCOMPARE(read.fitted.split, original.fitted.split);
            QCOMPARE(read.fitted.decoding, original.fitted.decoding);
            QCOMPARE(read.fitted.captions, original.fitted.captions);
            QCOMPARE(read.fitted.unsureShare, original.fitted.unsureShare);
            QCOMPARE(read.fitted.confidentMeanCiderD, original.fitted.confidentMeanCiderD);
            QCOMPARE(read.fitted.unsureMeanCiderD, original.fitted.unsureMeanCiderD);
        }
    }

    void malformedJsonIsRefused_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        const QString good = QString::fromStdString(calibrationAt(-1.0).toJson());
        const auto with = [&](const QString &from, const QString &to) { return QString(good).replace(from, to); };
        QTest::newRow("not JSON") << QStringLiteral("{unsure") << QStringLiteral("not a JSON object");
        QTest::newRow("an array") << QStringLiteral("[1, 2]") << QStringLiteral("not a JSON object");
        QTest::newRow("another measure") << with(QStringLiteral("mean_log_probability"), QStringLiteral("entropy")) << QStringLiteral("\"entropy\"");
        QTest::newRow("threshold above 0") << with(QStringLiteral("\"unsure_below\":-1.0"), QStringLiteral("\"unsure_below\":2.5")) << QStringLiteral("above 0");
        QTest::newRow("threshold a string") << with(QStringLiteral("\"unsure_below\":-1.0"), QStringLiteral("\"unsure_below\":\"low\"")) << QStringLiteral("unsure_below");
        QTest::newRow("share above 1") << with(QStringLiteral("\"unsure_share\":0.25"), QStringLiteral("\"unsure_share\":7")) << QStringLiteral("unsure_share");
        QTest::newRow("count negative") << with(QStringLiteral("\"captions\":1000"), QStringLiteral("\"captions\":-4")) << QStringLiteral("caption count");
        QTest::newRow("mean missing") << with(QStringLiteral("\"unsure_mean_cider_d\""), QStringLiteral("\"other\"")) << QStringLiteral("unsure_mean_cider_d");
    }

    void malformedJsonIsRefused()
    {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        QVERIFY2(json.contains(QStringLiteral("{")) || json.startsWith(QLatin1Char('[')), qPrintable(json));
        try {
            ConfidenceCalibration::fromJson(json.toStdString());
            QFAIL(qPrintable(QStringLiteral("accepted: ") + json));
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::BadModel);
            QVERIFY2(QString::fromUtf8(error.what()).contains(expected), error.what());
        }
    }

    // Stored into an existing file: the tensors and other metadata stay as they were, the
    // header says it, and a Captioner marks its captions by it.
    void storedCalibrationDecidesTheCaptionsConfidence()
    {
        const std::string path = m_dir.filePath(QStringLiteral("calibrated.safetensors")).toStdString();
        QVERIFY(QFile::copy(QString::fromStdString(m_model), QString::fromStdString(path)));
        CaptionScoreMeasures measures;
        {
            const Captioner captioner(path);
            QVERIFY(!captioner.info().calibration);
            const CaptionResult result = captioner.caption(stripes(1));
            QCOMPARE(result.confidence, CaptionConfidence::Unknown);
            measures = result.scoreMeasures();
            QVERIFY(measures.meanLogProbability < 0);
        }
        const double score = measures.meanLogProbability;
        calibrationAt(score + 0.01).storeIn(path);
        const SafetensorsFile before = SafetensorsFile::read(m_model), after = SafetensorsFile::read(path);
        QCOMPARE(after.entries().size(), before.entries().size());
        for (const auto &entry : before.entries()) {
            const auto *stored = after.find(entry.name);
            QVERIFY(stored);
            QCOMPARE(stored->shape, entry.shape);
            QCOMPARE(std::memcmp(after.data(*stored), before.data(entry), std::size_t(entry.end - entry.begin)), 0);
        }
        for (const auto &[key, value] : before.metadata()) QCOMPARE(after.metadata().at(key), value);
        QCOMPARE(ModelInfo::read(path).calibration->unsureBelow.value(), score + 0.01);
        QCOMPARE(Captioner(path).caption(stripes(1)).confidence, CaptionConfidence::Unsure);
        QVERIFY(QString::fromStdString(ModelInfo::read(path).toJson()).contains(QStringLiteral("\"unsure_below\"")));

        calibrationAt(score - 0.01).storeIn(path); // a second calibration replaces the first
        QCOMPARE(Captioner(path).caption(stripes(1)).confidence, CaptionConfidence::Confident);
        QCOMPARE(Captioner(path).captionBatch({stripes(1)}).front().confidence, CaptionConfidence::Confident);
        ConfidenceCalibration byWord = calibrationAt(measures.lowestWordLogProbability + 0.01);
        byWord.measure = ConfidenceCalibration::Measure::LowestWordLogProbability;
        byWord.storeIn(path);
        QCOMPARE(Captioner(path).caption(stripes(1)).confidence, CaptionConfidence::Unsure);
    }

    void storingIntoWhatIsNoModelChangesNothing()
    {
        const QString plain = m_dir.filePath(QStringLiteral("plain.safetensors"));
        SafetensorsWriter writer;
        const float value = 1.0f;
        writer.addTensor("weight", TensorDType::F32, {1}, &value, sizeof value);
        writer.write(plain.toStdString());
        const QByteArray bytes = test::readBytes(plain);
        try {
            calibrationAt(-1).storeIn(plain.toStdString());
            QFAIL("a plain weights file took a calibration");
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::BadModel);
        }
        QCOMPARE(test::readBytes(plain), bytes);
        try {
            calibrationAt(-1).storeIn(m_dir.filePath(QStringLiteral("missing.safetensors")).toStdString());
            QFAIL("a missing file took a calibration");
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::Io);
        }
    }

    void aModelWithABrokenCalibrationIsRefusedByName()
    {
        const std::string broken = m_dir.filePath(QStringLiteral("broken.safetensors")).toStdString();
        rewriteMetadata(m_model, broken, ConfidenceCalibration::kMetadataKey, R"({"measure": "mean_log_probability", "unsure_below": "x"})");
        try {
            ModelInfo::read(broken);
            QFAIL("a broken calibration was read");
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::BadModel);
            QVERIFY2(QString::fromUtf8(error.what()).contains(QStringLiteral("broken.safetensors")), error.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestConfidenceCalibration)
#include "tst_confidencecalibration.moc"
