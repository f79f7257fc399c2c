// InferenceLinear's AVX-512 tile on every machine: compiled against emulated instructions
// (avx512emulation.cpp), it must compute the dot products of the weights where TileLayout says
// they lie, plain or interleaved, for every tile shape; where the CPU has AVX-512, the emulation
// must give the CPU's kernel's results bit for bit, so that it stands for the kernel elsewhere.
#include "avx512emulation.h"
#include "inferencelinear.h"
#include "tilelayout.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <random>
#include <vector>

using namespace snaption;
using namespace snaption::test;

namespace {

constexpr int kGroupRows = 8; // InferenceLinear's interleaved groups

// 8 weight rows of `in` values, row-major, and the same rows stored as TileLayout says.
template <typename Weight>
struct TileWeights {
    std::vector<Weight> rows;
    std::vector<Weight> stored;
    TileLayout layout{0, 0};
    std::int64_t in = 0;

    const Weight *start(int firstRow) const { return stored.data() + firstRow * layout.rowStride; }
    Weight at(int row, std::int64_t i) const { return rows[std::size_t(row * in + i)]; }
};

// The rows stored plainly or in interleaved groups.
template <typename Weight>
TileWeights<Weight> storedAs(std::vector<Weight> rows, std::int64_t in, bool interleaved)
{
    TileWeights<Weight> w;
    w.in = in;
    w.rows = std::move(rows);
    w.layout = interleaved ? TileLayout{TileLayout::kChunk, kGroupRows * TileLayout::kChunk} : TileLayout{in, TileLayout::kChunk};
    w.stored.assign(w.rows.size(), Weight(0));
    for (int o = 0; o < kGroupRows; ++o)
        for (std::int64_t i = 0; i < in; ++i) {
            // Written out rather than through TileLayout::at: the test states the layout itself.
            const std::int64_t offset = interleaved ? (i / 16) * 128 + o * 16 + i % 16 : o * in + i;
            w.stored[std::size_t(offset)] = w.at(o, i);
        }
    return w;
}

template <typename Weight>
std::vector<Weight> randomRows(std::int64_t in, std::mt19937 &random)
{
    std::uniform_int_distribution<int> small(-127, 127);
    std::normal_distribution<float> normal;
    std::vector<Weight> rows;
    for (std::int64_t k = 0; k < kGroupRows * in; ++k) rows.push_back(std::is_same_v<Weight, float> ? Weight(normal(random)) : Weight(small(random)));
    return rows;
}

std::uint32_t bitsOf(float value)
{
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

} // namespace

class TestAvx512Tile : public QObject {
    Q_OBJECT

private:
    template <typename Weight>
    void checkEveryTileShape(std::int64_t in, bool interleaved)
    {
        std::mt19937 random(unsigned(in) * 7 + (interleaved ? 1 : 0));
        const TileWeights<Weight> weights = storedAs(randomRows<Weight>(in, random), in, interleaved);
        std::normal_distribution<float> normal;
        std::vector<float> x(std::size_t(4 * in));
        for (float &value : x) value = normal(random);

        for (const int outs : {8, 4, 1}) {
            for (int rows = 1; rows <= 4; ++rows) {
                for (int first = 0; first + outs <= kGroupRows; first += outs) {
                    std::vector<float> dots(std::size_t(outs * rows));
                    emulatedAvx512Tile(weights.start(first), weights.layout, in, x.data(), outs, rows, dots.data());
                    for (int r = 0; r < rows; ++r) {
                        for (int o = 0; o < outs; ++o) {
                            double exact = 0, magnitude = 0;
                            for (std::int64_t i = 0; i < in; ++i) {
                                const double product = double(weights.at(first + o, i)) * double(x[std::size_t(r * in + i)]);
                                exact += product;
                                magnitude += std::abs(product);
                            }
                            const float got = dots[std::size_t(r * outs + o)];
                            QVERIFY2(std::abs(double(got) - exact) <= 1e-5 * magnitude + 1e-6,
                                     qPrintable(QStringLiteral("outs %1 rows %2 row %3 input %4: %5 vs %6").arg(outs).arg(rows).arg(first + o).arg(r).arg(got).arg(exact)));
                        }
                    }
                }
            }
        }
        if (!interleaved) return;
        // The storage changes where weights lie, never the order of the sums: the same rows stored
        // plainly give the same bits.
        const TileWeights<Weight> samePlain = storedAs(weights.rows, in, false);
        std::vector<float> fromInterleaved(4 * 4), fromPlain(4 * 4);
        for (const int first : {0, 4}) {
            emulatedAvx512Tile(weights.start(first), weights.layout, in, x.data(), 4, 4, fromInterleaved.data());
            emulatedAvx512Tile(samePlain.start(first), samePlain.layout, in, x.data(), 4, 4, fromPlain.data());
            QCOMPARE(fromInterleaved, fromPlain);
        }
    }

private Q_SLOTS:
    void computesTheDotProductsWhereTheLayoutSays_data()
    {
        QTest::addColumn<bool>("int8");
        QTest::addColumn<int>("in");
        QTest::addColumn<bool>("interleaved");
        for (const bool int8 : {false, true}) {
            // Plain rows with a tail of 5 (37 inputs) and without; interleaved groups (multiples of 16).
            QTest::addRow("%s plain 37", int8 ? "int8" : "fp32") << int8 << 37 << false;
            QTest::addRow("%s plain 512", int8 ? "int8" : "fp32") << int8 << 512 << false;
            QTest::addRow("%s interleaved 512", int8 ? "int8" : "fp32") << int8 << 512 << true;
            QTest::addRow("%s interleaved 2048", int8 ? "int8" : "fp32") << int8 << 2048 << true;
        }
    }

    void computesTheDotProductsWhereTheLayoutSays()
    {
        QFETCH(bool, int8);
        QFETCH(int, in);
        QFETCH(bool, interleaved);
        if (int8) checkEveryTileShape<std::int8_t>(in, interleaved);
        else checkEveryTileShape<float>(in, interleaved);
    }

    // On a CPU with AVX-512: InferenceLinear on its AVX-512 kernel (int8 rows interleaved, fp32
    // plain, tiles of every shape) and the emulated tile one row at a time agree bit for bit.
    void theEmulationGivesTheCpusBits_data()
    {
        QTest::addColumn<bool>("int8");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("in");
        for (const bool int8 : {false, true})
            for (const int rows : {1, 2, 3, 7})
                for (const int in : {512, 37}) QTest::addRow("%s rows %d in %d", int8 ? "int8" : "fp32", rows, in) << int8 << rows << in;
    }

    void theEmulationGivesTheCpusBits()
    {
        QFETCH(bool, int8);
        QFETCH(int, rows);
        QFETCH(int, in);
        if (!(__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw"))) QSKIP("this CPU lacks AVX-512");
        constexpr int kOut = 300;
        torch::manual_seed(rows * 100 + in);
        const torch::Tensor weight = torch::randn({kOut, in}), x = torch::randn({rows, in});
        const InferenceLinear layer(weight, torch::zeros({kOut}), int8 ? WeightPrecision::Int8 : WeightPrecision::Float32);
        InferenceLinear::setKernel(InferenceLinear::Kernel::Avx512);
        torch::Tensor y = torch::empty({rows, kOut});
        layer.forward(x.data_ptr<float>(), rows, y.data_ptr<float>());
        InferenceLinear::setKernel(InferenceLinear::Kernel::Auto);

        // InferenceLinear's quantisation, as its header describes it: |q| <= 127, one scale per row.
        const torch::Tensor scales = (weight.abs().amax(1) / 127.0).clamp_min(1e-12).contiguous();
        const torch::Tensor values = torch::round(weight / scales.unsqueeze(1)).clamp(-127, 127).to(torch::kInt8).contiguous();
        const TileLayout plain{in, TileLayout::kChunk};
        for (int o = 0; o < kOut; ++o) {
            for (int r = 0; r < rows; ++r) {
                float dot = 0;
                if (int8) emulatedAvx512Tile(values.data_ptr<std::int8_t>() + o * in, plain, in, x.data_ptr<float>() + r * in, 1, 1, &dot);
                else emulatedAvx512Tile(weight.data_ptr<float>() + o * in, plain, in, x.data_ptr<float>() + r * in, 1, 1, &dot);
                const float expected = (int8 ? dot * scales[o].item<float>() : dot) + 0.0f;
                QCOMPARE(bitsOf(y[r][o].item<float>()), bitsOf(expected));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestAvx512Tile)
#include "tst_avx512tile.moc"
