#include <snaption/encoderweights.h>

#include <snaption/error.h>
#include <snaption/modelinfo.h>
#include <snaption/safetensorsfile.h>

#include "encoderweightsimpl.h"
#include "imageencoder.h"
#include "inputfile.h"
#include "tflitemodel.h"
#include "torchcheckpoint.h"
#include "ziparchive.h"

#include <fstream>

namespace snaption {
namespace {

bool hasKey(const TensorMap &tensors, const std::string &name)
{
    return tensors.count(name) || tensors.count("cnn_encoder." + name);
}

std::int64_t classesOf(const TensorMap &tensors, const std::string &name)
{
    for (const std::string &key : {name, "cnn_encoder." + name}) {
        const auto it = tensors.find(key);
        if (it != tensors.end() && it->second.dim() == 2) return it->second.size(0);
    }
    return 0;
}

bool startsLikePickle(const std::string &path)
{
    const std::vector<std::uint8_t> head = InputFile::head(path, 1);
    return !head.empty() && head[0] == 0x80;
}

// The TFLite graph's convolutions, in order, become MobileNetV2's; batch norms are folded in the
// file already, so ours become identities carrying the convolution bias.
TensorMap fromTflite(const TfliteModel &model, const EncoderConfig &config)
{
    std::vector<const TfliteModel::Op *> convolutions;
    for (const auto &op : model.operators()) {
        if (op.code == TfliteModel::kConv2d || op.code == TfliteModel::kDepthwiseConv2d) {
            if (op.inputs.size() < 3) throw Error(ErrorKind::BadModel, model.source() + ": a convolution has no bias");
            convolutions.push_back(&op);
        }
    }
    auto encoder = makeImageEncoder(config);
    std::vector<std::pair<std::string, torch::Tensor>> convWeights;
    for (const auto &item : encoder->named_parameters(true)) {
        if (item.value().dim() == 4) convWeights.emplace_back(item.key(), item.value());
    }
    if (convolutions.size() != convWeights.size() + 1) // + the classifier, a 1x1 convolution in TFLite
        throw Error(ErrorKind::BadModel, model.source() + ": has " + std::to_string(convolutions.size()) +
                                             " convolutions; MobileNetV2 1.0 has " + std::to_string(convWeights.size() + 1));
    const auto tensorOf = [&](std::int32_t index) {
        const TfliteModel::Tensor &t = model.tensor(index);
        std::vector<float> values = model.values(index);
        return torch::from_blob(values.data(), t.shape, torch::kFloat).clone();
    };
    TensorMap tensors;
    const double eps = config.batchNormEps;
    for (std::size_t i = 0; i < convWeights.size(); ++i) {
        const TfliteModel::Op &op = *convolutions[i];
        const auto &[name, target] = convWeights[i];
        torch::Tensor weight = tensorOf(op.inputs[1]);
        if (weight.dim() != 4) throw Error(ErrorKind::BadModel, model.source() + ": convolution weights are not 4-D");
        // TFLite: convolution [out, h, w, in], depthwise [1, h, w, out]; PyTorch: [out, in, h, w].
        weight = op.code == TfliteModel::kDepthwiseConv2d ? weight.permute({3, 0, 1, 2}) : weight.permute({0, 3, 1, 2});
        if (weight.sizes() != target.sizes())
            throw Error(ErrorKind::BadModel, model.source() + ": convolution " + std::to_string(i) + " has the wrong shape for MobileNetV2 1.0 (" + name + ")");
        tensors[name] = weight.contiguous();
        const std::string prefix = name.substr(0, name.rfind('.'));                 // features.1.conv.0.0
        const std::size_t dot = prefix.rfind('.');
        const std::string norm = prefix.substr(0, dot + 1) + std::to_string(std::stoi(prefix.substr(dot + 1)) + 1); // ...conv.0.1
        const torch::Tensor bias = tensorOf(op.inputs[2]);
        const std::int64_t channels = weight.size(0);
        if (bias.numel() != channels) throw Error(ErrorKind::BadModel, model.source() + ": a convolution bias has the wrong size");
        tensors[norm + ".weight"] = torch::ones({channels});
        tensors[norm + ".bias"] = bias.reshape({channels});
        tensors[norm + ".running_mean"] = torch::zeros({channels});
        tensors[norm + ".running_var"] = torch::full({channels}, 1.0 - eps);
    }
    const TfliteModel::Op &classifier = *convolutions.back();
    const torch::Tensor weight = tensorOf(classifier.inputs[1]);
    if (weight.dim() != 4 || weight.size(1) != 1 || weight.size(2) != 1 || weight.size(3) != config.featureChannels())
        throw Error(ErrorKind::BadModel, model.source() + ": the last convolution is not a 1x1 classifier over 1280 features");
    tensors["classifier.1.weight"] = weight.reshape({weight.size(0), weight.size(3)}).contiguous();
    tensors["classifier.1.bias"] = tensorOf(classifier.inputs[2]).reshape({weight.size(0)});
    return tensors;
}

} // namespace

EncoderWeights::EncoderWeights() : m_impl(std::make_unique<Impl>()) {}
EncoderWeights::~EncoderWeights() = default;
EncoderWeights::EncoderWeights(EncoderWeights &&) noexcept = default;
EncoderWeights &EncoderWeights::operator=(EncoderWeights &&) noexcept = default;

const EncoderConfig &EncoderWeights::config() const { return m_impl->config; }
const std::string &EncoderWeights::path() const { return m_impl->path; }
const std::string &EncoderWeights::description() const { return m_impl->description; }

EncoderWeights EncoderWeights::read(const std::string &path)
{
    EncoderWeights weights;
    Impl &impl = *weights.m_impl;
    impl.path = path;
    InputFile::size(path); // a clear message for a missing file or a folder

    std::string format;
    if (TfliteModel::looksLikeTflite(path)) {
        impl.config.name = EncoderConfig::kMobileNetV2;
        impl.config.tfSamePadding = true;
        impl.config.classifierClasses = 1001;
        impl.config.normalization = Normalization::minusOneToOne();
        impl.tensors = fromTflite(TfliteModel::read(path), impl.config);
        impl.description = "TensorFlow Lite mobilenet_v2 (dequantised), 1001 classes";
        return weights;
    }
    if (ZipArchive::looksLikeZip(path) || startsLikePickle(path)) {
        impl.tensors = TorchCheckpoint(path).stateDict(); // explains what a non-archive pickle is
        format = "torch.save";
    } else {
        const SafetensorsFile file = SafetensorsFile::read(path);
        if (file.metadata().count("format") && file.metadata().at("format") == ModelInfo::kFormatName)
            impl.config = ModelInfo::fromFile(file, path).config.encoder; // a whole Snaption model
        impl.tensors = TensorConversion::readAll(file);
        format = "safetensors";
    }

    const TensorMap &t = impl.tensors;
    if (hasKey(t, "conv_stem.weight")) {
        impl.config.name = EncoderConfig::kEfficientNetB0;
        impl.config.classifierClasses = int(classesOf(t, "classifier.weight"));
        impl.description = "timm efficientnet_b0";
    } else if (hasKey(t, "features.1.0.block.0.0.weight")) {
        impl.config.name = EncoderConfig::kEfficientNetB0;
        impl.config.classifierClasses = int(classesOf(t, "classifier.1.weight"));
        impl.description = "torchvision efficientnet_b0";
    } else if (hasKey(t, "features.1.conv.0.0.weight")) {
        impl.config.name = EncoderConfig::kMobileNetV2;
        impl.config.classifierClasses = int(classesOf(t, "classifier.1.weight"));
        impl.description = "torchvision mobilenet_v2";
    } else {
        throw Error(ErrorKind::BadModel, path + ": no EfficientNet-B0 or MobileNetV2 weights found (" + format +
                                             " file with " + std::to_string(t.size()) + " tensors)");
    }
    impl.description += " (" + format + ")";
    if (impl.config.classifierClasses > 0) impl.description += ", " + std::to_string(impl.config.classifierClasses) + " classes";
    return weights;
}

} // namespace snaption
