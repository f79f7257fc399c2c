#pragma once

#include "clicommand.h"

namespace snaption::cli {

// snaption-cli classify: ImageNet classes of images with a pretrained encoder, to check imported
// encoder weights.
class ClassifyCommand : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(ClassifyCommand)
public:
    QString name() const override { return QStringLiteral("classify"); }
    QString summary() const override { return tr("Classify images with pretrained encoder weights."); }
    int run(const QStringList &arguments) override;
};

} // namespace snaption::cli
