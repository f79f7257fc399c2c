#include "initmodelcommand.h"

#include "clioutput.h"
#include "outputnames.h"
#include "provenance.h"

#include <snaption/error.h>
#include <snaption/modelfactory.h>
#include <snaption/modelinfo.h>

#include <QFile>
#include <QFileInfo>

#include <fstream>

namespace snaption::cli {
namespace {

std::vector<std::string> readCaptionLines(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists()) throw Error(ErrorKind::Io, path.toStdString() + ": no such file");
    if (!info.isFile()) throw Error(ErrorKind::Io, path.toStdString() + ": not a file");
    if (info.size() > (std::int64_t(1) << 30)) throw Error(ErrorKind::BadDataset, path.toStdString() + ": larger than 1 GB");
    std::ifstream in(path.toStdString());
    if (!in) throw Error(ErrorKind::Io, path.toStdString() + ": cannot open");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) lines.push_back(line);
    }
    if (lines.empty()) throw Error(ErrorKind::BadDataset, path.toStdString() + ": no captions in the file");
    return lines;
}

} // namespace

int InitModelCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    parser.addHelpOption();
    parser.addOption({QStringLiteral("encoder"), tr("Image encoder: efficientnet_b0 (default) or mobilenet_v2."), tr("name"),
                      QStringLiteral("efficientnet_b0")});
    parser.addOption({QStringLiteral("encoder-weights"), tr("Start from pretrained encoder weights (.safetensors, torch.save .pth, TFLite MobileNetV2); they also choose the encoder."), tr("file")});
    parser.addOption({QStringLiteral("layers"), tr("Decoder layers (default 6)."), tr("n"), QStringLiteral("6")});
    parser.addOption({QStringLiteral("dim"), tr("Decoder width (default 512)."), tr("n"), QStringLiteral("512")});
    parser.addOption({QStringLiteral("heads"), tr("Attention heads (default 16)."), tr("n"), QStringLiteral("16")});
    parser.addOption({QStringLiteral("ff"), tr("Feed-forward size (default 1024)."), tr("n"), QStringLiteral("1024")});
    parser.addOption({QStringLiteral("context"), tr("Context length in tokens, <START> included (default 20)."), tr("n"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("vocab-from-captions"), tr("Build the vocabulary from a text file, one caption per line."), tr("file")});
    parser.addOption({QStringLiteral("min-frequency"), tr("Leave out words seen fewer times (default 1)."), tr("n"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("subword-pieces"),
                      tr("With --vocab-from-captions: learn a subword vocabulary of this many pieces (SentencePiece) instead of words."), tr("n")});
    parser.addOption({QStringLiteral("vocab"), tr("Use a vocabulary file (a JSON list of tokens)."), tr("file")});
    parser.addOption({QStringLiteral("language"),
                      tr("The captions' language (BCP 47: en, de; default en). With --vocab-from-captions, each word's "
                         "written form (\"Hund\") is learnt from the captions too."),
                      tr("tag"), QStringLiteral("en")});
    parser.addOption({QStringLiteral("seed"), tr("Random seed (default 0)."), tr("seed"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("storage"), tr("Weight storage: f32 (default) or f16 (half the size)."), tr("type"), QStringLiteral("f32")});
    parser.addOption({QStringLiteral("out"), tr("The model file to write."), tr("file")});
    if (!CliOutput::parse(parser, arguments)) return kUsage;

    if (!parser.isSet(QStringLiteral("out"))) {
        CliOutput::error(tr("--out is required"));
        return kUsage;
    }
    if (parser.isSet(QStringLiteral("vocab")) == parser.isSet(QStringLiteral("vocab-from-captions"))) {
        CliOutput::error(tr("give exactly one of --vocab and --vocab-from-captions"));
        return kUsage;
    }
    const bool subwords = parser.isSet(QStringLiteral("subword-pieces"));
    const int subwordPieces = parser.value(QStringLiteral("subword-pieces")).toInt();
    if (subwords && (!parser.isSet(QStringLiteral("vocab-from-captions")) || subwordPieces < 32)) {
        CliOutput::error(tr("--subword-pieces needs --vocab-from-captions and a number of at least 32"));
        return kUsage;
    }
    const QString storage = parser.value(QStringLiteral("storage")).toLower();
    if (storage != QLatin1String("f32") && storage != QLatin1String("f16")) {
        CliOutput::error(tr("--storage must be f32 or f16"));
        return kUsage;
    }
    bool ok[6] = {};
    ModelConfig config;
    config.encoder.name = parser.value(QStringLiteral("encoder")).toStdString();
    config.decoder.layers = parser.value(QStringLiteral("layers")).toInt(&ok[0]);
    config.decoder.dim = parser.value(QStringLiteral("dim")).toInt(&ok[1]);
    config.decoder.heads = parser.value(QStringLiteral("heads")).toInt(&ok[2]);
    config.decoder.feedForward = parser.value(QStringLiteral("ff")).toInt(&ok[3]);
    config.decoder.contextLength = parser.value(QStringLiteral("context")).toInt(&ok[4]);
    ModelFactory::Options options;
    options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok[5]);
    options.storage = storage == QLatin1String("f16") ? TensorDType::F16 : TensorDType::F32;
    options.encoderWeightsPath = parser.value(QStringLiteral("encoder-weights")).toStdString();
    if (!std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; })) {
        CliOutput::error(tr("--layers, --dim, --heads, --ff, --context and --seed need whole numbers"));
        return kUsage;
    }
    const std::string language = parser.value(QStringLiteral("language")).toStdString();
    if (!CaptionStyle::isLanguageTag(language)) {
        CliOutput::error(tr("--language needs a language tag such as en or de, not \"%1\"").arg(QString::fromStdString(language)));
        return kUsage;
    }
    const QString out = parser.value(QStringLiteral("out"));
    const QStringList inputs{parser.value(QStringLiteral("vocab")), parser.value(QStringLiteral("vocab-from-captions")),
                             parser.value(QStringLiteral("encoder-weights"))};
    if (OutputNames::isAnyOf(out, inputs)) {
        CliOutput::error(tr("--out %1 is one of the inputs; choose another file for the model").arg(out));
        return kUsage;
    }
    try {
        Vocabulary vocabulary;
        if (parser.isSet(QStringLiteral("vocab"))) {
            vocabulary = Vocabulary::load(parser.value(QStringLiteral("vocab")).toStdString());
            options.style = CaptionStyle::fromMetadata(language, std::string());
        } else {
            const int minFrequency = parser.value(QStringLiteral("min-frequency")).toInt();
            const std::vector<std::string> captions = readCaptionLines(parser.value(QStringLiteral("vocab-from-captions")));
            if (subwords) {
                options.subwords = SubwordModel::train(captions, subwordPieces);
                vocabulary = options.subwords->vocabulary();
                options.style = CaptionStyle::learn(language, captions);
            } else {
                vocabulary = Vocabulary::fromCaptions(captions, minFrequency);
                options.style = CaptionStyle::learn(language, captions, vocabulary);
            }
        }
        options.provenance = Provenance::describe(QStringLiteral("init-model"),
                                                  tr("random initialisation (seed %1)").arg(options.seed));
        ModelFactory::createRandom(config, vocabulary, out.toStdString(), options);
        const ModelInfo info = ModelInfo::read(out.toStdString());
        CliOutput::out() << (subwords ? tr("Wrote %1: %2 + %3 decoder layers, %4 parameters, %5 subword pieces.")
                                      : tr("Wrote %1: %2 + %3 decoder layers, %4 parameters, %5 words."))
                                .arg(out, QString::fromStdString(info.config.encoder.name)) // as written: weights choose the encoder
                                .arg(config.decoder.layers)
                                .arg(info.parameterCount)
                                .arg(vocabulary.size())
                         << Qt::endl;
    } catch (const Error &error) {
        CliOutput::error(QString::fromStdString(error.what()));
        return kFailure;
    }
    return kSuccess;
}

} // namespace snaption::cli
