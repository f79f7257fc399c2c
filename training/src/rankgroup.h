#pragma once

#include <snaption/training/distributedsetup.h>

#include <torch/torch.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace c10d {
class Store;
class ProcessGroupGloo;
} // namespace c10d

namespace snaption::training {

// The ranks of a data-parallel run, joined through PyTorch's c10d: a TCPStore on rank 0 for the
// rendezvous and ProcessGroupGloo for the collectives. Every failure (a rank that died, hangs or
// lost its connection) becomes Error(Io) naming the rank(s) that stopped answering, within the
// setup's timeout: never a hang.
class RankGroup {
public:
    explicit RankGroup(const DistributedSetup &setup);
    ~RankGroup();

    int rank() const { return m_setup.rank; }
    int size() const { return m_setup.worldSize; }

    // Sums each value across ranks, in place. With zeros from every rank but one it is a broadcast.
    void sum(std::vector<double> &values, const char *during);
    double maximum(double value, const char *during);
    // Rank 0's values into every rank's tensors (same shapes), in place.
    void broadcastFromLeader(const std::vector<torch::Tensor> &tensors, const char *during);
    // Replaces each parameter's gradient by its mean across ranks (a missing gradient counts as
    // zeros). Gradients travel flattened, in buckets of about 16 MB.
    void averageGradients(const std::vector<torch::Tensor> &parameters);
    std::int64_t bytesPerAverage() const { return m_bytesPerAverage; }
    double secondsInAverages() const { return m_secondsInAverages; }

    // A phase only rank 0 works through (scoring, saving): rank 0 beats while it works and marks
    // the end; the others wait without a bound on the phase's length, but not longer than the
    // timeout without a beat.
    void beat();
    void leaderFinished(const std::string &phase);
    void waitForLeader(const std::string &phase);

private:
    [[noreturn]] void fail(const std::string &during, const std::exception &error);
    std::string silentRanks();

    DistributedSetup m_setup;
    std::chrono::milliseconds m_timeout;
    c10::intrusive_ptr<c10d::Store> m_store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> m_group;
    std::int64_t m_bytesPerAverage = 0;
    double m_secondsInAverages = 0;
};

} // namespace snaption::training
