// InferenceLinear's AVX-512 tile on every machine: compiled against emulated instructions
// (avx512emulation.cpp), it must compute, for every tile shape, each output as its products summed
// in input order with one fused multiply-add each, from weights where WeightPanels says they lie,
// bit for bit. (tst_inferencelinear asks the same bits of the real kernels the CPU has.)
#include "avx512emulation.h"
#include "sequentialdot.h"

#include <QtTest>

#include <random>
#include <vector>

using namespace snaption;
using namespace snaption::test;

namespace {

constexpr int kPanelWidth = 16;
constexpr int kOutputs = 4 * kPanelWidth; // the widest tile

// kOutputs weight rows of `in` values, row-major, and the same weights in panels.
template <typename Weight>
struct PanelWeights {
    std::vector<Weight> rows, panels;
    std::vector<float> scales, bias;
    std::int64_t in = 0;
};

template <typename Weight>
PanelWeights<Weight> randomWeights(std::int64_t in, std::mt19937 &random)
{
    std::uniform_int_distribution<int> small(-127, 127);
    std::normal_distribution<float> normal;
    PanelWeights<Weight> w;
    w.in = in;
    for (std::int64_t k = 0; k < kOutputs * in; ++k) w.rows.push_back(std::is_same_v<Weight, float> ? Weight(normal(random)) : Weight(small(random)));
    for (int o = 0; o < kOutputs; ++o) {
        w.scales.push_back(std::abs(normal(random)) * 0.01f);
        w.bias.push_back(normal(random));
    }
    // Written out rather than through WeightPanels::offset: the test states the layout itself.
    w.panels.assign(w.rows.size(), Weight(0));
    for (int o = 0; o < kOutputs; ++o)
        for (std::int64_t i = 0; i < in; ++i) w.panels[std::size_t(((o / kPanelWidth) * in + i) * kPanelWidth + o % kPanelWidth)] = w.rows[std::size_t(o * in + i)];
    return w;
}

float expectedOutput(const PanelWeights<float> &w, int o, const float *x)
{
    return sequentialOutput(w.rows.data() + o * w.in, x, w.in, w.bias[std::size_t(o)]);
}

float expectedOutput(const PanelWeights<std::int8_t> &w, int o, const float *x)
{
    return sequentialOutput(w.rows.data() + o * w.in, w.scales[std::size_t(o)], x, w.in, w.bias[std::size_t(o)]);
}

void emulatedTile(const PanelWeights<float> &w, int firstPanel, const float *x, int rows, int panels, float *results)
{
    emulatedAvx512Tile(w.panels.data() + firstPanel * w.in * kPanelWidth, w.in, x, rows, panels, w.bias.data() + firstPanel * kPanelWidth, results);
}

void emulatedTile(const PanelWeights<std::int8_t> &w, int firstPanel, const float *x, int rows, int panels, float *results)
{
    emulatedAvx512Tile(w.panels.data() + firstPanel * w.in * kPanelWidth, w.in, x, rows, panels, w.scales.data() + firstPanel * kPanelWidth,
                       w.bias.data() + firstPanel * kPanelWidth, results);
}

} // namespace

class TestAvx512Tile : public QObject {
    Q_OBJECT

private:
    template <typename Weight>
    void checkEveryTileShape(std::int64_t in)
    {
        std::mt19937 random(unsigned(in) * 7 + sizeof(Weight));
        const PanelWeights<Weight> weights = randomWeights<Weight>(in, random);
        std::normal_distribution<float> normal;
        std::vector<float> x(std::size_t(8 * in));
        for (float &value : x) value = normal(random);

        for (const int panels : {1, 2, 4}) {
            for (int rows = 1; rows <= 8; ++rows) {
                for (int first = 0; first + panels <= kOutputs / kPanelWidth; first += panels) {
                    std::vector<float> results(std::size_t(rows * panels * kPanelWidth));
                    emulatedTile(weights, first, x.data(), rows, panels, results.data());
                    for (int r = 0; r < rows; ++r) {
                        for (int j = 0; j < panels * kPanelWidth; ++j) {
                            const int o = first * kPanelWidth + j;
                            const float got = results[std::size_t(r * panels * kPanelWidth + j)], expected = expectedOutput(weights, o, x.data() + r * in);
                            QVERIFY2(bitsOf(got) == bitsOf(expected),
                                     qPrintable(QStringLiteral("panels %1 rows %2 output %3 row %4: %5 vs %6").arg(panels).arg(rows).arg(o).arg(r).arg(got).arg(expected)));
                        }
                    }
                }
            }
        }
    }

private Q_SLOTS:
    void sumsEachOutputInInputOrder_data()
    {
        QTest::addColumn<bool>("int8");
        QTest::addColumn<int>("in");
        for (const bool int8 : {false, true})
            for (const int in : {37, 512, 2048}) QTest::addRow("%s in %d", int8 ? "int8" : "fp32", in) << int8 << in;
    }

    void sumsEachOutputInInputOrder()
    {
        QFETCH(bool, int8);
        QFETCH(int, in);
        if (int8) checkEveryTileShape<std::int8_t>(in);
        else checkEveryTileShape<float>(in);
    }
};

QTEST_GUILESS_MAIN(TestAvx512Tile)
#include "tst_avx512tile.moc"
