#include "mobilenetv2.h"

namespace snaption {
namespace {

struct StageSpec {
    int expansion, channels, repeats, stride;
};

constexpr StageSpec kStages[] = {
    {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1},
};

} // namespace

MobileNetV2Impl::MobileNetV2Impl(const EncoderConfig &config) : ImageEncoderImpl(config)
{
    m_stem = addConvBn("features.0.0", "features.0.1", 3, 32, 3, 2, 1, Activation::ReLU6);
    int in = 32;
    int index = 1;
    for (const StageSpec &stage : kStages) {
        for (int repeat = 0; repeat < stage.repeats; ++repeat, ++index) {
            const std::string prefix = "features." + std::to_string(index) + ".conv.";
            const int stride = repeat == 0 ? stage.stride : 1;
            const int mid = in * stage.expansion;
            Block block;
            int part = 0;
            if (stage.expansion != 1) {
                block.expand = addConvBn(prefix + "0.0", prefix + "0.1", in, mid, 1, 1, 1, Activation::ReLU6);
                part = 1;
            }
            const std::string dw = prefix + std::to_string(part) + ".";
            block.depthwise = addConvBn(dw + "0", dw + "1", mid, mid, 3, stride, mid, Activation::ReLU6);
            block.project = addConvBn(prefix + std::to_string(part + 1), prefix + std::to_string(part + 2), mid, stage.channels,
                                      1, 1, 1, Activation::None);
            block.residual = stride == 1 && in == stage.channels;
            m_blocks.push_back(block);
            in = stage.channels;
        }
    }
    m_head = addConvBn("features.18.0", "features.18.1", in, config.featureChannels(), 1, 1, 1, Activation::ReLU6);
    addClassifier("classifier.1");
}

torch::Tensor MobileNetV2Impl::features(const torch::Tensor &images)
{
    torch::Tensor x = m_stem->forward(images);
    for (Block &block : m_blocks) {
        torch::Tensor y = block.expand ? block.expand->forward(x) : x;
        y = block.project->forward(block.depthwise->forward(y));
        x = block.residual ? ConvBn::addResidual(x, y) : y;
    }
    return m_head->forward(x);
}

} // namespace snaption
