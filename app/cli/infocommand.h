#pragma once

#include "clicommand.h"

namespace snaption::cli {

// snaption-cli info: what a model file is, without loading its weights.
class InfoCommand : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(InfoCommand)
public:
    QString name() const override { return QStringLiteral("info"); }
    QString summary() const override { return tr("Describe a model file."); }
    int run(const QStringList &arguments) override;
};

} // namespace snaption::cli
