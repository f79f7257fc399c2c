#pragma once

#include <snaption/encoderweights.h>
#include <snaption/gridplacement.h>
#include <snaption/modelconfig.h>
#include <snaption/rgbimage.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace snaption {

// A feature map or a batch of them: count x channels x height x width floats.
struct FeatureMap {
    int count = 0;
    int channels = 0;
    int height = 0;
    int width = 0;
    std::vector<float> values;
};

// Runs an image encoder (EfficientNet-B0 or MobileNetV2) on its own: feature maps for training
// caches and ImageNet class scores for `snaption-cli classify`.
class FeatureExtractor {
public:
    // An encoder as the weights describe it (see EncoderWeights).
    explicit FeatureExtractor(const EncoderWeights &weights);
    explicit FeatureExtractor(const std::string &weightsPath) : FeatureExtractor(EncoderWeights::read(weightsPath)) {}
    // The weights under an explicit configuration (e.g. TF padding for TF-trained weights).
    // Throws Error(Io) or Error(BadModel).
    FeatureExtractor(const EncoderConfig &config, const std::string &weightsPath);
    ~FeatureExtractor();
    FeatureExtractor(FeatureExtractor &&) noexcept;
    FeatureExtractor &operator=(FeatureExtractor &&) noexcept;

    const EncoderConfig &config() const;
    std::int64_t parameterCount() const;
    // Where the feature map's cells look in the (resized) input image.
    GridPlacement gridPlacement() const;

    // input: count x 3 x size x size floats, already normalised (see preprocessImage).
    FeatureMap features(const std::vector<float> &input, int count) const;
    FeatureMap features(const RgbImage &image) const;
    // Class scores (logits) per image: count x classifierClasses. Needs a classifier head.
    std::vector<float> classify(const std::vector<float> &input, int count) const;
    std::vector<float> classify(const RgbImage &image) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace snaption
