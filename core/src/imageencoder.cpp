#include "imageencoder.h"

#include <snaption/error.h>

#include "efficientnetb0.h"
#include "mobilenetv2.h"
#include "simplecnn.h"
#include "modelstorage.h"
#include "moduletree.h"

namespace snaption {

ConvBn *ImageEncoderImpl::addConvBn(const std::string &convPath, const std::string &normPath, int in, int out, int kernel,
                                   int stride, int groups, Activation activation)
{
    auto conv = ModuleTree::attach(*this, convPath, ConvBn::makeConv(in, out, kernel, stride, groups, m_config.tfSamePadding));
    auto norm = ModuleTree::attach(*this, normPath, ConvBn::makeNorm(out, m_config.batchNormEps));
    m_convBns.push_back(std::make_unique<ConvBn>(conv, norm, activation, m_config.tfSamePadding));
    return m_convBns.back().get();
}

GridPlacement ImageEncoderImpl::gridPlacement() const
{
    // Follows the convolutions in order (each encoder registers them along its main path; the
    // residual branches neither stride nor move the centre). A layer's output cell o reads inputs
    // s*o - p ... s*o - p + k - 1, so it is centred where input cell s*o - p + (k - 1) / 2 is.
    double pitch = 1.0, firstCentre = 0.5; // in input pixels; pixel i is centred at i + 0.5
    int size = m_config.inputSize;
    for (const auto &layer : m_convBns) {
        firstCentre += pitch * ((layer->kernel() - 1) / 2.0 - layer->paddingBefore(size));
        pitch *= layer->stride();
        size = layer->outputSize(size);
    }
    const double input = m_config.inputSize;
    return {firstCentre / input, firstCentre / input, pitch / input, pitch / input};
}

void ImageEncoderImpl::addClassifier(const std::string &path)
{
    if (m_config.classifierClasses > 0)
        m_classifier = ModuleTree::attach(*this, path, torch::nn::Linear(m_config.featureChannels(), m_config.classifierClasses));
}

torch::Tensor ImageEncoderImpl::classify(const torch::Tensor &features)
{
    if (!hasClassifier()) throw Error(ErrorKind::BadModel, "this encoder has no classifier head");
    return m_classifier->forward(features.mean({2, 3}));
}

void ImageEncoderImpl::fuseForInference()
{
    for (auto &convBn : m_convBns) convBn->fuse();
}

void ImageEncoderImpl::loadWeights(const std::map<std::string, torch::Tensor> &tensors, const std::string &source)
{
    ModelStorage::LoadOptions options;
    options.allowUnexpected = true;
    options.rename = [this](const std::string &name) {
        const std::string prefix = "cnn_encoder.";
        return canonicalName(name.rfind(prefix, 0) == 0 ? name.substr(prefix.size()) : name);
    };
    ModelStorage::loadStateDict(*this, tensors, source, options);
}

std::shared_ptr<ImageEncoderImpl> makeImageEncoder(const EncoderConfig &config)
{
    if (config.name == EncoderConfig::kEfficientNetB0) return std::make_shared<EfficientNetB0Impl>(config);
    if (config.name == EncoderConfig::kMobileNetV2) return std::make_shared<MobileNetV2Impl>(config);
    if (config.name == EncoderConfig::kSimpleCnn) return std::make_shared<SimpleCnnImpl>(config);
    throw Error(ErrorKind::BadModel, "unknown encoder \"" + config.name + "\"");
}

} // namespace snaption
