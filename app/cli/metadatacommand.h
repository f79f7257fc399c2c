#pragma once

#include "clicommand.h"

namespace snaption::cli {

// snaption-cli metadata show IMAGE... | restore JOURNAL: what photos hold (and which of it came
// from Snaption), and undoing a run from its journal.
class MetadataCommand : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(MetadataCommand)
public:
    QString name() const override { return QStringLiteral("metadata"); }
    QString summary() const override { return tr("Show the captions photos hold, or undo a run (show | restore)."); }
    int run(const QStringList &arguments) override;

private:
    int show(const QStringList &arguments);
    int restore(const QStringList &arguments);
};

} // namespace snaption::cli
