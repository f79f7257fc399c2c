#include "captioncommand.h"

#include "archiverun.h"
#include "captionjson.h"
#include "clioutput.h"
#include "decodingarguments.h"
#include "imagepaths.h"
#include "imageshard.h"
#include "interruption.h"
#include "metadataarguments.h"
#include "outputnames.h"

#include <snaption/captioner.h>
#include <snaption/error.h>
#include <snaption/heatmaprenderer.h>
#include <snaption/imagedecodequeue.h>
#include <snaption/imageloader.h>
#include <snaption/modelinfo.h>
#include <snaption/threading.h>
#include <snaption/imagewriter.h>

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>

#include <deque>

namespace snaption::cli {
namespace {

// Upper bounds that fit a desktop machine: decoding needs about 7 bytes per pixel.
constexpr int kMaxBatchSize = 256;
constexpr int kMaxMegapixels = 1000;
// Images read ahead of the captioner at least: enough to keep the reader busy while the model
// loads (half a second), a few MB at the encoder's size.
constexpr int kMinimumReadAhead = 32;
// The model's threads run at this nice value, below the image readers (see run()).
constexpr int kComputeNiceness = 10;

struct LoadedImage {
    QString path;
    RgbImage image; // read for the encoder (ImageLoader::loadForEncoder)
    double decodeMs = 0;
};

QString heatmapFileName(const QString &stem, int index, const std::string &word)
{
    QString safeWord = QString::fromStdString(word);
    safeWord.replace(QRegularExpression(QStringLiteral("[^\\w]")), QStringLiteral("_"));
    return QStringLiteral("%1_%2_%3.png").arg(stem).arg(index, 2, 10, QLatin1Char('0')).arg(safeWord);
}

// The stem of each image's heatmap files: its base name, or "folder-name" where two images of the
// run share a base name (a/x.jpg and b/x.jpg), so their heatmaps neither overwrite each other nor
// lose which image they belong to.
QStringList heatmapStems(const QStringList &images)
{
    QHash<QString, int> uses;
    for (const QString &image : images) ++uses[QFileInfo(image).completeBaseName()];
    QStringList stems;
    for (const QString &image : images) {
        const QFileInfo info(image);
        const QString stem = info.completeBaseName();
        stems << (uses.value(stem) > 1 ? info.absoluteDir().dirName() + QLatin1Char('-') + stem : stem);
    }
    return stems;
}

} // namespace

void CaptionCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("model"), tr("The model file (.safetensors)."), tr("file")});
    DecodingArguments::add(parser);
    parser.addOption({QStringLiteral("precision"), tr("Decoder weights: fp32 (exact) or int8 (faster; default %1).").arg(QStringLiteral("fp32")), tr("type"),
                      QStringLiteral("fp32")});
    parser.addOption({QStringLiteral("json"), tr("Print one JSON object per image and line.")});
    parser.addOption({QStringLiteral("heatmaps"), tr("Write one attention overlay PNG per word into <folder>."), tr("folder")});
    parser.addOption({QStringLiteral("colormap"), tr("Heatmap colours: viridis (default), inferno or jet."), tr("name"), QStringLiteral("viridis")});
    parser.addOption({QStringLiteral("opacity"), tr("Heatmap opacity from 0 to 1 (default 0.5)."), tr("x"), QStringLiteral("0.5")});
    parser.addOption({QStringLiteral("batch-size"), tr("Images captioned together at most (default 16)."), tr("n"), QStringLiteral("16")});
    parser.addOption({QStringLiteral("max-megapixels"), tr("Refuse images larger than this (default 100)."), tr("n"), QStringLiteral("100")});
    parser.addOption({QStringLiteral("shard"),
                      tr("Caption only share I of N (I from 0): N jobs given the same paths cover them exactly once, on any machine."), tr("I/N")});
    MetadataArguments::add(parser);
    parser.addPositionalArgument(QStringLiteral("images"), tr("Image files or folders."), tr("IMAGE..."));
}

bool CaptionCommand::readNumbers(const QCommandLineParser &parser, HeatmapStyle &style, int &batchSize, double &megapixels)
{
    const auto colormap = HeatmapRenderer::colormapFromName(parser.value(QStringLiteral("colormap")).toStdString());
    bool opacityOk = false, batchOk = false, pixelsOk = false;
    style.opacity = parser.value(QStringLiteral("opacity")).toFloat(&opacityOk);
    batchSize = parser.value(QStringLiteral("batch-size")).toInt(&batchOk);
    megapixels = parser.value(QStringLiteral("max-megapixels")).toDouble(&pixelsOk);
    if (!colormap || !opacityOk || !(style.opacity >= 0 && style.opacity <= 1) || !batchOk || batchSize < 1 || batchSize > kMaxBatchSize ||
        !pixelsOk || !(megapixels > 0 && megapixels <= kMaxMegapixels)) {
        CliOutput::error(tr("invalid value: --colormap is viridis, inferno or jet, --opacity 0 to 1, --batch-size 1 to %1, --max-megapixels up to %2")
                             .arg(kMaxBatchSize)
                             .arg(kMaxMegapixels));
        return false;
    }
    style.colormap = *colormap;
    return true;
}

int CaptionCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    parser.addHelpOption();
    addOptions(parser);
    if (!CliOutput::parse(parser, arguments)) return kUsage;

    const auto decoding = DecodingArguments::read(parser);
    if (!decoding) return kUsage;
    if (!parser.isSet(QStringLiteral("model"))) {
        CliOutput::error(tr("--model is required"));
        return kUsage;
    }
    QStringList images = ImagePaths::expand(parser.positionalArguments());
    if (images.isEmpty()) {
        CliOutput::error(tr("no images given (or the folders hold none)"));
        return kUsage;
    }
    if (parser.isSet(QStringLiteral("shard"))) {
        const auto shard = ImageShard::parse(parser.value(QStringLiteral("shard")));
        if (!shard) {
            CliOutput::error(tr("--shard must be I/N with 0 <= I < N, such as 0/4"));
            return kUsage;
        }
        images = shard->select(images); // may be empty: a share of a small collection
    }
    HeatmapStyle style;
    int batchSize = 0;
    double megapixels = 0;
    if (!readNumbers(parser, style, batchSize, megapixels)) return kUsage;
    const auto precision = precisionFromName(parser.value(QStringLiteral("precision")).toStdString());
    if (!precision) {
        CliOutput::error(tr("--precision must be fp32 or int8"));
        return kUsage;
    }
    std::unique_ptr<ArchiveRun> archive;
    if (MetadataArguments::requested(parser)) {
        const auto request = MetadataArguments::read(parser);
        if (!request) return kUsage;
        archive = std::make_unique<ArchiveRun>(*request, parser.value(QStringLiteral("model")), images.size());
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString heatmapFolder = parser.value(QStringLiteral("heatmaps"));
    if (!heatmapFolder.isEmpty() && !QDir().mkpath(heatmapFolder)) {
        CliOutput::error(tr("cannot create the folder %1").arg(heatmapFolder));
        return kFailure;
    }

    const std::string modelPath = parser.value(QStringLiteral("model")).toStdString();
    int inputSize = 0;
    try {
        inputSize = ModelInfo::read(modelPath).config.encoder.inputSize; // the header alone: photos are read while the weights load
    } catch (const Error &error) {
        CliOutput::error(QString::fromStdString(error.what()));
        return kFailure;
    }
    const ImageLoader loader(std::int64_t(megapixels * 1e6));
    int failures = 0;
    const auto reportFailure = [&](const QString &image, const QString &message) {
        ++failures;
        if (archive) archive->progress().clear();
        CliOutput::error(message);
        if (json) CliOutput::out() << QJsonDocument(CaptionJson::fromError(image, message)).toJson(QJsonDocument::Compact) << Qt::endl;
    };
    // Heatmap files get names of their own: never an input's, never another image's.
    const QStringList stems = heatmapStems(images);
    OutputNames heatmapNames(images);
    const auto writeHeatmaps = [&](const QString &image, const QString &stem, const CaptionResult &result) {
        // Overlays keep the photo's full size: it is read once more, alone, so a batch holds only
        // the small copies.
        const RgbImage full = loader.load(image.toStdString());
        for (std::size_t w = 0; w < result.words.size(); ++w) {
            const RgbImage overlay = HeatmapRenderer::render(full, result.attention.grid(int(w)), result.attention.height(), result.attention.width(),
                                                             style, result.attention.placement());
            const QString path = heatmapNames.claim(QDir(heatmapFolder).filePath(heatmapFileName(stem, int(w), result.words[w])));
            writeImage(overlay, path.toStdString());
        }
    };

    // Images are read at the encoder's size (the desktop app's pixels; a camera photo at 1/8 scale)
    // on a reader per core, from before the model loads and then a bounded number ahead, so memory
    // stays flat; an archive run starts reading once its journal is open (most images are skipped).
    // The model's threads (this one and those it starts) yield to the readers, which stop when far
    // enough ahead: a camera photo's decoding never waits behind them (docs/BENCHMARKS.md).
    ImageDecodeQueue decodeQueue([&loader, inputSize](const std::string &path) { return loader.loadForEncoder(path, inputSize); },
                                 physicalCoreCount());
    lowerComputePriority(kComputeNiceness);
    std::deque<int> ahead; // submitted to the queue, in order
    int next = 0;
    const int readAheadLimit = std::max(2 * batchSize, kMinimumReadAhead);
    const auto readAhead = [&] {
        for (; next < images.size() && int(ahead.size()) < readAheadLimit; ++next) {
            if (archive && Interruption::requested()) return;
            if (archive && !archive->needsCaption(images[next])) continue;
            decodeQueue.submit(std::uint64_t(next), images[next].toStdString());
            ahead.push_back(next);
        }
    };
    if (!archive) readAhead();
    std::unique_ptr<Captioner> captioner;
    try {
        captioner = std::make_unique<Captioner>(modelPath, *precision);
    } catch (const Error &error) {
        CliOutput::error(QString::fromStdString(error.what()));
        return kFailure;
    }
    if (archive) {
        if (!archive->begin(images)) return kFailure;
        Interruption::catchSignals();
    }
    for (;;) {
        if (archive && Interruption::requested()) break;
        readAhead();
        if (ahead.empty()) break;
        std::vector<LoadedImage> batch;
        std::vector<int> indices;
        while (!ahead.empty() && int(batch.size()) < batchSize) {
            const int index = ahead.front();
            // Past half a batch only what is already read joins it: where reading is the slower
            // side (camera photos) the model does not wait for a full batch, and where it is ahead
            // (small photos) batches are full. A caption does not depend on its batch.
            if (int(batch.size()) >= std::max(1, batchSize / 2) && !decodeQueue.isReady(std::uint64_t(index))) break;
            ahead.pop_front();
            ImageDecodeQueue::Decoded decoded = decodeQueue.take(std::uint64_t(index), images[index].toStdString());
            if (!decoded.image) {
                reportFailure(images[index], QString::fromStdString(decoded.error));
                if (archive) archive->captionFailed();
                continue;
            }
            batch.push_back({images[index], std::move(*decoded.image), decoded.decodeMs});
            indices.push_back(index);
        }
        readAhead(); // the next batch is decoded while this one is captioned
        if (batch.empty()) continue;
        std::vector<RgbImage> pixels;
        for (auto &item : batch) pixels.push_back(std::move(item.image));
        const std::vector<Captioner::Attempt> attempts = captioner->captionEach(pixels, *decoding);
        pixels.clear();
        for (std::size_t i = 0; i < attempts.size(); ++i) {
            if (!attempts[i].result) {
                reportFailure(batch[i].path, QString::fromStdString(attempts[i].error));
                if (archive) archive->captionFailed();
                continue;
            }
            const CaptionResult &result = *attempts[i].result;
            if (archive) archive->write(batch[i].path, result);
            if (archive) archive->progress().clear();
            if (json) {
                CliOutput::out() << QJsonDocument(CaptionJson::fromResult(batch[i].path, result, batch[i].decodeMs)).toJson(QJsonDocument::Compact)
                                 << Qt::endl;
            } else {
                CliOutput::out() << QString::fromStdString(result.caption) << Qt::endl;
            }
            if (heatmapFolder.isEmpty()) continue;
            try {
                writeHeatmaps(batch[i].path, stems[indices[i]], result);
            } catch (const Error &error) {
                reportFailure(batch[i].path, QString::fromStdString(error.what()));
            }
        }
        if (archive) archive->endBatch();
    }
    const int metadataFailures = archive ? archive->finish(Interruption::requested()) : 0;
    return failures == 0 && metadataFailures == 0 && !(archive && Interruption::requested()) ? kSuccess : kFailure;
}

} // namespace snaption::cli
