#pragma once

#include "clicommand.h"

namespace snaption::cli {

// snaption-cli train: trains a captioning model with a progress bar; Ctrl-C saves a checkpoint.
class TrainCommand : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(TrainCommand)
public:
    QString name() const override { return QStringLiteral("train"); }
    QString summary() const override { return tr("Train a captioning model."); }
    int run(const QStringList &arguments) override;
};

} // namespace snaption::cli
