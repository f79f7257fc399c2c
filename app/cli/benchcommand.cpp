#include "benchcommand.h"

#include "clioutput.h"
#include "samplestatistics.h"

#include <snaption/captioner.h>
#include <snaption/error.h>
#include <snaption/imageloader.h>
#include <snaption/imagewriter.h>
#include <snaption/threading.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cmath>
#include <fstream>

namespace snaption::cli {
namespace {

struct EncodedImage {
    QString name;
    std::vector<std::uint8_t> bytes;
};

struct ModeSamples {
    QString key;
    DecodingOptions options;
    std::vector<double> decode, preprocess, encoder, decoder, perToken, total, tokens;
};

double memoryMegabytes(const char *field)
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind(field, 0) == 0) return std::stod(line.substr(std::string(field).size())) / 1024.0;
    }
    return 0;
}

double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// A 224 x 224 photo-like test card (sky gradient, sun, ground) when no image is given.
RgbImage testCard()
{
    RgbImage image(224, 224);
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            std::uint8_t *p = image.row(y) + 3 * x;
            const bool ground = y > 150 + int(10 * std::sin(x / 20.0));
            const bool sun = (x - 160) * (x - 160) + (y - 60) * (y - 60) < 400;
            p[0] = ground ? 60 : (sun ? 250 : std::uint8_t(90 + y / 3));
            p[1] = ground ? std::uint8_t(140 + (x % 7)) : (sun ? 220 : std::uint8_t(140 + y / 4));
            p[2] = ground ? 50 : (sun ? 80 : 230);
        }
    }
    return image;
}

std::vector<std::uint8_t> readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) throw Error(ErrorKind::Io, path.toStdString() + ": cannot open");
    const QByteArray data = file.readAll();
    return std::vector<std::uint8_t>(data.begin(), data.end());
}

QJsonObject statisticsJson(const std::vector<double> &samples)
{
    const SampleStatistics s = SampleStatistics::of(samples);
    return QJsonObject{{QStringLiteral("min"), s.min}, {QStringLiteral("median"), s.median}, {QStringLiteral("p95"), s.p95}};
}

} // namespace

int BenchCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    parser.addHelpOption();
    parser.addOption({QStringLiteral("model"), tr("The model file."), tr("file")});
    parser.addOption({QStringLiteral("runs"), tr("Measured runs per mode (default 20)."), tr("n"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("warmup"), tr("Unmeasured runs first (default 2)."), tr("n"), QStringLiteral("2")});
    parser.addOption({QStringLiteral("batch"), tr("Images per batch for the throughput test (default 8)."), tr("n"), QStringLiteral("8")});
    parser.addOption({QStringLiteral("sequence"), tr("Images captioned in a row for the memory test (default 100, 0 = skip)."), tr("n"),
                      QStringLiteral("100")});
    parser.addOption({QStringLiteral("precision"), tr("Decoder weights: fp32 (exact) or int8 (faster; default %1).").arg(QStringLiteral("fp32")), tr("type"),
                      QStringLiteral("fp32")});
    parser.addOption({QStringLiteral("modes"), tr("Comma-separated modes to measure (default: all of greedy, beam3, greedy_nocache, beam3_nocache)."),
                      tr("list"), QStringLiteral("greedy,beam3,greedy_nocache,beam3_nocache")});
    parser.addOption({QStringLiteral("json"), tr("Print the results as one JSON object.")});
    parser.addPositionalArgument(QStringLiteral("images"), tr("Images to use (default: a generated 224 x 224 test card)."), tr("[IMAGE...]"));
    if (!CliOutput::parse(parser, arguments)) return kUsage;
    bool ok[4] = {};
    const int runs = parser.value(QStringLiteral("runs")).toInt(&ok[0]);
    const int warmup = parser.value(QStringLiteral("warmup")).toInt(&ok[1]);
    const int batchSize = parser.value(QStringLiteral("batch")).toInt(&ok[2]);
    const int sequence = parser.value(QStringLiteral("sequence")).toInt(&ok[3]);
    if (!parser.isSet(QStringLiteral("model")) || !ok[0] || !ok[1] || !ok[2] || !ok[3] || runs < 1 || runs > 100000 || warmup < 0 ||
        warmup > 100000 || batchSize < 1 || batchSize > 256 || sequence < 0 || sequence > 1000000) {
        CliOutput::error(tr("--model is required; --runs is 1 to 100000, --warmup 0 to 100000, --batch 1 to 256, --sequence 0 to 1000000"));
        return kUsage;
    }

    const auto precision = precisionFromName(parser.value(QStringLiteral("precision")).toStdString());
    if (!precision) {
        CliOutput::error(tr("--precision must be fp32 or int8"));
        return kUsage;
    }
    try {
        const Captioner captioner(parser.value(QStringLiteral("model")).toStdString(), *precision);
        const ImageLoader loader;
        std::vector<EncodedImage> inputs;
        for (const QString &path : parser.positionalArguments()) inputs.push_back({path, readBytes(path)});
        if (inputs.empty()) {
            QTemporaryDir folder;
            const QString path = folder.filePath(QStringLiteral("test-card.png"));
            writeImage(testCard(), path.toStdString());
            inputs.push_back({tr("generated test card"), readBytes(path)});
        }
        const double rssAtStart = memoryMegabytes("VmRSS:");

        std::vector<ModeSamples> modes{{QStringLiteral("greedy"), DecodingOptions::greedy(), {}, {}, {}, {}, {}, {}, {}},
                                       {QStringLiteral("beam3"), DecodingOptions::beam(3), {}, {}, {}, {}, {}, {}, {}},
                                       {QStringLiteral("greedy_nocache"), DecodingOptions::greedy(), {}, {}, {}, {}, {}, {}, {}},
                                       {QStringLiteral("beam3_nocache"), DecodingOptions::beam(3), {}, {}, {}, {}, {}, {}, {}}};
        modes[2].options.useKvCache = false;
        modes[3].options.useKvCache = false;
        const QStringList selected = parser.value(QStringLiteral("modes")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &name : selected) {
            if (std::none_of(modes.begin(), modes.end(), [&](const ModeSamples &m) { return m.key == name; })) {
                CliOutput::error(tr("unknown mode \"%1\"").arg(name));
                return kUsage;
            }
        }
        modes.erase(std::remove_if(modes.begin(), modes.end(), [&](const ModeSamples &m) { return !selected.contains(m.key); }), modes.end());
        for (ModeSamples &mode : modes) {
            for (int run = -warmup; run < runs; ++run) {
                const EncodedImage &input = inputs[std::size_t(std::max(run, 0)) % inputs.size()];
                QElapsedTimer timer;
                timer.start();
                const RgbImage image = loader.decode(input.bytes, input.name.toStdString());
                const double decodeMs = elapsedMs(timer);
                const CaptionResult result = captioner.caption(image, mode.options);
                const double totalMs = elapsedMs(timer);
                if (run < 0) continue;
                mode.decode.push_back(decodeMs);
                mode.preprocess.push_back(result.timings.preprocessMs);
                mode.encoder.push_back(result.timings.encoderMs);
                mode.decoder.push_back(result.timings.decoderMs);
                mode.perToken.push_back(result.timings.perTokenMs());
                mode.total.push_back(totalMs);
                mode.tokens.push_back(result.timings.generatedTokens);
            }
        }

        // Throughput: a batch of decoded images captioned together.
        std::vector<RgbImage> batch;
        for (int i = 0; i < batchSize; ++i) {
            const EncodedImage &input = inputs[std::size_t(i) % inputs.size()];
            batch.push_back(loader.decode(input.bytes, input.name.toStdString()));
        }
        const auto throughput = [&](const DecodingOptions &options) {
            std::vector<double> rates;
            const int batchRuns = std::max(3, runs / 4);
            for (int run = -1; run < batchRuns; ++run) {
                QElapsedTimer timer;
                timer.start();
                captioner.captionBatch(batch, options);
                if (run >= 0) rates.push_back(double(batchSize) / (elapsedMs(timer) / 1000.0));
            }
            return SampleStatistics::of(rates).median;
        };
        const double beamImagesPerSecond = throughput(DecodingOptions::beam(3));
        const double greedyImagesPerSecond = throughput(DecodingOptions::greedy());

        // Memory over a run of images, as a folder would be captioned.
        double rssAfterFirst = 0, rssAfterLast = 0;
        for (int i = 0; i < sequence; ++i) {
            const EncodedImage &input = inputs[std::size_t(i) % inputs.size()];
            captioner.caption(loader.decode(input.bytes, input.name.toStdString()));
            if (i == 0) rssAfterFirst = memoryMegabytes("VmRSS:");
            rssAfterLast = memoryMegabytes("VmRSS:");
        }
        const double peakRss = memoryMegabytes("VmHWM:");

        const ModelInfo &info = captioner.info();
        const auto median = [](const std::vector<double> &v) { return SampleStatistics::of(v).median; };
        QJsonObject json{
            {QStringLiteral("model"), QString::fromStdString(info.path)},
            {QStringLiteral("architecture"), QString::fromStdString(info.config.architecture)},
            {QStringLiteral("encoder"), QString::fromStdString(info.config.encoder.name)},
            {QStringLiteral("parameters"), qint64(info.parameterCount)},
            {QStringLiteral("vocab_size"), qint64(info.vocabulary.size())},
            {QStringLiteral("threads"), configuredThreads()},
            {QStringLiteral("precision"), QString::fromLatin1(precisionName(*precision))},
            {QStringLiteral("runs"), runs},
            {QStringLiteral("images"), int(inputs.size())},
            {QStringLiteral("batch_size"), batchSize},
            {QStringLiteral("batch_images_per_s"), beamImagesPerSecond},
            {QStringLiteral("batch_greedy_images_per_s"), greedyImagesPerSecond},
            {QStringLiteral("rss_at_start_mb"), rssAtStart},
            {QStringLiteral("sequence_images"), sequence},
            {QStringLiteral("rss_after_first_mb"), rssAfterFirst},
            {QStringLiteral("rss_after_last_mb"), rssAfterLast},
            {QStringLiteral("peak_rss_mb"), peakRss},
        };
        // Decoder time without the cache over decoder time with it.
        const auto speedup = [&](const QString &cached) {
            const auto find = [&](const QString &key) {
                return std::find_if(modes.begin(), modes.end(), [&](const ModeSamples &m) { return m.key == key; });
            };
            const auto with = find(cached), without = find(cached + QStringLiteral("_nocache"));
            return with == modes.end() || without == modes.end() ? 0.0 : median(without->decoder) / median(with->decoder);
        };
        json[QStringLiteral("kv_cache_speedup_greedy")] = speedup(QStringLiteral("greedy"));
        json[QStringLiteral("kv_cache_speedup_beam3")] = speedup(QStringLiteral("beam3"));
        for (const ModeSamples &mode : modes) {
            const SampleStatistics total = SampleStatistics::of(mode.total);
            json[mode.key + QStringLiteral("_median_ms")] = total.median;
            json[mode.key + QStringLiteral("_min_ms")] = total.min;
            json[mode.key + QStringLiteral("_p95_ms")] = total.p95;
            json[mode.key + QStringLiteral("_tokens")] = median(mode.tokens);
            json[mode.key + QStringLiteral("_stages_ms")] = QJsonObject{
                {QStringLiteral("decode"), statisticsJson(mode.decode)},
                {QStringLiteral("preprocess"), statisticsJson(mode.preprocess)},
                {QStringLiteral("encoder"), statisticsJson(mode.encoder)},
                {QStringLiteral("decoder"), statisticsJson(mode.decoder)},
                {QStringLiteral("decoder_per_token"), statisticsJson(mode.perToken)},
            };
        }
        if (parser.isSet(QStringLiteral("json"))) {
            CliOutput::out() << QJsonDocument(json).toJson(QJsonDocument::Compact) << Qt::endl;
            return kSuccess;
        }

        QTextStream &out = CliOutput::out();
        out << tr("Model %1 (%2, %3 parameters, %4 decoder weights), %5 threads, %6 runs per mode")
                   .arg(QString::fromStdString(info.path), QString::fromStdString(info.config.encoder.name))
                   .arg(info.parameterCount)
                   .arg(QString::fromLatin1(precisionName(*precision)))
                   .arg(configuredThreads())
                   .arg(runs)
            << Qt::endl;
        out << tr("mode             total ms (min/median/p95)   decode  preproc  encoder  decoder  per token  tokens") << Qt::endl;
        for (const ModeSamples &mode : modes) {
            const SampleStatistics total = SampleStatistics::of(mode.total);
            out << QStringLiteral("%1 %2 / %3 / %4   %5  %6  %7  %8  %9  %10")
                       .arg(mode.key, -16)
                       .arg(total.min, 7, 'f', 1)
                       .arg(total.median, 7, 'f', 1)
                       .arg(total.p95, 7, 'f', 1)
                       .arg(median(mode.decode), 6, 'f', 2)
                       .arg(median(mode.preprocess), 7, 'f', 2)
                       .arg(median(mode.encoder), 7, 'f', 2)
                       .arg(median(mode.decoder), 7, 'f', 2)
                       .arg(median(mode.perToken), 9, 'f', 3)
                       .arg(median(mode.tokens), 6, 'f', 0)
                << Qt::endl;
        }
        if (json[QStringLiteral("kv_cache_speedup_greedy")].toDouble() > 0 || json[QStringLiteral("kv_cache_speedup_beam3")].toDouble() > 0)
            out << tr("KV cache speed-up of the decoder: greedy %1x, beam 3 %2x")
                       .arg(json[QStringLiteral("kv_cache_speedup_greedy")].toDouble(), 0, 'f', 1)
                       .arg(json[QStringLiteral("kv_cache_speedup_beam3")].toDouble(), 0, 'f', 1)
                << Qt::endl;
        out << tr("Batches of %1: beam 3 %2 images/s, greedy %3 images/s")
                   .arg(batchSize)
                   .arg(beamImagesPerSecond, 0, 'f', 1)
                   .arg(greedyImagesPerSecond, 0, 'f', 1)
            << Qt::endl;
        if (sequence > 0)
            out << tr("Memory: %1 images in a row, RSS %2 MB after the first, %3 MB after the last, peak %4 MB")
                       .arg(sequence)
                       .arg(rssAfterFirst, 0, 'f', 0)
                       .arg(rssAfterLast, 0, 'f', 0)
                       .arg(peakRss, 0, 'f', 0)
                << Qt::endl;
    } catch (const Error &error) {
        CliOutput::error(QString::fromStdString(error.what()));
        return kFailure;
    }
    return kSuccess;
}

} // namespace snaption::cli
