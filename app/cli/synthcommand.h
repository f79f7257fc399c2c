#pragma once

#include "clicommand.h"

namespace snaption::cli {

// snaption-cli synth: writes synthetic scenes as a folder dataset.
class SynthCommand : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(SynthCommand)
public:
    QString name() const override { return QStringLiteral("synth"); }
    QString summary() const override { return tr("Write synthetic scenes (images, captions, object boxes)."); }
    int run(const QStringList &arguments) override;
};

} // namespace snaption::cli
