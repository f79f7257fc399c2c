#pragma once

#include <snaption/gridplacement.h>
#include <snaption/modelconfig.h>

#include "convbn.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace snaption {

// Base of the convolutional encoders: normalised images [B, 3, S, S] -> feature map [B, 1280, h, w],
// and optionally ImageNet logits from the pooled features.
class ImageEncoderImpl : public torch::nn::Module {
public:
    explicit ImageEncoderImpl(EncoderConfig config) : m_config(std::move(config)) {}

    virtual torch::Tensor features(const torch::Tensor &images) = 0;
    // Global average pooling and the classifier head. Needs classifierClasses > 0.
    torch::Tensor classify(const torch::Tensor &features);
    bool hasClassifier() const { return !m_classifier.is_empty(); }
    const EncoderConfig &config() const { return m_config; }

    // Where the feature map's cells look in the input image: the centres of their receptive fields.
    GridPlacement gridPlacement() const;
    // Folds batch norms into convolutions for inference (see ConvBn).
    void fuseForInference();
    // Maps a parameter name of another naming scheme (torchvision for EfficientNet) to this
    // module's; returns the name unchanged when it already is one of ours.
    virtual std::string canonicalName(const std::string &name) const { return name; }
    // Loads encoder weights from a weights file's tensors: our names, another scheme's (see
    // canonicalName), or a whole model's (under "cnn_encoder."); other tensors are ignored.
    void loadWeights(const std::map<std::string, torch::Tensor> &tensors, const std::string &source);

protected:
    // Registers conv + norm under their checkpoint names and remembers the pair for fusing.
    ConvBn *addConvBn(const std::string &convPath, const std::string &normPath, int in, int out, int kernel, int stride,
                     int groups, Activation activation);
    void addClassifier(const std::string &path);

    EncoderConfig m_config;
    std::vector<std::unique_ptr<ConvBn>> m_convBns;
    torch::nn::Linear m_classifier{nullptr};
};

std::shared_ptr<ImageEncoderImpl> makeImageEncoder(const EncoderConfig &config);

} // namespace snaption
