#pragma once

#include "imageencoder.h"

namespace snaption {

// Five 3x3 convolutions with batch norm and ReLU (32, 64, 128, 128, 128 channels; the first four
// with stride 2): a 128 x 8 x 8 map at 128 px whose cells see 63 px, about one object and its
// surroundings. Trains from scratch on a CPU in minutes; used by the synthetic-scene demo.
class SimpleCnnImpl : public ImageEncoderImpl {
public:
    explicit SimpleCnnImpl(const EncoderConfig &config);
    torch::Tensor features(const torch::Tensor &images) override;

private:
    std::vector<ConvBn *> m_layers;
};

} // namespace snaption
