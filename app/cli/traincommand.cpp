#include "traincommand.h"

#include "clioutput.h"
#include "confidencetext.h"
#include "localranks.h"
#include "trainingtexttranslator.h"

#include <snaption/error.h>
#include <snaption/threading.h>
#include <snaption/training/datasetloader.h>
#include <snaption/training/trainer.h>

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <atomic>
#include <chrono>
#include <csignal>
#include <thread>
#include <unistd.h>

namespace snaption::cli {
namespace {

std::atomic<int> g_interrupts{0};

void onInterrupt(int)
{
    // The first Ctrl-C asks for a checkpoint and a clean stop; the second one ends at once.
    if (++g_interrupts >= 2) std::_Exit(130);
}

QString duration(double seconds)
{
    const int s = int(seconds);
    return s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

// Prints progress: a self-updating line on a terminal, a line every few seconds in a log.
class ProgressPrinter : public training::TrainingObserver {
    Q_DECLARE_TR_FUNCTIONS(TrainCommand)
public:
    ProgressPrinter() : m_terminal(isatty(STDOUT_FILENO)) { m_timer.start(); }

    void onPhase(training::TrainingPhase, const training::TrainingText &description) override
    {
        endLine();
        CliOutput::out() << TrainingTextTranslator::translate(description) << Qt::endl;
    }
    void onProgress(int done, int total) override
    {
        if (!due() && done != total) return;
        show(tr("  %1 of %2").arg(done).arg(total));
    }
    void onStep(const training::StepRecord &r) override
    {
        if (!due() && r.step != r.totalSteps) return;
        const QString rewards = r.meanReward && r.greedyReward
                                    ? tr(" reward %1 greedy %2").arg(*r.meanReward, 0, 'f', 3).arg(*r.greedyReward, 0, 'f', 3)
                                    : QString();
        show(tr("epoch %1 step %2/%3 loss %4%5 lr %6 %7 samples/s ETA %8")
                 .arg(r.epoch)
                 .arg(r.step)
                 .arg(r.totalSteps)
                 .arg(r.loss, 0, 'f', 3)
                 .arg(rewards)
                 .arg(r.learningRate, 0, 'e', 2)
                 .arg(r.samplesPerSecond, 0, 'f', 1)
                 .arg(duration(r.etaSeconds)));
    }
    void onEpoch(const training::EpochRecord &r) override
    {
        endLine();
        const QString rewards = r.meanReward && r.greedyReward
                                    ? tr(", mean reward %1, greedy reward %2").arg(*r.meanReward, 0, 'f', 3).arg(*r.greedyReward, 0, 'f', 3)
                                    : QString();
        CliOutput::out() << tr("epoch %1: train loss %2%3, validation loss %4, BLEU-4 %5, CIDEr-D %6, ending in a function word %7%8%9 (%10)")
                                .arg(r.epoch)
                                .arg(r.trainLoss, 0, 'f', 3)
                                .arg(rewards)
                                .arg(r.validationLoss, 0, 'f', 3)
                                .arg(r.scores.bleu[3], 0, 'f', 3)
                                .arg(r.scores.cider, 0, 'f', 3)
                                .arg(QString::number(r.scores.functionWordEndings * 100, 'f', 1) + QLatin1Char('%'))
                                .arg(r.attentionHitRate ? tr(", attention hit rate %1").arg(*r.attentionHitRate, 0, 'f', 3) : QString())
                                .arg(r.best ? tr(", best so far") : QString())
                                .arg(duration(r.elapsedSeconds))
                         << Qt::endl;
        for (const auto &sample : r.samples)
            CliOutput::out() << QStringLiteral("    %1: %2").arg(QString::fromStdString(sample.imageId), QString::fromStdString(sample.caption)) << Qt::endl;
    }
    void onMessage(const training::TrainingText &message) override
    {
        endLine();
        CliOutput::out() << TrainingTextTranslator::translate(message) << Qt::endl;
    }
    void endLine()
    {
        if (m_open) CliOutput::out() << Qt::endl;
        m_open = false;
    }

private:
    bool due()
    {
        if (m_timer.elapsed() < (m_terminal ? 250 : 5000)) return false;
        m_timer.restart();
        return true;
    }
    void show(const QString &line)
    {
        if (m_terminal) {
            CliOutput::terminalControl("\r");
            CliOutput::out() << line;
            CliOutput::terminalControl("\x1b[K");
            m_open = true;
        } else {
            CliOutput::out() << line << Qt::endl;
        }
    }

    QElapsedTimer m_timer;
    bool m_terminal;
    bool m_open = false;
};

} // namespace

// The settings of a run: the preset (or, resuming, the checkpoint's) with --config and the
// flags on top.
training::TrainingConfig TrainCommand::settings(const QCommandLineParser &parser, const training::TrainingConfig &base)
{
    training::TrainingConfig config = base;
    if (parser.isSet(QStringLiteral("config"))) config = training::TrainingConfig::fromJson(configText(parser.value(QStringLiteral("config"))), config);
    if (parser.isSet(QStringLiteral("encoder-weights"))) config.encoderWeights = parser.value(QStringLiteral("encoder-weights")).toStdString();
    if (parser.isSet(QStringLiteral("init-from")))
        config.initFrom = QFileInfo(parser.value(QStringLiteral("init-from"))).absoluteFilePath().toStdString();
    const auto number = [&](const char *name, auto convert) {
        bool parsed = false;
        const auto value = convert(parser.value(QLatin1String(name)), &parsed);
        if (!parsed) throw Error(ErrorKind::InvalidArgument, std::string("--") + name + " needs a number, not \"" + parser.value(QLatin1String(name)).toStdString() + "\"");
        return value;
    };
    if (parser.isSet(QStringLiteral("max-minutes")))
        config.maxMinutes = number("max-minutes", [](const QString &text, bool *parsed) { return text.toDouble(parsed); });
    if (parser.isSet(QStringLiteral("epochs"))) config.epochs = number("epochs", [](const QString &text, bool *parsed) { return text.toInt(parsed); });
    if (parser.isSet(QStringLiteral("seed"))) config.seed = number("seed", [](const QString &text, bool *parsed) { return text.toULongLong(parsed); });
    config.validate();
    return config;
}

// --config takes JSON text ("{...}") or a file's name.
std::string TrainCommand::configText(const QString &value)
{
    if (value.trimmed().startsWith(QLatin1Char('{'))) return value.toStdString();
    QFile file(value);
    const QFileInfo info(value);
    if (!info.exists()) throw Error(ErrorKind::Io, "--config: " + value.toStdString() + ": no such file (give a JSON file, or JSON text starting with {)");
    if (info.isDir()) throw Error(ErrorKind::Io, "--config: " + value.toStdString() + ": is a folder, not a file");
    if (info.size() > (std::int64_t(16) << 20)) throw Error(ErrorKind::InvalidArgument, "--config: " + value.toStdString() + ": larger than 16 MB");
    if (!file.open(QIODevice::ReadOnly)) throw Error(ErrorKind::Io, "--config: " + value.toStdString() + ": cannot read (" + file.errorString().toStdString() + ")");
    return file.readAll().toStdString();
}

int TrainCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    parser.addHelpOption();
    parser.addOption({QStringLiteral("data"), tr("Dataset: a Flickr8k folder, COCO or Karpathy JSON, a folder of captioned images, or \"synthetic\"."),
                      tr("path")});
    parser.addOption({QStringLiteral("format"), tr("Dataset format: auto (default), flickr8k, coco, karpathy, folder, synthetic."), tr("format"),
                      QStringLiteral("auto")});
    parser.addOption({QStringLiteral("preset"), tr("Start from a preset (see --list-presets)."), tr("name")});
    parser.addOption({QStringLiteral("list-presets"), tr("List the presets and exit.")});
    parser.addOption({QStringLiteral("encoder-weights"), tr("Pretrained encoder weights (.safetensors, .pth, TFLite MobileNetV2)."), tr("file")});
    parser.addOption({QStringLiteral("init-from"),
                      tr("Start from a trained model: its weights, vocabulary and language (the cider objective needs one)."), tr("model")});
    parser.addOption({QStringLiteral("config"), tr("JSON file (or text) with settings that override the preset."), tr("json")});
    parser.addOption({QStringLiteral("max-minutes"), tr("Wall-time budget for the whole run."), tr("minutes")});
    parser.addOption({QStringLiteral("epochs"), tr("Number of epochs."), tr("n")});
    parser.addOption({QStringLiteral("seed"), tr("Random seed."), tr("seed")});
    parser.addOption({QStringLiteral("resume"),
                      tr("Continue from a checkpoint: its data, settings and output folder are used unless given here."), tr("checkpoint")});
    parser.addOption({QStringLiteral("out"), tr("Output folder (models, checkpoints, history)."), tr("folder")});
    parser.addOption({QStringLiteral("nproc"),
                      tr("Train data-parallel with N processes on this machine (launchers such as torchrun or srun set RANK and WORLD_SIZE instead)."),
                      tr("n")});
    parser.addOption({QStringLiteral("rank-timeout"),
                      tr("Data-parallel runs: a rank that does not answer for this long ends the run on every rank (default 60)."), tr("seconds"),
                      QStringLiteral("60")});
    if (!CliOutput::parse(parser, arguments)) return kUsage;

    if (parser.isSet(QStringLiteral("list-presets"))) {
        for (const std::string &name : training::TrainingConfig::presetNames())
            CliOutput::out() << QStringLiteral("%1  %2: %3")
                                    .arg(QString::fromStdString(name), -24)
                                    .arg(QCoreApplication::translate("TrainingConfig", training::TrainingConfig::presetTitle(name).c_str()),
                                         QCoreApplication::translate("TrainingConfig", training::TrainingConfig::presetDescription(name).c_str()))
                             << Qt::endl;
        return kSuccess;
    }
    const bool resuming = parser.isSet(QStringLiteral("resume"));
    if (!resuming && (!parser.isSet(QStringLiteral("data")) || !parser.isSet(QStringLiteral("out")))) {
        CliOutput::error(tr("--data and --out are required (or --resume CHECKPOINT)"));
        return kUsage;
    }
    if (resuming && parser.isSet(QStringLiteral("preset"))) {
        CliOutput::error(tr("--preset cannot be combined with --resume: a resumed run keeps its checkpoint's settings"));
        return kUsage;
    }
    std::optional<training::DistributedSetup> setup;
    try {
        setup = rankSetup(parser);
    } catch (const Error &error) {
        CliOutput::error(QString::fromStdString(error.what()));
        return kUsage;
    }
    if (parser.isSet(QStringLiteral("nproc"))) {
        bool parsed = false;
        const int ranks = parser.value(QStringLiteral("nproc")).toInt(&parsed);
        if (!parsed || ranks < 1 || ranks > 64) {
            CliOutput::error(tr("--nproc needs a number from 1 to 64"));
            return kUsage;
        }
        if (setup) {
            CliOutput::error(tr("--nproc cannot start ranks inside a launched run (RANK and WORLD_SIZE are set)"));
            return kUsage;
        }
        if (ranks > 1) return LocalRanks::run(ranks, rankArguments(arguments), std::max(1, configuredThreads() / ranks));
    }
    try {
        Plan plan = resuming ? resumePlan(parser) : newPlan(parser);
        plan.ranks = setup;
        return train(plan);
    } catch (const Error &error) {
        CliOutput::error(QString::fromStdString(error.what()));
        return kFailure;
    }
}

// The launcher's environment (torchrun, srun, a Kubernetes operator, --nproc), with --rank-timeout.
std::optional<training::DistributedSetup> TrainCommand::rankSetup(const QCommandLineParser &parser)
{
    std::optional<training::DistributedSetup> setup = training::DistributedSetup::fromEnvironment();
    if (!setup) return std::nullopt;
    bool parsed = false;
    setup->timeoutSeconds = parser.value(QStringLiteral("rank-timeout")).toDouble(&parsed);
    if (!parsed) throw Error(ErrorKind::InvalidArgument, "--rank-timeout needs a number of seconds");
    setup->validate();
    return setup;
}

// A rank's command line: the same command, without --nproc.
QStringList TrainCommand::rankArguments(const QStringList &arguments)
{
    QStringList result{QStringLiteral("train")};
    for (int i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--nproc")) {
            ++i;
            continue;
        }
        if (arguments[i].startsWith(QLatin1String("--nproc="))) continue;
        result << arguments[i];
    }
    return result;
}

TrainCommand::Plan TrainCommand::newPlan(const QCommandLineParser &parser)
{
    Plan plan;
    plan.config = settings(parser, parser.isSet(QStringLiteral("preset")) ? training::TrainingConfig::preset(parser.value(QStringLiteral("preset")).toStdString())
                                                                         : training::TrainingConfig());
    plan.data = parser.value(QStringLiteral("data"));
    plan.format = parser.value(QStringLiteral("format"));
    plan.output = parser.value(QStringLiteral("out"));
    return plan;
}

// A resume takes the data, format, settings and output folder the checkpoint recorded; what the
// command line gives instead is used and reported.
TrainCommand::Plan TrainCommand::resumePlan(const QCommandLineParser &parser)
{
    Plan plan;
    plan.checkpoint = parser.value(QStringLiteral("resume"));
    const training::CheckpointInfo info = training::Trainer::inspectCheckpoint(plan.checkpoint.toStdString());
    plan.config = settings(parser, info.config);
    const auto choose = [&](const char *option, const std::string &recorded, const QString &fallback) {
        if (parser.isSet(QLatin1String(option))) {
            const QString given = parser.value(QLatin1String(option));
            if (!recorded.empty() && given.toStdString() != recorded)
                CliOutput::out() << tr("resume: --%1 %2 instead of the checkpoint's %3").arg(QLatin1String(option), given, QString::fromStdString(recorded))
                                 << Qt::endl;
            return given;
        }
        return recorded.empty() ? fallback : QString::fromStdString(recorded);
    };
    plan.data = choose("data", info.dataSource, QString());
    plan.format = choose("format", info.dataFormat, QStringLiteral("auto"));
    plan.output = choose("out", info.outputFolder, QString());
    if (plan.data.isEmpty() || plan.output.isEmpty())
        throw Error(ErrorKind::InvalidArgument, plan.checkpoint.toStdString() + ": this checkpoint predates recorded data sources; give --data and --out");
    CliOutput::out() << tr("Resuming %1 (%2 epochs done): data %3, output %4")
                            .arg(plan.checkpoint)
                            .arg(info.epochsDone)
                            .arg(plan.data, plan.output)
                     << Qt::endl;
    return plan;
}

int TrainCommand::train(const Plan &plan)
{
    training::DatasetLoader::Options options = training::DatasetLoader::optionsFor(plan.config);
    options.format = training::DatasetLoader::formatFromName(plan.format.toStdString());
    const training::Dataset dataset = training::DatasetLoader::load(plan.data.toStdString(), options);
    const bool leads = !plan.ranks || plan.ranks->leads(); // the other ranks report only errors
    if (leads) {
        CliOutput::out() << QString::fromStdString(dataset.name + ": " + dataset.report.summary()) << Qt::endl;
        for (const std::string &example : dataset.report.examples) CliOutput::out() << QStringLiteral("  ") << QString::fromStdString(example) << Qt::endl;
    }

    training::Trainer trainer = plan.checkpoint.isEmpty() ? training::Trainer(plan.config, dataset)
                                                          : training::Trainer::resume(plan.checkpoint.toStdString(), dataset, &plan.config);
    ProgressPrinter printer;
    if (leads) trainer.setObserver(&printer);
    if (plan.ranks) trainer.setDistributed(*plan.ranks);
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    std::atomic<bool> finished{false};
    std::thread watcher([&] {
        while (!finished) {
            if (g_interrupts > 0) {
                trainer.requestStop();
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
    training::TrainingResult result;
    try {
        result = trainer.run(plan.output.toStdString());
    } catch (...) {
        finished = true;
        watcher.join();
        throw;
    }
    finished = true;
    watcher.join();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    printer.endLine();
    if (!leads) return kSuccess;
    if (result.ranks > 1)
        CliOutput::out() << tr("Data parallel: %1 ranks; gradients averaged per step: %2 MB in %3 ms (rank 0)")
                                .arg(result.ranks)
                                .arg(double(result.allReducedBytesPerStep) / 1e6, 0, 'f', 1)
                                .arg(result.allReduceSecondsPerStep * 1000, 0, 'f', 1)
                         << Qt::endl;
    if (!result.skippedImages.empty())
        CliOutput::out() << tr("%n unreadable image(s) skipped (listed in history.json).", nullptr, int(result.skippedImages.size())) << Qt::endl;
    if (result.stopped) {
        CliOutput::out() << tr("Stopped after %1 steps. Continue with: snaption-cli train --resume %2")
                                .arg(result.steps)
                                .arg(QString::fromStdString(result.lastCheckpoint))
                         << Qt::endl;
        return kSuccess;
    }
    const auto &s = result.validationScores;
    CliOutput::out() << tr("Done in %1: %2 epochs. Best model on %3 validation images: BLEU-1 %4, BLEU-4 %5, CIDEr-D %6.")
                            .arg(duration(result.elapsedSeconds))
                            .arg(result.epochs)
                            .arg(s.images)
                            .arg(s.bleu[0], 0, 'f', 3)
                            .arg(s.bleu[3], 0, 'f', 3)
                            .arg(s.cider, 0, 'f', 3)
                     << Qt::endl;
    if (result.calibration) CliOutput::out() << tr("Confidence: %1").arg(ConfidenceText::calibration(*result.calibration)) << Qt::endl;
    CliOutput::out() << tr("Models: %1, %2").arg(QString::fromStdString(result.bestModel), QString::fromStdString(result.finalModel)) << Qt::endl;
    return kSuccess;
}

} // namespace snaption::cli
