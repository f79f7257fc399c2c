#pragma once

#include "clicommand.h"

#include <snaption/heatmaprenderer.h>

namespace snaption::cli {

// snaption-cli caption: one caption per image, as plain lines or JSON, optionally with heatmaps.
class CaptionCommand : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(CaptionCommand)
public:
    QString name() const override { return QStringLiteral("caption"); }
    QString summary() const override { return tr("Caption images (files or folders)."); }
    int run(const QStringList &arguments) override;

private:
    static void addOptions(QCommandLineParser &parser);
    // The heatmap style, batch size and pixel limit; false after printing what is wrong.
    static bool readNumbers(const QCommandLineParser &parser, HeatmapStyle &style, int &batchSize, double &megapixels);
};

} // namespace snaption::cli
