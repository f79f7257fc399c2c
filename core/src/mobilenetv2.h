#pragma once

#include "imageencoder.h"

namespace snaption {

// MobileNetV2 (width 1.0) with torchvision's parameter names (features.N..., classifier.1).
class MobileNetV2Impl : public ImageEncoderImpl {
public:
    explicit MobileNetV2Impl(const EncoderConfig &config);

    torch::Tensor features(const torch::Tensor &images) override;

private:
    struct Block {
        ConvBn *expand = nullptr; // absent in the first block (expansion 1)
        ConvBn *depthwise = nullptr;
        ConvBn *project = nullptr;
        bool residual = false;
    };

    ConvBn *m_stem = nullptr;
    std::vector<Block> m_blocks;
    ConvBn *m_head = nullptr;
};

} // namespace snaption
