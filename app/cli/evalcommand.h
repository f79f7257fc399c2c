#pragma once

#include "clicommand.h"

namespace snaption::cli {

// snaption-cli eval: BLEU-1..4 and CIDEr-D of a model on a dataset split (and, for synthetic
// scenes, how often a noun's attention peak lies on its object).
class EvalCommand : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(EvalCommand)
public:
    QString name() const override { return QStringLiteral("eval"); }
    QString summary() const override { return tr("Score a model on a dataset split."); }
    int run(const QStringList &arguments) override;
};

} // namespace snaption::cli
