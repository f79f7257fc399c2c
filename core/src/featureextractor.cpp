#include <snaption/featureextractor.h>

#include <snaption/error.h>
#include <snaption/safetensorsfile.h>

#include "encoderweightsimpl.h"
#include "imagebatch.h"
#include "imageencoder.h"
#include "modelstorage.h"

namespace snaption {

struct FeatureExtractor::Impl {
    std::shared_ptr<ImageEncoderImpl> encoder;
};

FeatureExtractor::FeatureExtractor(const EncoderWeights &weights) : m_impl(std::make_unique<Impl>())
{
    m_impl->encoder = makeImageEncoder(weights.config());
    m_impl->encoder->loadWeights(EncoderWeightsTensors::of(weights), weights.path());
    m_impl->encoder->eval();
    m_impl->encoder->fuseForInference();
}

FeatureExtractor::FeatureExtractor(const EncoderConfig &config, const std::string &weightsPath) : m_impl(std::make_unique<Impl>())
{
    const EncoderWeights weights = EncoderWeights::read(weightsPath);
    m_impl->encoder = makeImageEncoder(config);
    m_impl->encoder->loadWeights(EncoderWeightsTensors::of(weights), weightsPath);
    m_impl->encoder->eval();
    m_impl->encoder->fuseForInference();
}

FeatureExtractor::~FeatureExtractor() = default;
FeatureExtractor::FeatureExtractor(FeatureExtractor &&) noexcept = default;
FeatureExtractor &FeatureExtractor::operator=(FeatureExtractor &&) noexcept = default;

const EncoderConfig &FeatureExtractor::config() const
{
    return m_impl->encoder->config();
}

std::int64_t FeatureExtractor::parameterCount() const
{
    std::int64_t count = 0;
    for (const auto &parameter : m_impl->encoder->parameters()) count += parameter.numel();
    return count;
}

GridPlacement FeatureExtractor::gridPlacement() const
{
    return m_impl->encoder->gridPlacement();
}

FeatureMap FeatureExtractor::features(const std::vector<float> &input, int count) const
{
    c10::InferenceMode inferenceMode;
    const torch::Tensor output = m_impl->encoder->features(ImageBatch::fromPlanar(input, count, config().inputSize)).contiguous();
    FeatureMap map{int(output.size(0)), int(output.size(1)), int(output.size(2)), int(output.size(3)), {}};
    map.values.assign(output.data_ptr<float>(), output.data_ptr<float>() + output.numel());
    return map;
}

FeatureMap FeatureExtractor::features(const RgbImage &image) const
{
    return features(preprocessImage(image, config().inputSize, config().normalization), 1);
}

std::vector<float> FeatureExtractor::classify(const std::vector<float> &input, int count) const
{
    c10::InferenceMode inferenceMode;
    if (!m_impl->encoder->hasClassifier()) throw Error(ErrorKind::BadModel, "these encoder weights have no classifier head");
    const torch::Tensor features = m_impl->encoder->features(ImageBatch::fromPlanar(input, count, config().inputSize));
    const torch::Tensor logits = m_impl->encoder->classify(features).contiguous();
    return std::vector<float>(logits.data_ptr<float>(), logits.data_ptr<float>() + logits.numel());
}

std::vector<float> FeatureExtractor::classify(const RgbImage &image) const
{
    return classify(preprocessImage(image, config().inputSize, config().normalization), 1);
}

} // namespace snaption
