#include "decodingarguments.h"

#include "clioutput.h"

#include <snaption/error.h>

#include <QCoreApplication>

namespace snaption::cli {

void DecodingArguments::add(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("greedy"), tr("Pick the most likely word at each step.")});
    parser.addOption({QStringLiteral("beam"), tr("Beam search with <width> hypotheses (default 3)."), tr("width")});
    parser.addOption({QStringLiteral("length-penalty"),
                      tr("Beam search ranks captions by log probability / length^<a>: 1 favours longer captions, 0 shorter (default 0.5)."),
                      tr("a"), QString::number(DecodingOptions().lengthPenalty)});
    parser.addOption({QStringLiteral("sample"), tr("Sample words at random (see --top-k, --temperature, --seed).")});
    parser.addOption({QStringLiteral("top-k"), tr("Sample only among the <k> most likely words (0 = all)."), tr("k"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("temperature"), tr("Sampling temperature (default 1)."), tr("t"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("seed"), tr("Random seed for sampling (default 0)."), tr("seed"), QStringLiteral("0")});
}

std::optional<DecodingOptions> DecodingArguments::read(const QCommandLineParser &parser)
{
    const int strategies = int(parser.isSet(QStringLiteral("greedy"))) + int(parser.isSet(QStringLiteral("beam"))) +
                           int(parser.isSet(QStringLiteral("sample")));
    if (strategies > 1) {
        CliOutput::error(tr("choose one of --greedy, --beam and --sample"));
        return std::nullopt;
    }
    bool ok = true;
    DecodingOptions options;
    if (parser.isSet(QStringLiteral("greedy"))) {
        options = DecodingOptions::greedy();
    } else if (parser.isSet(QStringLiteral("sample"))) {
        bool kOk = false, tOk = false, sOk = false;
        const int topK = parser.value(QStringLiteral("top-k")).toInt(&kOk);
        const float temperature = parser.value(QStringLiteral("temperature")).toFloat(&tOk);
        const qulonglong seed = parser.value(QStringLiteral("seed")).toULongLong(&sOk);
        ok = kOk && tOk && sOk;
        options = DecodingOptions::sample(topK, temperature, seed);
    } else if (parser.isSet(QStringLiteral("beam"))) {
        options = DecodingOptions::beam(parser.value(QStringLiteral("beam")).toInt(&ok));
    }
    bool penaltyOk = false;
    options.lengthPenalty = parser.value(QStringLiteral("length-penalty")).toDouble(&penaltyOk);
    if (!ok || !penaltyOk) {
        CliOutput::error(tr("--beam, --length-penalty, --top-k, --temperature and --seed need numbers"));
        return std::nullopt;
    }
    try {
        options.validate();
    } catch (const Error &error) {
        CliOutput::error(QString::fromStdString(error.what()));
        return std::nullopt;
    }
    return options;
}

} // namespace snaption::cli
