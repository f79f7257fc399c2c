#include "evalcommand.h"

#include "clioutput.h"
#include "confidencetext.h"
#include "decodingarguments.h"

#include <snaption/captioner.h>
#include <snaption/error.h>
#include <snaption/training/confidencecalibrator.h>
#include <snaption/training/datasetloader.h>
#include <snaption/training/evaluator.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace snaption::cli {
namespace {

QStringList toStringList(const std::vector<std::string> &items)
{
    QStringList list;
    for (const std::string &item : items) list << QString::fromStdString(item);
    return list;
}

// One JSON object per line: {"image", "caption", "score", "lowest_word_log_probability", "cider_d", "confidence"}.
void writePerCaption(const QString &path, const training::EvaluationResult &result, const std::optional<ConfidenceCalibration> &calibration)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw Error(ErrorKind::Io, path.toStdString() + ": cannot be written (" + file.errorString().toStdString() + ")");
    for (std::size_t i = 0; i < result.captions.size(); ++i) {
        const CaptionScoreMeasures &measures = result.captionMeasures[i];
        const CaptionConfidence level = calibration ? calibration->levelOf(measures) : CaptionConfidence::Unknown;
        const QJsonObject line{{QStringLiteral("image"), QString::fromStdString(result.imageIds[i])},
                               {QStringLiteral("caption"), QString::fromStdString(result.captions[i])},
                               {QStringLiteral("score"), measures.meanLogProbability},
                               {QStringLiteral("lowest_word_log_probability"), measures.lowestWordLogProbability},
                               {QStringLiteral("cider_d"), result.captionCiderD[i]},
                               {QStringLiteral("confidence"), QString::fromStdString(confidenceName(level))}};
        file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    }
    if (!file.commit()) throw Error(ErrorKind::Io, path.toStdString() + ": cannot be written (" + file.errorString().toStdString() + ")");
}

} // namespace

int EvalCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    parser.addHelpOption();
    parser.addOption({QStringLiteral("model"), tr("The model file."), tr("file")});
    parser.addOption({QStringLiteral("data"), tr("The dataset (as for train)."), tr("path")});
    parser.addOption({QStringLiteral("format"), tr("Dataset format (default auto)."), tr("format"), QStringLiteral("auto")});
    parser.addOption({QStringLiteral("split"), tr("dev (default) or test."), tr("split"), QStringLiteral("dev")});
    parser.addOption({QStringLiteral("max-images"), tr("Score only the first n images (0 = all)."), tr("n"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("precision"), tr("Decoder weights: fp32 or int8."), tr("type"), QStringLiteral("fp32")});
    parser.addOption({QStringLiteral("json"), tr("Print the scores as JSON.")});
    parser.addOption({QStringLiteral("per-caption"), tr("Write each image's caption, score, CIDEr-D and confidence to a JSON Lines file."),
                      tr("file")});
    parser.addOption({QStringLiteral("calibrate"),
                      tr("Choose the model's confidence threshold on this split (captions marked unsure score at most 0.4 times the "
                         "mean CIDEr-D of confident ones) and store it in the model file.")});
    DecodingArguments::add(parser);
    if (!CliOutput::parse(parser, arguments)) return kUsage;
    const auto decoding = DecodingArguments::read(parser);
    if (!decoding) return kUsage;
    const auto precision = precisionFromName(parser.value(QStringLiteral("precision")).toStdString());
    if (!parser.isSet(QStringLiteral("model")) || !parser.isSet(QStringLiteral("data")) || !precision) {
        CliOutput::error(tr("--model and --data are required; --precision is fp32 or int8"));
        return kUsage;
    }
    try {
        bool countOk = false;
        const int maxImages = parser.value(QStringLiteral("max-images")).toInt(&countOk);
        if (!countOk || maxImages < 0) {
            CliOutput::error(tr("--max-images needs a number of 0 or more"));
            return kUsage;
        }
        const Captioner captioner(parser.value(QStringLiteral("model")).toStdString(), *precision);
        const std::string split = parser.value(QStringLiteral("split")).toStdString();
        training::DatasetLoader::Options options;
        options.format = training::DatasetLoader::formatFromName(parser.value(QStringLiteral("format")).toStdString());
        options.requiredSplit = split; // scoring needs no training images
        const training::Dataset dataset = training::DatasetLoader::load(parser.value(QStringLiteral("data")).toStdString(), options);
        const training::EvaluationResult result = training::Evaluator::evaluate(captioner, dataset, split, *decoding, maxImages);
        for (const std::string &skipped : result.skippedImages) CliOutput::warning(tr("skipped %1").arg(QString::fromStdString(skipped)));
        const auto &s = result.scores;
        std::optional<ConfidenceCalibration> calibration = captioner.info().calibration;
        if (parser.isSet(QStringLiteral("calibrate"))) {
            calibration = training::ConfidenceCalibrator::fit(result.captionMeasures, result.captionCiderD, split, decoding->describe());
            calibration->storeIn(captioner.info().path);
        }
        if (parser.isSet(QStringLiteral("per-caption"))) writePerCaption(parser.value(QStringLiteral("per-caption")), result, calibration);
        std::optional<ConfidenceCheck> confidence;
        if (calibration)
            confidence = training::ConfidenceCalibrator::check(*calibration, result.captionMeasures, result.captionCiderD, split, decoding->describe());
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonObject json{{QStringLiteral("bleu1"), s.bleu[0]}, {QStringLiteral("bleu2"), s.bleu[1]}, {QStringLiteral("bleu3"), s.bleu[2]},
                             {QStringLiteral("bleu4"), s.bleu[3]}, {QStringLiteral("cider"), s.cider},   {QStringLiteral("images"), result.images},
                             {QStringLiteral("length_ratio"), s.lengthRatio},
                             {QStringLiteral("function_word_endings"), s.functionWordEndings},
                             {QStringLiteral("unreadable_images"), result.failedImages},
                             {QStringLiteral("skipped_images"), QJsonArray::fromStringList(toStringList(result.skippedImages))},
                             {QStringLiteral("split"), QString::fromStdString(split)},
                             {QStringLiteral("decoding"), QString::fromStdString(decoding->describe())}};
            if (result.attentionNouns > 0) json[QStringLiteral("attention_hit_rate")] = result.attentionHitRate();
            json[QStringLiteral("confidence")] = confidence ? QJsonValue(ConfidenceText::checkJson(*confidence, *calibration)) : QJsonValue();
            CliOutput::out() << QJsonDocument(json).toJson(QJsonDocument::Compact) << Qt::endl;
            return kSuccess;
        }
        CliOutput::out() << tr("%1 images of the %2 split scored, %3 skipped as unreadable, %4")
                                .arg(result.images)
                                .arg(QString::fromStdString(split))
                                .arg(result.failedImages)
                                .arg(QString::fromStdString(decoding->describe()))
                         << Qt::endl;
        for (int k = 0; k < 4; ++k) CliOutput::out() << QStringLiteral("BLEU-%1   %2").arg(k + 1).arg(s.bleu[std::size_t(k)], 0, 'f', 4) << Qt::endl;
        CliOutput::out() << QStringLiteral("CIDEr-D  %1").arg(s.cider, 0, 'f', 4) << Qt::endl;
        CliOutput::out() << tr("length ratio %1 (caption words per closest reference word)").arg(s.lengthRatio, 0, 'f', 3) << Qt::endl;
        CliOutput::out() << tr("captions ending in a function word: %1%").arg(s.functionWordEndings * 100, 0, 'f', 1) << Qt::endl;
        if (result.attentionNouns > 0)
            CliOutput::out() << tr("attention hit rate %1 (%2 of %3 object nouns)")
                                    .arg(result.attentionHitRate(), 0, 'f', 4)
                                    .arg(result.attentionHits)
                                    .arg(result.attentionNouns)
                             << Qt::endl;
        if (parser.isSet(QStringLiteral("calibrate")))
            CliOutput::out() << tr("stored in %1: %2").arg(QString::fromStdString(captioner.info().path), ConfidenceText::calibration(*calibration))
                             << Qt::endl;
        else if (confidence)
            CliOutput::out() << tr("confidence: %1").arg(ConfidenceText::check(*confidence)) << Qt::endl;
        else
            CliOutput::out() << tr("confidence: the model has no calibration (add one with --calibrate)") << Qt::endl;
    } catch (const Error &error) {
        CliOutput::error(QString::fromStdString(error.what()));
        return kFailure;
    }
    return kSuccess;
}

} // namespace snaption::cli
