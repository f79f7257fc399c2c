#include "importseedcommand.h"

#include "clioutput.h"
#include "provenance.h"

#include <snaption/error.h>
#include <snaption/seedimporter.h>

#include <QFileInfo>

namespace snaption::cli {

int ImportSeedCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary() + QLatin1Char('\n') +
                                     tr("Reads pretrained_weights.pt (a state_dict or a trainer checkpoint) and vocab_mapper.pkl "
                                        "without running any code from them."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("weights"), tr("The torch.save file of the Python model (pretrained_weights.pt)."), tr("file")});
    parser.addOption({QStringLiteral("vocab"), tr("The pickled VocabMapper (vocab_mapper.pkl)."), tr("file")});
    parser.addOption({QStringLiteral("out"), tr("The model file to write."), tr("file")});
    if (!CliOutput::parse(parser, arguments)) return kUsage;
    const QString weights = parser.value(QStringLiteral("weights")), vocab = parser.value(QStringLiteral("vocab")),
                  out = parser.value(QStringLiteral("out"));
    if (weights.isEmpty() || vocab.isEmpty() || out.isEmpty()) {
        CliOutput::error(tr("--weights, --vocab and --out are required"));
        return kUsage;
    }
    try {
        const ModelInfo info = SeedImporter::import(
            weights.toStdString(), vocab.toStdString(), out.toStdString(),
            Provenance::describe(QStringLiteral("import-seed"),
                                 tr("Python Snaption model %1 with vocabulary %2").arg(QFileInfo(weights).fileName(), QFileInfo(vocab).fileName())));
        CliOutput::out() << tr("Wrote %1: original Snaption architecture, %2 parameters, %3 words.")
                                .arg(out)
                                .arg(info.parameterCount)
                                .arg(info.vocabulary.size())
                         << Qt::endl;
    } catch (const Error &error) {
        CliOutput::error(QString::fromStdString(error.what()));
        return kFailure;
    }
    return kSuccess;
}

} // namespace snaption::cli
