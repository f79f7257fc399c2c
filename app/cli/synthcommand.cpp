#include "synthcommand.h"

#include "clioutput.h"

#include <snaption/error.h>
#include <snaption/training/syntheticscenes.h>

namespace snaption::cli {
namespace {

// Three files a scene: a million of them is already more than a folder dataset should hold.
constexpr int kMaxScenes = 1'000'000;

} // namespace

int SynthCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    parser.addHelpOption();
    parser.addOption({QStringLiteral("out"), tr("The folder to write."), tr("folder")});
    parser.addOption({QStringLiteral("count"), tr("How many scenes (default 100)."), tr("n"), QStringLiteral("100")});
    parser.addOption({QStringLiteral("seed"), tr("Random seed (default 0)."), tr("seed"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("size"), tr("Image width and height in pixels (default 128)."), tr("pixels"), QStringLiteral("128")});
    if (!CliOutput::parse(parser, arguments)) return kUsage;
    bool ok[3] = {};
    const int count = parser.value(QStringLiteral("count")).toInt(&ok[0]);
    const qulonglong seed = parser.value(QStringLiteral("seed")).toULongLong(&ok[1]);
    const int size = parser.value(QStringLiteral("size")).toInt(&ok[2]);
    if (!parser.isSet(QStringLiteral("out")) || !ok[0] || !ok[1] || !ok[2] || count < 1 || count > kMaxScenes || size < 32 || size > 1024) {
        CliOutput::error(tr("--out is required; --count is 1 to %1, --size 32 to 1024 pixels, --seed a number").arg(kMaxScenes));
        return kUsage;
    }
    try {
        training::SyntheticScenes::writeFolder(parser.value(QStringLiteral("out")).toStdString(), count, seed, size);
        CliOutput::out() << tr("Wrote %1 scenes to %2").arg(count).arg(parser.value(QStringLiteral("out"))) << Qt::endl;
    } catch (const Error &error) {
        CliOutput::error(QString::fromStdString(error.what()));
        return kFailure;
    }
    return kSuccess;
}

} // namespace snaption::cli
