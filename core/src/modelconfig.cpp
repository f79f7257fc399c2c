#include <snaption/modelconfig.h>

#include <snaption/error.h>

#include "jsontemplate.h"

#include <nlohmann/json.hpp>

namespace snaption {
namespace {

[[noreturn]] void invalid(const std::string &what)
{
    throw Error(ErrorKind::BadModel, "invalid model configuration: " + what);
}

void requireRange(const char *name, double value, double low, double high)
{
    if (!(value >= low && value <= high))
        invalid(std::string(name) + " is " + std::to_string(value) + ", expected " + std::to_string(low) + " to " + std::to_string(high));
}

template <typename T>
void readOptional(const nlohmann::json &object, const char *key, T &target)
{
    const auto it = object.find(key);
    if (it == object.end()) return;
    try {
        target = it->get<T>();
    } catch (const nlohmann::json::exception &) {
        invalid(std::string("\"") + key + "\" has the wrong type");
    }
}

} // namespace

int EncoderConfig::featureChannels() const
{
    return name == kSimpleCnn ? 128 : 1280;
}

int EncoderConfig::gridSize() const
{
    // Stride-2 stages (five, four for simple_cnn), each rounding up (PyTorch's k//2 padding and TF
    // "SAME" agree here).
    int size = inputSize;
    for (int stage = 0; stage < (name == kSimpleCnn ? 4 : 5); ++stage) size = (size + 1) / 2;
    return size;
}

ModelConfig ModelConfig::seedCompatible()
{
    ModelConfig config;
    config.architecture = kArchitectureSeed;
    config.encoder.name = EncoderConfig::kEfficientNetB0;
    config.encoder.classifierClasses = 1000;
    config.decoder.layers = 6;
    config.decoder.dim = 512;
    config.decoder.heads = 16;
    config.decoder.feedForward = 1024;
    config.decoder.contextLength = 20;
    config.decoder.activation = "relu";
    config.decoder.finalNorm = false;
    return config;
}

int ModelConfig::memoryTokens() const
{
    return architecture == kArchitectureSeed ? 1 : encoder.gridSize() * encoder.gridSize();
}

std::int64_t ModelConfig::parameterCount(std::int64_t vocabularySize) const
{
    // The encoders' convolutions and batch norms (timm / torchvision layouts), then their heads.
    std::int64_t encoderParameters = encoder.name == EncoderConfig::kEfficientNetB0 ? 4'007'548
                                     : encoder.name == EncoderConfig::kMobileNetV2  ? 2'223'872
                                                                                   : 388'896;
    const std::int64_t channels = encoder.featureChannels(), classes = encoder.classifierClasses;
    if (classes > 0) encoderParameters += channels * classes + classes;
    const std::int64_t d = decoder.dim, ff = decoder.feedForward, grid = encoder.gridSize();
    const std::int64_t projectIn = architecture == kArchitectureSeed ? classes : channels;
    std::int64_t total = encoderParameters + projectIn * d + d;
    if (architecture != kArchitectureSeed) total += 2 * grid * d;                 // memory row and column embeddings
    total += vocabularySize * d + std::int64_t(decoder.contextLength) * d;      // word and position embeddings
    total += d * vocabularySize + vocabularySize;                               // output projection
    const std::int64_t attention = 4 * d * d + 4 * d;                           // in_proj (3 d x d) and out_proj
    total += std::int64_t(decoder.layers) * (2 * attention + 2 * d * ff + ff + d + 6 * d);
    if (decoder.finalNorm) total += 2 * d;
    return total;
}

// The seed architecture's maps come from Grad-CAM on the feature map, so they share its grid.
int ModelConfig::attentionGridHeight() const { return encoder.gridSize(); }
int ModelConfig::attentionGridWidth() const { return encoder.gridSize(); }

void ModelConfig::validate() const
{
    if (architecture != kArchitectureSnaption && architecture != kArchitectureSeed)
        invalid("unknown architecture \"" + architecture + "\"");
    if (encoder.name != EncoderConfig::kEfficientNetB0 && encoder.name != EncoderConfig::kMobileNetV2 &&
        encoder.name != EncoderConfig::kSimpleCnn)
        invalid("unknown encoder \"" + encoder.name + "\" (expected efficientnet_b0, mobilenet_v2 or simple_cnn)");
    requireRange("encoder input size", encoder.inputSize, 32, 1024);
    requireRange("classifier classes", encoder.classifierClasses, 0, 100000);
    if (architecture == kArchitectureSeed && encoder.classifierClasses == 0)
        invalid("the seed architecture needs the encoder's classifier head");
    for (int c = 0; c < 3; ++c) {
        if (!(encoder.normalization.std[std::size_t(c)] > 0)) invalid("normalisation std must be positive");
    }
    requireRange("decoder layers", decoder.layers, 1, 64);
    requireRange("decoder dimension", decoder.dim, 8, 8192);
    requireRange("attention heads", decoder.heads, 1, 256);
    if (decoder.dim % decoder.heads != 0) invalid("decoder dimension must be divisible by the number of heads");
    requireRange("feed-forward size", decoder.feedForward, 1, 65536);
    requireRange("context length", decoder.contextLength, 2, 512);
    requireRange("dropout", decoder.dropout, 0.0, 0.9);
    if (decoder.activation != "relu" && decoder.activation != "gelu")
        invalid("unknown activation \"" + decoder.activation + "\" (expected relu or gelu)");
}

std::string ModelConfig::toJson() const
{
    nlohmann::json json = {
        {"architecture", architecture},
        {"encoder",
         {{"name", encoder.name},
          {"tf_same_padding", encoder.tfSamePadding},
          {"classifier_classes", encoder.classifierClasses},
          {"input_size", encoder.inputSize},
          {"batch_norm_eps", encoder.batchNormEps},
          {"normalization", {{"mean", encoder.normalization.mean}, {"std", encoder.normalization.std}}}}},
        {"decoder",
         {{"layers", decoder.layers},
          {"dim", decoder.dim},
          {"heads", decoder.heads},
          {"feed_forward", decoder.feedForward},
          {"context_length", decoder.contextLength},
          {"activation", decoder.activation},
          {"final_norm", decoder.finalNorm},
          {"dropout", decoder.dropout},
          {"layer_norm_eps", decoder.layerNormEps}}},
    };
    return json.dump();
}

ModelConfig ModelConfig::fromJson(const std::string &text)
{
    const nlohmann::json json = parseJsonObject(text, "invalid model configuration", ErrorKind::BadModel);
    static const nlohmann::json keys = nlohmann::json::parse(ModelConfig().toJson());
    checkAgainstTemplate(json, keys, "invalid model configuration", ErrorKind::BadModel);
    ModelConfig config;
    readOptional(json, "architecture", config.architecture);
    if (const auto e = json.find("encoder"); e != json.end() && e->is_object()) {
        readOptional(*e, "name", config.encoder.name);
        readOptional(*e, "tf_same_padding", config.encoder.tfSamePadding);
        readOptional(*e, "classifier_classes", config.encoder.classifierClasses);
        readOptional(*e, "input_size", config.encoder.inputSize);
        readOptional(*e, "batch_norm_eps", config.encoder.batchNormEps);
        if (const auto n = e->find("normalization"); n != e->end() && n->is_object()) {
            readOptional(*n, "mean", config.encoder.normalization.mean);
            readOptional(*n, "std", config.encoder.normalization.std);
        }
    }
    if (const auto d = json.find("decoder"); d != json.end() && d->is_object()) {
        readOptional(*d, "layers", config.decoder.layers);
        readOptional(*d, "dim", config.decoder.dim);
        readOptional(*d, "heads", config.decoder.heads);
        readOptional(*d, "feed_forward", config.decoder.feedForward);
        readOptional(*d, "context_length", config.decoder.contextLength);
        readOptional(*d, "activation", config.decoder.activation);
        readOptional(*d, "final_norm", config.decoder.finalNorm);
        readOptional(*d, "dropout", config.decoder.dropout);
        readOptional(*d, "layer_norm_eps", config.decoder.layerNormEps);
    }
    config.validate();
    return config;
}

} // namespace snaption
