#pragma once

#include <snaption/preprocessing.h>

#include <cstdint>
#include <string>

namespace snaption {

// The image encoder: a convolutional network returning a C x h x w feature map (C = 1280 for the
// ImageNet networks). simple_cnn is a five-layer network small enough to train from scratch on a
// CPU in minutes, for the synthetic-scene demo model.
struct EncoderConfig {
    static constexpr const char *kEfficientNetB0 = "efficientnet_b0";
    static constexpr const char *kMobileNetV2 = "mobilenet_v2";
    static constexpr const char *kSimpleCnn = "simple_cnn";

    std::string name = kEfficientNetB0;
    bool tfSamePadding = false; // TensorFlow "SAME" padding for strided convolutions
    int classifierClasses = 0;  // ImageNet head size (1000, or 1001 for TF weights); 0 = no head
    Normalization normalization;
    int inputSize = 224;
    double batchNormEps = 1e-5;

    int featureChannels() const;
    int gridSize() const; // h = w of the feature map for inputSize
};

// The Transformer decoder of docs/ARCHITECTURE.md, section 3.
struct DecoderConfig {
    int layers = 6;
    int dim = 512;
    int heads = 16;
    int feedForward = 1024;
    int contextLength = 20;           // <START> plus at most contextLength - 1 generated tokens
    std::string activation = "relu";  // "relu" or "gelu"
    bool finalNorm = true;
    double dropout = 0.1;
    double layerNormEps = 1e-5;
};

struct ModelConfig {
    static constexpr const char *kArchitectureSnaption = "snaption";     // memory = feature map grid
    static constexpr const char *kArchitectureSeed = "snaption-seed";    // memory = 1 token from logits

    std::string architecture = kArchitectureSnaption;
    EncoderConfig encoder;
    DecoderConfig decoder;

    // The original Python project's architecture and sizes.
    static ModelConfig seedCompatible();

    int memoryTokens() const;
    // Parameters a model of this configuration has with this vocabulary (batch-norm statistics
    // not counted): to refuse one that cannot fit before it is built.
    std::int64_t parameterCount(std::int64_t vocabularySize) const;
    int attentionGridHeight() const;
    int attentionGridWidth() const;
    // Throws Error(BadModel) naming the first invalid value.
    void validate() const;
    std::string toJson() const;
    static ModelConfig fromJson(const std::string &json);
};

} // namespace snaption
