// The SIMD matrix-times-few-rows kernels against LibTorch's linear().
#include "inferencelinear.h"
#include "sequentialdot.h"

#include <QtTest>

using namespace snaption;
using namespace snaption::test;
using Kernel = InferenceLinear::Kernel;

Q_DECLARE_METATYPE(InferenceLinear::Kernel)

class TestInferenceLinear : public QObject {
    Q_OBJECT

private:
    static bool supported(Kernel kernel)
    {
        if (kernel == Kernel::Avx512) return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
        if (kernel == Kernel::Avx2) return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
        return true;
    }

private Q_SLOTS:
    void cleanup() { InferenceLinear::setKernel(Kernel::Auto); }

    void matchesLinear_data()
    {
        QTest::addColumn<Kernel>("kernel");
        QTest::addColumn<bool>("int8");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("in");
        for (const Kernel kernel : {Kernel::Scalar, Kernel::Avx2, Kernel::Avx512}) {
            for (const bool int8 : {false, true}) {
                // Row counts around the tiles' 6 and 8 rows; input sizes with and without a multiple of 8.
                for (const int rows : {1, 3, 4, 7, 16, 21}) {
                    for (const int in : {512, 37, 8}) {
                        QTest::addRow("kernel %d %s rows %d in %d", int(kernel), int8 ? "int8" : "fp32", rows, in)
                            << kernel << int8 << rows << in;
                    }
                }
            }
        }
    }

    void matchesLinear()
    {
        QFETCH(Kernel, kernel);
        QFETCH(bool, int8);
        QFETCH(int, rows);
        QFETCH(int, in);
        if (!supported(kernel)) QSKIP("this CPU lacks the instruction set");
        InferenceLinear::setKernel(kernel);
        torch::manual_seed(rows * 1000 + in);
        const torch::Tensor weight = torch::randn({300, in}), bias = torch::randn({300}), x = torch::randn({rows, in});
        const InferenceLinear layer(weight, bias, int8 ? WeightPrecision::Int8 : WeightPrecision::Float32);
        torch::Tensor y = torch::empty({rows, 300});
        layer.forward(x.data_ptr<float>(), rows, y.data_ptr<float>());
        const torch::Tensor effective = int8 ? InferenceLinear::roundToInt8(weight) : weight;
        const double error = (y - torch::linear(x, effective, bias)).abs().max().item<double>();
        QVERIFY2(error < 1e-3, qPrintable(QString::number(error)));
    }

    void eachRowIsIndependentOfTheOthers_data()
    {
        QTest::addColumn<Kernel>("kernel");
        QTest::addColumn<bool>("int8");
        QTest::addColumn<int>("in");
        for (const Kernel kernel : {Kernel::Scalar, Kernel::Avx2, Kernel::Avx512})
            for (const bool int8 : {false, true})
                for (const int in : {515, 512}) // 301 outputs: a last panel of 13
                    QTest::addRow("kernel %d %s in %d", int(kernel), int8 ? "int8" : "fp32", in) << kernel << int8 << in;
    }

    // A batched beam search gives each image the caption it gets alone only if a row's numbers
    // do not depend on how many rows share the product, nor on its place among them: bit for bit.
    void eachRowIsIndependentOfTheOthers()
    {
        QFETCH(Kernel, kernel);
        QFETCH(bool, int8);
        QFETCH(int, in);
        if (!supported(kernel)) QSKIP("this CPU lacks the instruction set");
        InferenceLinear::setKernel(kernel);
        torch::manual_seed(7);
        const int rows = 23, out = 301;
        const torch::Tensor weight = torch::randn({out, in}), bias = torch::randn({out}), x = torch::randn({rows, in});
        const InferenceLinear layer(weight, bias, int8 ? WeightPrecision::Int8 : WeightPrecision::Float32);
        torch::Tensor all = torch::empty({rows, out});
        layer.forward(x.data_ptr<float>(), rows, all.data_ptr<float>());
        for (int first = 0; first < rows; ++first) {
            for (const int count : {1, 2, 3}) {
                if (first + count > rows) continue;
                torch::Tensor some = torch::empty({count, out});
                layer.forward(x[first].data_ptr<float>(), count, some.data_ptr<float>());
                QVERIFY2(torch::equal(some, all.narrow(0, first, count)), qPrintable(QStringLiteral("rows %1..%2").arg(first).arg(first + count - 1)));
            }
        }
    }

    void simdKernelsSumInInputOrder_data()
    {
        QTest::addColumn<Kernel>("kernel");
        QTest::addColumn<bool>("int8");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("in");
        for (const Kernel kernel : {Kernel::Avx2, Kernel::Avx512})
            for (const bool int8 : {false, true})
                for (const int rows : {1, 2, 3, 5, 7, 8, 21}) // every tile shape of both kernels
                    for (const int in : {512, 37})
                        QTest::addRow("kernel %d %s rows %d in %d", int(kernel), int8 ? "int8" : "fp32", rows, in) << kernel << int8 << rows << in;
    }

    // The SIMD kernels compute every output as its products summed in input order, one fused
    // multiply-add each, then scaled (int8) and biased: bit for bit, so each kernel gives the same
    // numbers whatever the tile (and tst_avx512tile's emulation stands for the AVX-512 one).
    void simdKernelsSumInInputOrder()
    {
        QFETCH(Kernel, kernel);
        QFETCH(bool, int8);
        QFETCH(int, rows);
        QFETCH(int, in);
        if (!supported(kernel)) QSKIP("this CPU lacks the instruction set");
        constexpr int kOut = 300; // a last panel part-filled
        torch::manual_seed(rows * 100 + in);
        const torch::Tensor weight = torch::randn({kOut, in}), bias = torch::randn({kOut}), x = torch::randn({rows, in});
        InferenceLinear::setKernel(kernel);
        const InferenceLinear layer(weight, bias, int8 ? WeightPrecision::Int8 : WeightPrecision::Float32);
        torch::Tensor y = torch::empty({rows, kOut});
        layer.forward(x.data_ptr<float>(), rows, y.data_ptr<float>());

        // The quantisation the header describes: |q| <= 127, one scale per row.
        const torch::Tensor scales = (weight.abs().amax(1) / 127.0).clamp_min(1e-12).contiguous();
        const torch::Tensor values = torch::round(weight / scales.unsqueeze(1)).clamp(-127, 127).to(torch::kInt8).contiguous();
        for (int o = 0; o < kOut; ++o) {
            for (int r = 0; r < rows; ++r) {
                const float *row = x.data_ptr<float>() + r * in;
                const float expected = int8 ? sequentialOutput(values.data_ptr<std::int8_t>() + o * in, scales[o].item<float>(), row, in, bias[o].item<float>())
                                            : sequentialOutput(weight.data_ptr<float>() + o * in, row, in, bias[o].item<float>());
                QVERIFY2(bitsOf(y[r][o].item<float>()) == bitsOf(expected),
                         qPrintable(QStringLiteral("output %1 row %2: %3 vs %4").arg(o).arg(r).arg(y[r][o].item<float>()).arg(expected)));
            }
        }
    }

    void int8RoundingIsPerRowAndIdempotent()
    {
        torch::manual_seed(1);
        torch::Tensor weight = torch::randn({64, 128});
        weight[3] *= 100; // one loud row must not coarsen the others
        const torch::Tensor rounded = InferenceLinear::roundToInt8(weight);
        const torch::Tensor rowMax = weight.abs().amax(1, true);
        QVERIFY(((rounded - weight).abs() <= rowMax / 254.0 + 1e-6).all().item<bool>());
        QVERIFY(torch::equal(InferenceLinear::roundToInt8(rounded), rounded) ||
                (InferenceLinear::roundToInt8(rounded) - rounded).abs().max().item<double>() < 1e-6);
        // Every rounded weight is an integer multiple of its row's scale, within +-127 of them.
        const torch::Tensor steps = rounded / (rowMax / 127.0);
        QVERIFY(((steps - steps.round()).abs() < 1e-3).all().item<bool>());
        QVERIFY((steps.abs() <= 127.001).all().item<bool>());
    }
};

QTEST_GUILESS_MAIN(TestInferenceLinear)
#include "tst_inferencelinear.moc"
