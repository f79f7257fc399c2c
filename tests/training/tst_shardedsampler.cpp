// The distributed sampler: disjoint shards that together hold every record once, reshuffled per
// epoch, reproducible from the seed; one shard keeps the single-process order.
#include "shardedsampler.h"
#include "splitmix.h"

#include <QtTest>

#include <algorithm>
#include <numeric>
#include <set>

using snaption::training::ShardedSampler;
using snaption::training::SplitMix;

class TestShardedSampler : public QObject {
    Q_OBJECT

    static std::vector<std::int64_t> records(int count)
    {
        std::vector<std::int64_t> values;
        for (int i = 0; i < count; ++i) values.push_back(3 * i + 1); // not 0..n-1: indices, not positions
        return values;
    }

private Q_SLOTS:
    void shardsAreDisjointAndCoverEveryRecord()
    {
        for (const int count : {0, 1, 7, 100, 1001}) {
            for (const int shards : {1, 2, 3, 8}) {
                const auto partition = ShardedSampler::partition(records(count), shards, 42);
                QCOMPARE(int(partition.size()), shards);
                std::multiset<std::int64_t> seen;
                std::size_t smallest = SIZE_MAX, largest = 0;
                for (const auto &shard : partition) {
                    seen.insert(shard.begin(), shard.end());
                    smallest = std::min(smallest, shard.size());
                    largest = std::max(largest, shard.size());
                }
                const auto all = records(count);
                QCOMPARE(seen, std::multiset<std::int64_t>(all.begin(), all.end()));
                QVERIFY(largest - smallest <= 1);
                QCOMPARE(ShardedSampler::stepsPerEpoch(std::int64_t(largest), 16), int((largest + 15) / 16));
            }
        }
    }

    void theSeedDecidesThePartition()
    {
        QCOMPARE(ShardedSampler::partition(records(500), 4, 7), ShardedSampler::partition(records(500), 4, 7));
        QVERIFY(ShardedSampler::partition(records(500), 4, 7) != ShardedSampler::partition(records(500), 4, 8));
    }

    void eachEpochReshufflesAShard()
    {
        const auto shard = ShardedSampler::partition(records(300), 2, 3)[1];
        const auto first = ShardedSampler::shuffled(shard, 3, 1, 0), second = ShardedSampler::shuffled(shard, 3, 1, 1);
        QVERIFY(first != second);
        QCOMPARE(ShardedSampler::shuffled(shard, 3, 1, 0), first); // reproducible
        QVERIFY(ShardedSampler::shuffled(shard, 3, 0, 0) != first); // shards draw their own orders
        auto sorted = first;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(sorted, shard); // a permutation
    }

    void oneShardKeepsTheSingleProcessOrder()
    {
        // The order single-process runs used before shards existed (Trainer, seed 11, epoch 4).
        std::vector<std::int64_t> expected = records(200);
        SplitMix shuffle(11, 0xE90C0000ull + 4);
        for (std::size_t i = expected.size(); i > 1; --i) std::swap(expected[i - 1], expected[std::size_t(shuffle.below(int(i)))]);
        QCOMPARE(ShardedSampler::partition(records(200), 1, 11).front(), records(200));
        QCOMPARE(ShardedSampler::shuffled(records(200), 11, 0, 4), expected);
    }

    void batchesWalkTheOrderAndEndEmpty()
    {
        const std::vector<std::int64_t> order{5, 9, 2, 7, 1};
        QCOMPARE(ShardedSampler::batch(order, 0, 2), (std::vector<std::int64_t>{5, 9}));
        QCOMPARE(ShardedSampler::batch(order, 2, 2), (std::vector<std::int64_t>{1}));
        QVERIFY(ShardedSampler::batch(order, 3, 2).empty()); // a shorter shard sits out a last step
    }
};

QTEST_GUILESS_MAIN(TestShardedSampler)
#include "tst_shardedsampler.moc"
