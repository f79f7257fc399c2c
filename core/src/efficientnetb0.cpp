#include "efficientnetb0.h"

#include "moduletree.h"

#include <regex>

namespace snaption {
namespace {

struct StageSpec {
    int expansion, kernel, stride, channels, repeats;
};

constexpr StageSpec kStages[] = {
    {1, 3, 1, 16, 1}, {6, 3, 2, 24, 2}, {6, 5, 2, 40, 2}, {6, 3, 2, 80, 3},
    {6, 5, 1, 112, 3}, {6, 5, 2, 192, 4}, {6, 3, 1, 320, 1},
};

} // namespace

EfficientNetB0Impl::EfficientNetB0Impl(const EncoderConfig &config) : ImageEncoderImpl(config)
{
    m_stem = addConvBn("conv_stem", "bn1", 3, 32, 3, 2, 1, Activation::SiLU);
    int in = 32;
    int stageIndex = 0;
    for (const StageSpec &stage : kStages) {
        for (int repeat = 0; repeat < stage.repeats; ++repeat) {
            const std::string prefix = "blocks." + std::to_string(stageIndex) + "." + std::to_string(repeat) + ".";
            const int stride = repeat == 0 ? stage.stride : 1;
            const int mid = in * stage.expansion;
            const int squeeze = std::max(1, in / 4);
            Block block;
            if (stage.expansion == 1) { // timm's DepthwiseSeparableConv
                block.depthwise = addConvBn(prefix + "conv_dw", prefix + "bn1", in, mid, stage.kernel, stride, mid, Activation::SiLU);
                block.project = addConvBn(prefix + "conv_pw", prefix + "bn2", mid, stage.channels, 1, 1, 1, Activation::None);
            } else { // timm's InvertedResidual
                block.expand = addConvBn(prefix + "conv_pw", prefix + "bn1", in, mid, 1, 1, 1, Activation::SiLU);
                block.depthwise = addConvBn(prefix + "conv_dw", prefix + "bn2", mid, mid, stage.kernel, stride, mid, Activation::SiLU);
                block.project = addConvBn(prefix + "conv_pwl", prefix + "bn3", mid, stage.channels, 1, 1, 1, Activation::None);
            }
            block.squeezeReduce = ModuleTree::attach(*this, prefix + "se.conv_reduce", torch::nn::Conv2d(torch::nn::Conv2dOptions(mid, squeeze, 1)));
            block.squeezeExpand = ModuleTree::attach(*this, prefix + "se.conv_expand", torch::nn::Conv2d(torch::nn::Conv2dOptions(squeeze, mid, 1)));
            block.residual = stride == 1 && in == stage.channels;
            m_blocks.push_back(block);
            in = stage.channels;
        }
        ++stageIndex;
    }
    m_head = addConvBn("conv_head", "bn2", in, config.featureChannels(), 1, 1, 1, Activation::SiLU);
    addClassifier("classifier");
}

torch::Tensor EfficientNetB0Impl::features(const torch::Tensor &images)
{
    torch::Tensor x = m_stem->forward(images);
    for (Block &block : m_blocks) {
        torch::Tensor y = block.expand ? block.expand->forward(x) : x;
        y = block.depthwise->forward(y);
        const torch::Tensor scale = torch::silu(block.squeezeReduce->forward(y.mean({2, 3}, true)));
        const torch::Tensor gate = torch::sigmoid(block.squeezeExpand->forward(scale));
        y = y.requires_grad() || gate.requires_grad() ? y * gate : y.mul_(gate); // y is the block's own
        y = block.project->forward(y);
        x = block.residual ? ConvBn::addResidual(x, y) : y;
    }
    return m_head->forward(x);
}

std::string EfficientNetB0Impl::canonicalName(const std::string &name) const
{
    // torchvision: features.0.{0,1} stem, features.1..7.B.block.* stages, features.8.{0,1} head,
    // classifier.1 the linear layer.
    static const std::regex stem(R"(features\.0\.([01])\.(.+))");
    static const std::regex head(R"(features\.8\.([01])\.(.+))");
    static const std::regex block(R"(features\.([1-7])\.(\d+)\.block\.(\d)\.(0\.|1\.|fc1\.|fc2\.)?(.+))");
    std::smatch m;
    if (std::regex_match(name, m, stem)) return (m[1] == "0" ? "conv_stem." : "bn1.") + m[2].str();
    if (std::regex_match(name, m, head)) return (m[1] == "0" ? "conv_head." : "bn2.") + m[2].str();
    if (name.rfind("classifier.1.", 0) == 0) return "classifier." + name.substr(13);
    if (!std::regex_match(name, m, block)) return name;
    const int stage = std::stoi(m[1]) - 1;
    const int part = std::stoi(m[3]);
    const std::string inner = m[4], rest = m[5];
    const std::string prefix = "blocks." + std::to_string(stage) + "." + m[2].str() + ".";
    // Stage 0 has no expansion convolution, so its parts are shifted by one.
    static const char *const kDepthwiseSeparable[] = {"conv_dw", "bn1", "se", "conv_pw", "bn2"};
    static const char *const kInvertedResidual[] = {"conv_pw", "bn1", "conv_dw", "bn2", "se", "conv_pwl", "bn3"};
    const int seIndex = stage == 0 ? 1 : 2;
    if (part == seIndex) return prefix + (inner == "fc1." ? "se.conv_reduce." : "se.conv_expand.") + rest;
    const int convIndex = part < seIndex ? part : part - 1; // index among the conv+bn parts
    const int slot = convIndex * 2 + (inner == "1." ? 1 : 0);
    const std::string mapped = stage == 0 ? (slot < 2 ? kDepthwiseSeparable[slot] : kDepthwiseSeparable[slot + 1])
                                          : (slot < 4 ? kInvertedResidual[slot] : kInvertedResidual[slot + 1]);
    return prefix + mapped + "." + rest;
}

} // namespace snaption
