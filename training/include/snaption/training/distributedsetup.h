#pragma once

#include <optional>
#include <string>

namespace snaption::training {

// Where this process stands in a data-parallel training run: the launch conventions of torchrun,
// which Slurm (srun) scripts and Kubernetes training operators also set.
struct DistributedSetup {
    int rank = 0;      // RANK: 0 leads (scores, writes checkpoints, history and models)
    int worldSize = 1; // WORLD_SIZE: processes in the run
    int localRank = 0; // LOCAL_RANK: index on this machine
    std::string masterAddress = "127.0.0.1"; // MASTER_ADDR: where rank 0 listens
    int masterPort = 29500;                  // MASTER_PORT
    // A rank that does not answer for this long (it died, hangs, or its network is gone) ends
    // the run on every other rank with an error naming it.
    double timeoutSeconds = 60;

    bool distributed() const { return worldSize > 1; }
    bool leads() const { return rank == 0; }

    // From the environment; nullopt when RANK or WORLD_SIZE is not set. Throws
    // Error(InvalidArgument) naming the variable when one is malformed or out of range.
    static std::optional<DistributedSetup> fromEnvironment();
    void validate() const; // Error(InvalidArgument)
};

} // namespace snaption::training
