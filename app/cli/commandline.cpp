#include "commandline.h"

#include "benchcommand.h"
#include "captioncommand.h"
#include "classifycommand.h"
#include "evalcommand.h"
#include "synthcommand.h"
#include "traincommand.h"
#include "importseedcommand.h"
#include "clioutput.h"
#include "infocommand.h"
#include "initmodelcommand.h"
#include "metadatacommand.h"

#include <snaption/error.h>
#include <snaption/threading.h>

namespace snaption::cli {

CommandLine::CommandLine()
{
    m_commands.push_back(std::make_unique<CaptionCommand>());
    m_commands.push_back(std::make_unique<InitModelCommand>());
    m_commands.push_back(std::make_unique<InfoCommand>());
    m_commands.push_back(std::make_unique<ClassifyCommand>());
    m_commands.push_back(std::make_unique<ImportSeedCommand>());
    m_commands.push_back(std::make_unique<TrainCommand>());
    m_commands.push_back(std::make_unique<EvalCommand>());
    m_commands.push_back(std::make_unique<SynthCommand>());
    m_commands.push_back(std::make_unique<BenchCommand>());
    m_commands.push_back(std::make_unique<MetadataCommand>());
}

CommandLine::~CommandLine() = default;

QString CommandLine::usage() const
{
    QString text = tr("Usage: snaption-cli [--threads N] <command> [options]\n\n"
                      "Image captioning with per-word attention heatmaps.\n\nCommands:\n");
    for (const auto &command : m_commands) text += QStringLiteral("  %1  %2\n").arg(command->name(), -12).arg(command->summary());
    text += tr("\nGlobal options:\n"
               "  --threads N   CPU threads for inference (default: the number of physical cores)\n"
               "  --version     Print the version\n"
               "  --help        Print this help; `snaption-cli <command> --help` describes a command\n");
    return text;
}

int CommandLine::run(QStringList arguments)
{
    // --threads may appear anywhere; it applies to every command.
    int threads = qEnvironmentVariableIntValue("SNAPTION_THREADS");
    for (int i = 1; i < arguments.size(); ++i) {
        QString value;
        if (arguments[i] == QLatin1String("--threads") && i + 1 < arguments.size()) {
            value = arguments[i + 1];
            arguments.remove(i, 2);
        } else if (arguments[i].startsWith(QLatin1String("--threads="))) {
            value = arguments[i].mid(10);
            arguments.remove(i);
        } else {
            continue;
        }
        bool ok = false;
        threads = value.toInt(&ok);
        if (!ok || threads < 1 || threads > 256) {
            CliOutput::error(tr("--threads needs a number from 1 to 256"));
            return kUsage;
        }
        --i;
    }
    configureThreads(threads);

    if (arguments.size() < 2 || arguments[1] == QLatin1String("--help") || arguments[1] == QLatin1String("-h") ||
        arguments[1] == QLatin1String("help")) {
        CliOutput::out() << usage();
        return arguments.size() < 2 ? kUsage : kSuccess;
    }
    if (arguments[1] == QLatin1String("--version") || arguments[1] == QLatin1String("-v")) {
        CliOutput::out() << QStringLiteral("snaption-cli %1").arg(QCoreApplication::applicationVersion()) << Qt::endl;
        return kSuccess;
    }
    for (const auto &command : m_commands) {
        if (command->name() != arguments[1]) continue;
        QStringList commandArguments = arguments.mid(2);
        commandArguments.prepend(arguments[0] + QLatin1Char(' ') + arguments[1]);
        // The last line of defence: a failure no command expected is an error message and exit
        // code 1, never an abort.
        try {
            return command->run(commandArguments);
        } catch (const std::exception &error) {
            CliOutput::error(tr("unexpected failure: %1").arg(QString::fromStdString(Error::describe(error))));
            return kFailure;
        }
    }
    CliOutput::error(tr("unknown command \"%1\"; see snaption-cli --help").arg(arguments[1]));
    return kUsage;
}

} // namespace snaption::cli
