#include "simplecnn.h"

namespace snaption {

SimpleCnnImpl::SimpleCnnImpl(const EncoderConfig &config) : ImageEncoderImpl(config)
{
    const int channels[] = {3, 32, 64, 128, 128, 128};
    for (int i = 0; i < 5; ++i) {
        const std::string prefix = "layers." + std::to_string(i) + ".";
        m_layers.push_back(addConvBn(prefix + "conv", prefix + "bn", channels[i], channels[i + 1], 3, i < 4 ? 2 : 1, 1, Activation::ReLU));
    }
    addClassifier("classifier");
}

torch::Tensor SimpleCnnImpl::features(const torch::Tensor &images)
{
    torch::Tensor x = images;
    for (ConvBn *layer : m_layers) x = layer->forward(x);
    return x;
}

} // namespace snaption
