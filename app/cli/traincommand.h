#pragma once

#include "clicommand.h"

#include <snaption/training/distributedsetup.h>
#include <snaption/training/trainingconfig.h>

#include <QStringList>

#include <optional>

#include <string>

namespace snaption::cli {

// snaption-cli train: trains a captioning model with a progress bar; Ctrl-C saves a checkpoint.
class TrainCommand : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(TrainCommand)
public:
    QString name() const override { return QStringLiteral("train"); }
    QString summary() const override { return tr("Train a captioning model."); }
    int run(const QStringList &arguments) override;

private:
    // What to train on, with which settings, into which folder; checkpoint set when resuming.
    struct Plan {
        training::TrainingConfig config;
        QString data, format, output, checkpoint;
        std::optional<training::DistributedSetup> ranks; // set in a data-parallel run
    };
    static std::optional<training::DistributedSetup> rankSetup(const QCommandLineParser &parser);
    static QStringList rankArguments(const QStringList &arguments);
    static training::TrainingConfig settings(const QCommandLineParser &parser, const training::TrainingConfig &base);
    static std::string configText(const QString &value);
    Plan newPlan(const QCommandLineParser &parser);
    Plan resumePlan(const QCommandLineParser &parser);
    int train(const Plan &plan);
};

} // namespace snaption::cli
