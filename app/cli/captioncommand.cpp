#include "captioncommand.h"

#include "captionjson.h"
#include "clioutput.h"
#include "decodingarguments.h"
#include "imagepaths.h"

#include <snaption/captioner.h>
#include <snaption/error.h>
#include <snaption/heatmaprenderer.h>
#include <snaption/imageloader.h>
#include <snaption/imagewriter.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

namespace snaption::cli {
namespace {

struct LoadedImage {
    QString path;
    RgbImage image;
    double decodeMs = 0;
};

QString heatmapFileName(const QString &imagePath, int index, const std::string &word)
{
    QString safeWord = QString::fromStdString(word);
    safeWord.replace(QRegularExpression(QStringLiteral("[^\\w]")), QStringLiteral("_"));
    return QStringLiteral("%1_%2_%3.png").arg(QFileInfo(imagePath).completeBaseName()).arg(index, 2, 10, QLatin1Char('0')).arg(safeWord);
}

} // namespace

int CaptionCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    parser.addHelpOption();
    parser.addOption({QStringLiteral("model"), tr("The model file (.safetensors)."), tr("file")});
    DecodingArguments::add(parser);
    parser.addOption({QStringLiteral("precision"), tr("Decoder weights: fp32 (exact) or int8 (faster; default %1).").arg(QStringLiteral("fp32")), tr("type"),
                      QStringLiteral("fp32")});
    parser.addOption({QStringLiteral("json"), tr("Print one JSON object per image and line.")});
    parser.addOption({QStringLiteral("heatmaps"), tr("Write one attention overlay PNG per word into <folder>."), tr("folder")});
    parser.addOption({QStringLiteral("colormap"), tr("Heatmap colours: viridis (default), inferno or jet."), tr("name"), QStringLiteral("viridis")});
    parser.addOption({QStringLiteral("opacity"), tr("Heatmap opacity from 0 to 1 (default 0.5)."), tr("x"), QStringLiteral("0.5")});
    parser.addOption({QStringLiteral("batch-size"), tr("Images captioned together (default 8)."), tr("n"), QStringLiteral("8")});
    parser.addOption({QStringLiteral("max-megapixels"), tr("Refuse images larger than this (default 100)."), tr("n"), QStringLiteral("100")});
    parser.addPositionalArgument(QStringLiteral("images"), tr("Image files or folders."), tr("IMAGE..."));
    if (!CliOutput::parse(parser, arguments)) return kUsage;

    const auto decoding = DecodingArguments::read(parser);
    if (!decoding) return kUsage;
    if (!parser.isSet(QStringLiteral("model"))) {
        CliOutput::error(tr("--model is required"));
        return kUsage;
    }
    const QStringList images = ImagePaths::expand(parser.positionalArguments());
    if (images.isEmpty()) {
        CliOutput::error(tr("no images given (or the folders hold none)"));
        return kUsage;
    }
    const auto colormap = HeatmapRenderer::colormapFromName(parser.value(QStringLiteral("colormap")).toStdString());
    bool opacityOk = false, batchOk = false, pixelsOk = false;
    HeatmapStyle style;
    style.opacity = parser.value(QStringLiteral("opacity")).toFloat(&opacityOk);
    const int batchSize = parser.value(QStringLiteral("batch-size")).toInt(&batchOk);
    const double megapixels = parser.value(QStringLiteral("max-megapixels")).toDouble(&pixelsOk);
    if (!colormap || !opacityOk || style.opacity < 0 || style.opacity > 1 || !batchOk || batchSize < 1 || !pixelsOk || megapixels <= 0) {
        CliOutput::error(tr("invalid --colormap, --opacity, --batch-size or --max-megapixels value"));
        return kUsage;
    }
    style.colormap = *colormap;
    const auto precision = precisionFromName(parser.value(QStringLiteral("precision")).toStdString());
    if (!precision) {
        CliOutput::error(tr("--precision must be fp32 or int8"));
        return kUsage;
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString heatmapFolder = parser.value(QStringLiteral("heatmaps"));
    if (!heatmapFolder.isEmpty() && !QDir().mkpath(heatmapFolder)) {
        CliOutput::error(tr("cannot create the folder %1").arg(heatmapFolder));
        return kFailure;
    }

    std::unique_ptr<Captioner> captioner;
    try {
        captioner = std::make_unique<Captioner>(parser.value(QStringLiteral("model")).toStdString(), *precision);
    } catch (const Error &error) {
        CliOutput::error(QString::fromStdString(error.what()));
        return kFailure;
    }
    const ImageLoader loader(std::int64_t(megapixels * 1e6));
    int failures = 0;
    const auto reportFailure = [&](const QString &image, const QString &message) {
        ++failures;
        CliOutput::error(message);
        if (json) CliOutput::out() << QJsonDocument(CaptionJson::fromError(image, message)).toJson(QJsonDocument::Compact) << Qt::endl;
    };

    for (int first = 0; first < images.size(); first += batchSize) {
        std::vector<LoadedImage> batch;
        for (int i = first; i < std::min<int>(first + batchSize, int(images.size())); ++i) {
            QElapsedTimer timer;
            timer.start();
            try {
                RgbImage image = loader.load(images[i].toStdString());
                batch.push_back({images[i], std::move(image), double(timer.nsecsElapsed()) / 1e6});
            } catch (const Error &error) {
                reportFailure(images[i], QString::fromStdString(error.what()));
            }
        }
        if (batch.empty()) continue;
        std::vector<RgbImage> pixels;
        for (const auto &item : batch) pixels.push_back(item.image);
        std::vector<CaptionResult> results;
        try {
            results = captioner->captionBatch(pixels, *decoding);
        } catch (const Error &error) {
            for (const auto &item : batch) reportFailure(item.path, QString::fromStdString(error.what()));
            continue;
        }
        for (std::size_t i = 0; i < results.size(); ++i) {
            const CaptionResult &result = results[i];
            if (json) {
                CliOutput::out() << QJsonDocument(CaptionJson::fromResult(batch[i].path, result, batch[i].decodeMs)).toJson(QJsonDocument::Compact)
                                 << Qt::endl;
            } else {
                CliOutput::out() << QString::fromStdString(result.caption) << Qt::endl;
            }
            if (heatmapFolder.isEmpty()) continue;
            try {
                for (std::size_t w = 0; w < result.words.size(); ++w) {
                    const RgbImage overlay = HeatmapRenderer::render(batch[i].image, result.attention.grid(int(w)),
                                                                     result.attention.height(), result.attention.width(), style,
                                                                     result.attention.placement());
                    writeImage(overlay, QDir(heatmapFolder).filePath(heatmapFileName(batch[i].path, int(w), result.words[w])).toStdString());
                }
            } catch (const Error &error) {
                reportFailure(batch[i].path, QString::fromStdString(error.what()));
            }
        }
    }
    return failures == 0 ? kSuccess : kFailure;
}

} // namespace snaption::cli
