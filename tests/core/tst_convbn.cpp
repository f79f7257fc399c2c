// A convolution with its batch norm: folded for inference it computes what the two compute apart,
// TensorFlow SAME padding included (where the folded kernel reads the padding itself), and it
// activates in place only where no gradient flows.
#include "convbn.h"

#include <torch/torch.h>

#include <QtTest>

using namespace snaption;

namespace {

struct Layer {
    torch::nn::Conv2d conv{nullptr};
    torch::nn::BatchNorm2d norm{nullptr};
    ConvBn convBn;
};

Layer makeLayer(int in, int out, int kernel, int stride, int groups, Activation activation)
{
    torch::manual_seed(5);
    Layer layer;
    layer.conv = ConvBn::makeConv(in, out, kernel, stride, groups, true);
    layer.norm = ConvBn::makeNorm(out, 1e-3);
    torch::NoGradGuard noGrad;
    layer.norm->running_mean.uniform_(-0.5, 0.5);
    layer.norm->running_var.uniform_(0.5, 2.0);
    layer.norm->weight.uniform_(0.5, 1.5);
    layer.norm->bias.uniform_(-0.2, 0.2);
    layer.conv->eval();
    layer.norm->eval();
    layer.convBn = ConvBn(layer.conv, layer.norm, activation, true);
    return layer;
}

} // namespace

class TestConvBn : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void foldedEqualsSeparate_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("groups");
        QTest::addColumn<int>("stride");
        QTest::newRow("stem, even size: padding after only") << 224 << 1 << 2;
        QTest::newRow("depthwise, even size") << 56 << 16 << 2;
        QTest::newRow("depthwise, odd size: padding on both sides") << 57 << 16 << 2;
        QTest::newRow("stride 1") << 28 << 16 << 1;
    }

    void foldedEqualsSeparate()
    {
        QFETCH(int, size);
        QFETCH(int, groups);
        QFETCH(int, stride);
        const int channels = groups == 1 ? 3 : 16;
        Layer layer = makeLayer(channels, 16, 3, stride, groups, Activation::ReLU6);
        const torch::Tensor input = (torch::randn({2, channels, size, size}) * 2).contiguous(torch::MemoryFormat::ChannelsLast);
        torch::NoGradGuard noGrad;
        // Apart, with the padding written out: TF SAME pads (0, 1) for even sizes and (1, 1) for odd ones.
        const torch::Tensor padded = stride > 1 ? ConvBn::padSame(input, 3, stride) : input;
        const torch::Tensor expected = torch::hardtanh(layer.norm->forward(layer.conv->forward(padded)), 0.0, 6.0);
        const torch::Tensor separate = layer.convBn.forward(input);
        layer.convBn.fuse();
        const torch::Tensor folded = layer.convBn.forward(input);
        QCOMPARE(folded.sizes(), expected.sizes());
        QCOMPARE(folded.size(2), std::int64_t(layer.convBn.outputSize(size)));
        QVERIFY(torch::equal(separate, expected));
        const double difference = (folded - expected).abs().max().item<double>();
        QVERIFY2(difference < 1e-4, qPrintable(QString::number(difference)));
    }

    // In place only where no gradient flows: with one, the activation is a new tensor and the
    // gradient reaches the input.
    void activatesInPlaceOnlyWithoutGradients()
    {
        Layer layer = makeLayer(4, 8, 3, 1, 1, Activation::ReLU6);
        const torch::Tensor input = torch::randn({1, 4, 8, 8}, torch::requires_grad());
        const torch::Tensor output = layer.convBn.forward(input);
        QVERIFY(output.requires_grad());
        output.sum().backward();
        QVERIFY(input.grad().defined());
        QVERIFY(input.grad().abs().sum().item<double>() > 0);
        torch::Tensor blockOutput = torch::ones({2}), residual = torch::full({2}, 2.0);
        const torch::Tensor sum = ConvBn::addResidual(residual, blockOutput);
        QVERIFY(sum.is_same(blockOutput)); // added where it lies
        QCOMPARE(blockOutput[0].item<float>(), 3.0f);
        const torch::Tensor tracked = torch::ones({2}, torch::requires_grad());
        torch::Tensor fresh = torch::ones({2});
        QVERIFY(!ConvBn::addResidual(tracked, fresh).is_same(fresh));
        QCOMPARE(fresh[0].item<float>(), 1.0f);
    }
};

QTEST_GUILESS_MAIN(TestConvBn)
#include "tst_convbn.moc"
