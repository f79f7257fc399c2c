#pragma once

#include <cstdint>
#include <vector>

namespace snaption::training {

// Which training records each data shard holds and in what order it visits them. A run's records
// are dealt once (from the seed) into shards; every epoch each shard reshuffles its own records.
// Data-parallel ranks each train their shard(s), so each caches only its own images; step k of an
// epoch trains batch k of every shard, every record once per epoch. With one shard the order is
// the single-process order of earlier versions.
class ShardedSampler {
public:
    // Records dealt into `shards` disjoint shares of near-equal size (sizes differ by at most one).
    static std::vector<std::vector<std::int64_t>> partition(const std::vector<std::int64_t> &records, int shards, std::uint64_t seed);
    // A shard's records in this epoch's order: a function of the seed, shard and epoch only.
    static std::vector<std::int64_t> shuffled(std::vector<std::int64_t> records, std::uint64_t seed, int shard, int epoch);
    // Batch `step` of an ordered shard (empty past its end: a shorter shard sits out last steps).
    static std::vector<std::int64_t> batch(const std::vector<std::int64_t> &order, int step, int batchSize);
    static int stepsPerEpoch(std::int64_t largestShard, int batchSize);
};

} // namespace snaption::training
