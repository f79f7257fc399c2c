#include "infocommand.h"

#include "clioutput.h"
#include "confidencetext.h"

#include <snaption/error.h>
#include <snaption/modelinfo.h>

#include <QLocale>

namespace snaption::cli {

int InfoCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), tr("Print JSON.")});
    parser.addPositionalArgument(QStringLiteral("model"), tr("The model file."), tr("MODEL"));
    if (!CliOutput::parse(parser, arguments)) return kUsage;
    if (parser.positionalArguments().size() != 1) {
        CliOutput::error(tr("give exactly one model file"));
        return kUsage;
    }
    try {
        const ModelInfo info = ModelInfo::check(parser.positionalArguments().first().toStdString());
        if (parser.isSet(QStringLiteral("json"))) {
            CliOutput::out() << QString::fromStdString(info.toJson()) << Qt::endl;
            return kSuccess;
        }
        const ModelConfig &c = info.config;
        const QLocale locale;
        QTextStream &out = CliOutput::out();
        out << tr("Model file:      %1").arg(QString::fromStdString(info.path)) << Qt::endl;
        out << tr("Architecture:    %1").arg(QString::fromStdString(c.architecture)) << Qt::endl;
        out << tr("Encoder:         %1, %2 px input, %3 memory tokens")
                   .arg(QString::fromStdString(c.encoder.name))
                   .arg(c.encoder.inputSize)
                   .arg(c.memoryTokens())
            << Qt::endl;
        out << tr("Decoder:         %1 layers, width %2, %3 heads, feed-forward %4, %5 activation, context %6")
                   .arg(c.decoder.layers)
                   .arg(c.decoder.dim)
                   .arg(c.decoder.heads)
                   .arg(c.decoder.feedForward)
                   .arg(QString::fromStdString(c.decoder.activation))
                   .arg(c.decoder.contextLength)
            << Qt::endl;
        out << tr("Parameters:      %1 (%2 storage)").arg(locale.toString(qlonglong(info.parameterCount)), QString::fromStdString(info.storageDType))
            << Qt::endl;
        const QString vocabularySize = locale.toString(qulonglong(info.vocabulary.size()));
        out << (info.subwords ? tr("Vocabulary:      %1 subword pieces (SentencePiece)").arg(vocabularySize) : tr("Vocabulary:      %1 tokens").arg(vocabularySize))
            << Qt::endl;
        out << tr("Captions in:     %1").arg(QString::fromStdString(info.style.language())) << Qt::endl;
        out << tr("Confidence:      %1").arg(info.calibration ? ConfidenceText::calibration(*info.calibration) : tr("not calibrated"))
            << Qt::endl;
        for (const auto &[key, value] : info.provenance)
            out << tr("Provenance:      %1: %2").arg(QString::fromStdString(key), QString::fromStdString(value)) << Qt::endl;
    } catch (const Error &error) {
        CliOutput::error(QString::fromStdString(error.what()));
        return kFailure;
    }
    return kSuccess;
}

} // namespace snaption::cli
