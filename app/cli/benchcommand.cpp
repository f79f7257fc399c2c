#include "benchcommand.h"

#include "clioutput.h"
#include "memorybandwidth.h"
#include "samplestatistics.h"

#include <snaption/captioner.h>
#include <snaption/error.h>
#include <snaption/imageloader.h>
#include <snaption/imagewriter.h>
#include <snaption/simdkernel.h>
#include <snaption/threading.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
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

double median(const std::vector<double> &samples)
{
    return SampleStatistics::of(samples).median;
}

// What one bench run measured: the model, the settings, and the numbers. The JSON object and
// the text table are two views of it.
struct BenchReport {
    ModelInfo info;
    WeightPrecision precision = WeightPrecision::Float32;
    int runs = 0, images = 0, batchSize = 0, sequence = 0;
    std::vector<ModeSamples> modes;
    double beamImagesPerSecond = 0, greedyImagesPerSecond = 0;
    double rssAtStart = 0, rssAfterFirst = 0, rssAfterLast = 0, peakRss = 0;
    double memcpyGbPerSecond = 0;
    double stepMs = 0; // one greedy decoding step of one image (0: greedy not measured)
};

// Bytes of weights one decoding step reads: every decoder layer's projections (the memory's keys
// and values are computed once per image) and the vocabulary projection.
double decoderStepWeightBytes(const ModelInfo &info, WeightPrecision precision)
{
    const DecoderConfig &d = info.config.decoder;
    const double dim = d.dim, perLayer = 6 * dim * dim + 2 * dim * d.feedForward;
    const double weights = d.layers * perLayer + double(info.vocabulary.size()) * dim;
    return weights * (precision == WeightPrecision::Int8 ? 1.0 : 4.0);
}

// The decoding step's weight traffic per second of its time.
double stepWeightGbPerSecond(const BenchReport &r)
{
    return r.stepMs > 0 ? decoderStepWeightBytes(r.info, r.precision) / (r.stepMs / 1000.0) / 1e9 : 0.0;
}


// The modes asked for, in the fixed order; empty with `unknown` set for a name that is none.
std::vector<ModeSamples> selectModes(const QStringList &names, QString &unknown)
{
    std::vector<ModeSamples> modes{{QStringLiteral("greedy"), DecodingOptions::greedy(), {}, {}, {}, {}, {}, {}, {}},
                                   {QStringLiteral("beam3"), DecodingOptions::beam(3), {}, {}, {}, {}, {}, {}, {}},
                                   {QStringLiteral("greedy_nocache"), DecodingOptions::greedy(), {}, {}, {}, {}, {}, {}, {}},
                                   {QStringLiteral("beam3_nocache"), DecodingOptions::beam(3), {}, {}, {}, {}, {}, {}, {}}};
    modes[2].options.useKvCache = false;
    modes[3].options.useKvCache = false;
    for (const QString &name : names) {
        if (std::none_of(modes.begin(), modes.end(), [&](const ModeSamples &m) { return m.key == name; })) {
            unknown = name;
            return {};
        }
    }
    modes.erase(std::remove_if(modes.begin(), modes.end(), [&](const ModeSamples &m) { return !names.contains(m.key); }), modes.end());
    return modes;
}

// The images' file bytes (decoding is part of what is timed), or a generated test card.
std::vector<EncodedImage> readInputs(const QStringList &paths)
{
    std::vector<EncodedImage> inputs;
    for (const QString &path : paths) inputs.push_back({path, readBytes(path)});
    if (inputs.empty()) {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("test-card.png"));
        writeImage(testCard(), path.toStdString());
        inputs.push_back({BenchCommand::tr("generated test card"), readBytes(path)});
    }
    return inputs;
}

// Latency per stage: each mode captions the images one at a time, after unmeasured warm-up runs.
void measureLatency(const Captioner &captioner, const std::vector<EncodedImage> &inputs, int warmup, int runs, ModeSamples &mode)
{
    const ImageLoader loader;
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

// One greedy decoding step: the greedy decoder's median time less its median time for the first
// word alone, over the words between. What the decoder does once per image (the image memory's
// keys and values for every layer) is not part of a step; per-token averages include it.
double measureStepMs(const Captioner &captioner, const std::vector<EncodedImage> &inputs, int warmup, int runs, const ModeSamples &greedy)
{
    ModeSamples firstWord{QStringLiteral("greedy_first_word"), DecodingOptions::greedy(), {}, {}, {}, {}, {}, {}, {}};
    firstWord.options.maxTokens = 1;
    measureLatency(captioner, inputs, warmup, runs, firstWord);
    const double steps = median(greedy.tokens) - 1;
    return steps > 0 ? std::max(0.0, median(greedy.decoder) - median(firstWord.decoder)) / steps : 0.0;
}

// Throughput: the median images per second of a batch of decoded images captioned together.
double measureThroughput(const Captioner &captioner, const std::vector<RgbImage> &batch, int runs, const DecodingOptions &options)
{
    std::vector<double> rates;
    const int batchRuns = std::max(3, runs / 4);
    for (int run = -1; run < batchRuns; ++run) {
        QElapsedTimer timer;
        timer.start();
        captioner.captionBatch(batch, options);
        if (run >= 0) rates.push_back(double(batch.size()) / (elapsedMs(timer) / 1000.0));
    }
    return median(rates);
}

// Memory over a run of images, as a folder would be captioned.
void measureMemory(const Captioner &captioner, const std::vector<EncodedImage> &inputs, BenchReport &report)
{
    const ImageLoader loader;
    for (int i = 0; i < report.sequence; ++i) {
        const EncodedImage &input = inputs[std::size_t(i) % inputs.size()];
        captioner.caption(loader.decode(input.bytes, input.name.toStdString()));
        if (i == 0) report.rssAfterFirst = memoryMegabytes("VmRSS:");
        report.rssAfterLast = memoryMegabytes("VmRSS:");
    }
    report.peakRss = memoryMegabytes("VmHWM:");
}

// Decoder time without the cache over decoder time with it (0 when either was not measured).
double kvCacheSpeedup(const std::vector<ModeSamples> &modes, const QString &cached)
{
    const auto find = [&](const QString &key) { return std::find_if(modes.begin(), modes.end(), [&](const ModeSamples &m) { return m.key == key; }); };
    const auto with = find(cached), without = find(cached + QStringLiteral("_nocache"));
    return with == modes.end() || without == modes.end() ? 0.0 : median(without->decoder) / median(with->decoder);
}

QJsonObject reportJson(const BenchReport &r)
{
    QJsonObject json{
        {QStringLiteral("model"), QString::fromStdString(r.info.path)},
        {QStringLiteral("architecture"), QString::fromStdString(r.info.config.architecture)},
        {QStringLiteral("encoder"), QString::fromStdString(r.info.config.encoder.name)},
        {QStringLiteral("parameters"), qint64(r.info.parameterCount)},
        {QStringLiteral("vocab_size"), qint64(r.info.vocabulary.size())},
        {QStringLiteral("threads"), configuredThreads()},
        {QStringLiteral("precision"), QString::fromLatin1(precisionName(r.precision))},
        {QStringLiteral("runs"), r.runs},
        {QStringLiteral("images"), r.images},
        {QStringLiteral("batch_size"), r.batchSize},
        {QStringLiteral("batch_images_per_s"), r.beamImagesPerSecond},
        {QStringLiteral("batch_greedy_images_per_s"), r.greedyImagesPerSecond},
        {QStringLiteral("rss_at_start_mb"), r.rssAtStart},
        {QStringLiteral("sequence_images"), r.sequence},
        {QStringLiteral("rss_after_first_mb"), r.rssAfterFirst},
        {QStringLiteral("rss_after_last_mb"), r.rssAfterLast},
        {QStringLiteral("peak_rss_mb"), r.peakRss},
        {QStringLiteral("kv_cache_speedup_greedy"), kvCacheSpeedup(r.modes, QStringLiteral("greedy"))},
        {QStringLiteral("kv_cache_speedup_beam3"), kvCacheSpeedup(r.modes, QStringLiteral("beam3"))},
        {QStringLiteral("simd"), QString::fromStdString(activeSimdKernel())},
        {QStringLiteral("decoder_weight_mb_per_token"), decoderStepWeightBytes(r.info, r.precision) / 1e6},
        {QStringLiteral("decoder_step_ms"), r.stepMs},
        {QStringLiteral("greedy_weight_gb_per_s"), stepWeightGbPerSecond(r)},
        {QStringLiteral("memcpy_gb_per_s"), r.memcpyGbPerSecond},
    };
    for (const ModeSamples &mode : r.modes) {
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
    return json;
}

void printReport(const BenchReport &r, QTextStream &out)
{
    out << BenchCommand::tr("Model %1 (%2, %3 parameters, %4 decoder weights), %5 threads, %6 runs per mode, %7 kernels")
               .arg(QString::fromStdString(r.info.path), QString::fromStdString(r.info.config.encoder.name))
               .arg(r.info.parameterCount)
               .arg(QString::fromLatin1(precisionName(r.precision)))
               .arg(configuredThreads())
               .arg(r.runs)
               .arg(QString::fromStdString(activeSimdKernel()))
        << Qt::endl;
    out << BenchCommand::tr("mode             total ms (min/median/p95)   decode  preproc  encoder  decoder  per token  tokens") << Qt::endl;
    for (const ModeSamples &mode : r.modes) {
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
    const double greedy = kvCacheSpeedup(r.modes, QStringLiteral("greedy")), beam = kvCacheSpeedup(r.modes, QStringLiteral("beam3"));
    if (greedy > 0 || beam > 0)
        out << BenchCommand::tr("KV cache speed-up of the decoder: greedy %1x, beam 3 %2x").arg(greedy, 0, 'f', 1).arg(beam, 0, 'f', 1) << Qt::endl;
    out << BenchCommand::tr("Batches of %1: beam 3 %2 images/s, greedy %3 images/s")
               .arg(r.batchSize)
               .arg(r.beamImagesPerSecond, 0, 'f', 1)
               .arg(r.greedyImagesPerSecond, 0, 'f', 1)
        << Qt::endl;
    if (const double traffic = stepWeightGbPerSecond(r); traffic > 0)
        out << BenchCommand::tr("Decoder step (greedy, one image): %1 ms, %2 MB of weights read at %3 GB/s; memcpy on %4 threads: %5 GB/s "
                                "(the step takes %6x the time memcpy would)")
                   .arg(r.stepMs, 0, 'f', 3)
                   .arg(decoderStepWeightBytes(r.info, r.precision) / 1e6, 0, 'f', 1)
                   .arg(traffic, 0, 'f', 1)
                   .arg(configuredThreads())
                   .arg(r.memcpyGbPerSecond, 0, 'f', 1)
                   .arg(r.memcpyGbPerSecond / traffic, 0, 'f', 2)
            << Qt::endl;
    if (r.sequence > 0)
        out << BenchCommand::tr("Memory: %1 images in a row, RSS %2 MB after the first, %3 MB after the last, peak %4 MB")
                   .arg(r.sequence)
                   .arg(r.rssAfterFirst, 0, 'f', 0)
                   .arg(r.rssAfterLast, 0, 'f', 0)
                   .arg(r.peakRss, 0, 'f', 0)
            << Qt::endl;
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
    QString unknownMode;
    std::vector<ModeSamples> modes = selectModes(parser.value(QStringLiteral("modes")).split(QLatin1Char(','), Qt::SkipEmptyParts), unknownMode);
    if (!unknownMode.isEmpty()) {
        CliOutput::error(tr("unknown mode \"%1\"").arg(unknownMode));
        return kUsage;
    }
    try {
        const Captioner captioner(parser.value(QStringLiteral("model")).toStdString(), *precision);
        const std::vector<EncodedImage> inputs = readInputs(parser.positionalArguments());
        BenchReport report;
        report.info = captioner.info();
        report.precision = *precision;
        report.runs = runs;
        report.images = int(inputs.size());
        report.batchSize = batchSize;
        report.sequence = sequence;
        report.rssAtStart = memoryMegabytes("VmRSS:");
        for (ModeSamples &mode : modes) measureLatency(captioner, inputs, warmup, runs, mode);
        for (const ModeSamples &mode : modes)
            if (mode.key == QLatin1String("greedy")) report.stepMs = measureStepMs(captioner, inputs, warmup, runs, mode);
        report.memcpyGbPerSecond = memcpyGigabytesPerSecond(configuredThreads());
        report.modes = std::move(modes);
        std::vector<RgbImage> batch;
        for (int i = 0; i < batchSize; ++i) {
            const EncodedImage &input = inputs[std::size_t(i) % inputs.size()];
            batch.push_back(ImageLoader().decode(input.bytes, input.name.toStdString()));
        }
        report.beamImagesPerSecond = measureThroughput(captioner, batch, runs, DecodingOptions::beam(3));
        report.greedyImagesPerSecond = measureThroughput(captioner, batch, runs, DecodingOptions::greedy());
        measureMemory(captioner, inputs, report);

        if (parser.isSet(QStringLiteral("json"))) CliOutput::out() << QJsonDocument(reportJson(report)).toJson(QJsonDocument::Compact) << Qt::endl;
        else printReport(report, CliOutput::out());
    } catch (const Error &error) {
        CliOutput::error(QString::fromStdString(error.what()));
        return kFailure;
    }
    return kSuccess;
}

} // namespace snaption::cli
