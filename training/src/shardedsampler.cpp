#include "shardedsampler.h"

#include "splitmix.h"

#include <algorithm>
#include <utility>

namespace snaption::training {

namespace {

void shuffle(std::vector<std::int64_t> &values, SplitMix &random)
{
    for (std::size_t i = values.size(); i > 1; --i) std::swap(values[i - 1], values[std::size_t(random.below(int(i)))]);
}

} // namespace

std::vector<std::vector<std::int64_t>> ShardedSampler::partition(const std::vector<std::int64_t> &records, int shards, std::uint64_t seed)
{
    if (shards <= 1) return {records};
    std::vector<std::int64_t> dealt = records;
    SplitMix random(seed, 0x5A4D000000ull);
    shuffle(dealt, random);
    std::vector<std::vector<std::int64_t>> result(static_cast<std::size_t>(shards));
    for (std::size_t i = 0; i < dealt.size(); ++i) result[i % std::size_t(shards)].push_back(dealt[i]);
    for (auto &shard : result) std::sort(shard.begin(), shard.end()); // the order comes from shuffled()
    return result;
}

std::vector<std::int64_t> ShardedSampler::shuffled(std::vector<std::int64_t> records, std::uint64_t seed, int shard, int epoch)
{
    // Shard 0 keeps the stream of single-process runs, so their data order is unchanged.
    SplitMix random(seed, 0xE90C0000ull + std::uint64_t(epoch) + (std::uint64_t(shard) << 40));
    shuffle(records, random);
    return records;
}

std::vector<std::int64_t> ShardedSampler::batch(const std::vector<std::int64_t> &order, int step, int batchSize)
{
    const std::size_t first = std::size_t(step) * std::size_t(batchSize);
    if (first >= order.size()) return {};
    const std::size_t last = std::min(order.size(), first + std::size_t(batchSize));
    return std::vector<std::int64_t>(order.begin() + std::ptrdiff_t(first), order.begin() + std::ptrdiff_t(last));
}

int ShardedSampler::stepsPerEpoch(std::int64_t largestShard, int batchSize)
{
    return int((largestShard + batchSize - 1) / batchSize);
}

} // namespace snaption::training
