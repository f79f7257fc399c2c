#pragma once

#include "clicommand.h"

namespace snaption::cli {

// snaption-cli init-model: writes a randomly initialised model file.
class InitModelCommand : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(InitModelCommand)
public:
    QString name() const override { return QStringLiteral("init-model"); }
    QString summary() const override { return tr("Create a randomly initialised model file."); }
    int run(const QStringList &arguments) override;
};

} // namespace snaption::cli
