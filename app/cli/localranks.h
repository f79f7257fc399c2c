#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace snaption::cli {

// `snaption-cli train --nproc N`: starts N training processes of this program on this machine,
// joined as torchrun would join them (RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR, MASTER_PORT on a
// free local port), and waits for all. Rank 0's output is shown; the others show only errors.
// Ctrl-C and SIGTERM are passed on to every rank, once each. The exit code is the first failing
// rank's (0 when all succeed).
class LocalRanks {
    Q_DECLARE_TR_FUNCTIONS(LocalRanks)
public:
    // `commandArguments`: what follows "snaption-cli", without --nproc. `threadsPerRank`: CPU
    // threads each process uses.
    static int run(int ranks, const QStringList &commandArguments, int threadsPerRank);
    static int freeLocalPort(); // 0 when none can be found
};

} // namespace snaption::cli
