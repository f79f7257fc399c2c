#pragma once

#include "clicommand.h"

namespace snaption::cli {

// snaption-cli import-seed: converts the original Python Snaption model into a model file.
class ImportSeedCommand : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(ImportSeedCommand)
public:
    QString name() const override { return QStringLiteral("import-seed"); }
    QString summary() const override { return tr("Import a model of the original Python Snaption."); }
    int run(const QStringList &arguments) override;
};

} // namespace snaption::cli
