#pragma once

#include "imageencoder.h"

#include <torch/nn/modules/conv.h>

namespace snaption {

// EfficientNet-B0 with timm's parameter names (conv_stem, bn1, blocks.S.B.*, conv_head, bn2,
// classifier), so timm state dicts load as they are; torchvision names are mapped on load.
class EfficientNetB0Impl : public ImageEncoderImpl {
public:
    explicit EfficientNetB0Impl(const EncoderConfig &config);

    torch::Tensor features(const torch::Tensor &images) override;
    std::string canonicalName(const std::string &name) const override;

private:
    struct Block {
        ConvBn *expand = nullptr; // absent in the first stage (expansion 1)
        ConvBn *depthwise = nullptr;
        torch::nn::Conv2d squeezeReduce{nullptr};
        torch::nn::Conv2d squeezeExpand{nullptr};
        ConvBn *project = nullptr;
        bool residual = false;
    };

    ConvBn *m_stem = nullptr;
    std::vector<Block> m_blocks;
    ConvBn *m_head = nullptr;
};

} // namespace snaption
