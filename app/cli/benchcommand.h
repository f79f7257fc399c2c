#pragma once

#include "clicommand.h"

namespace snaption::cli {

// snaption-cli bench: latency per stage (greedy and beam 3, with and without the KV cache),
// batched throughput and memory use over a run of images.
class BenchCommand : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(BenchCommand)
public:
    QString name() const override { return QStringLiteral("bench"); }
    QString summary() const override { return tr("Measure captioning speed and memory."); }
    int run(const QStringList &arguments) override;
};

} // namespace snaption::cli
