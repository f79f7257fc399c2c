#include "modelstorage.h"

#include <snaption/error.h>
#include <snaption/safetensorsfile.h>
#include <snaption/safetensorswriter.h>

#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

namespace snaption {
namespace {

std::string shapeText(c10::IntArrayRef shape)
{
    std::ostringstream out;
    out << '[';
    for (std::size_t i = 0; i < shape.size(); ++i) out << (i ? ", " : "") << shape[i];
    out << ']';
    return out.str();
}

bool isOptionalBuffer(const std::string &name)
{
    const std::string suffix = "num_batches_tracked";
    return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string listFirst(const std::vector<std::string> &names)
{
    std::string text;
    for (std::size_t i = 0; i < names.size() && i < 5; ++i) text += (i ? ", " : "") + names[i];
    if (names.size() > 5) text += ", ... (" + std::to_string(names.size()) + " in all)";
    return text;
}

} // namespace

TensorMap ModelStorage::stateDict(torch::nn::Module &module)
{
    TensorMap tensors;
    for (const auto &item : module.named_parameters(true)) tensors[item.key()] = item.value();
    for (const auto &item : module.named_buffers(true)) tensors[item.key()] = item.value();
    return tensors;
}

void ModelStorage::loadStateDict(torch::nn::Module &module, const TensorMap &tensors, const std::string &source,
                                 const LoadOptions &options)
{
    TensorMap renamed;
    for (const auto &[name, tensor] : tensors) renamed[options.rename ? options.rename(name) : name] = tensor;

    TensorMap targets = stateDict(module);
    std::vector<std::string> missing, unexpected;
    for (const auto &[name, target] : targets) {
        if (!renamed.count(name) && !isOptionalBuffer(name)) missing.push_back(name);
    }
    for (const auto &[name, tensor] : renamed) {
        if (!targets.count(name)) unexpected.push_back(name);
    }
    if (!missing.empty()) throw Error(ErrorKind::BadModel, source + ": missing weights: " + listFirst(missing));
    if (!unexpected.empty() && !options.allowUnexpected)
        throw Error(ErrorKind::BadModel, source + ": weights the architecture does not have: " + listFirst(unexpected));

    torch::NoGradGuard noGrad;
    for (auto &[name, target] : targets) {
        const auto found = renamed.find(name);
        if (found == renamed.end()) continue;
        const torch::Tensor &tensor = found->second;
        if (tensor.sizes() != target.sizes())
            throw Error(ErrorKind::BadModel, source + ": \"" + name + "\" has shape " + shapeText(tensor.sizes()) +
                                                 " but the architecture needs " + shapeText(target.sizes()));
        if (tensor.is_floating_point() != target.is_floating_point())
            throw Error(ErrorKind::BadModel, source + ": \"" + name + "\" has the wrong element type");
        if (tensor.is_floating_point() && !torch::isfinite(tensor).all().item<bool>())
            throw Error(ErrorKind::BadModel, source + ": \"" + name + "\" contains NaN or infinite values");
        target.copy_(tensor.to(target.scalar_type()));
    }
}

ModelStorage::Loaded ModelStorage::load(const std::string &path)
{
    Loaded loaded;
    const SafetensorsFile file = SafetensorsFile::read(path);
    loaded.info = ModelInfo::fromFile(file, path);
    loaded.model = CaptionModel(loaded.info.config, std::int64_t(loaded.info.vocabulary.size()));
    loadStateDict(*loaded.model, TensorConversion::readAll(file), path);
    loaded.model->eval();
    return loaded;
}

void ModelStorage::save(CaptionModelImpl &model, const Vocabulary &vocabulary, const std::map<std::string, std::string> &provenance,
                        const std::string &path, TensorDType floatStorage)
{
    if (std::int64_t(vocabulary.size()) != model.vocabularySize())
        throw Error(ErrorKind::InvalidArgument, "the vocabulary does not match the model's output size");
    if (floatStorage != TensorDType::F32 && floatStorage != TensorDType::F16 && floatStorage != TensorDType::BF16)
        throw Error(ErrorKind::InvalidArgument, "model weights are stored as F32, F16 or BF16");
    SafetensorsWriter writer;
    writer.setMetadata("format", ModelInfo::kFormatName);
    writer.setMetadata("format_version", std::to_string(ModelInfo::kFormatVersion));
    writer.setMetadata("config", model.config().toJson());
    writer.setMetadata("vocabulary", vocabulary.toJson());
    writer.setMetadata("provenance", nlohmann::json(provenance).dump());
    for (const auto &[name, tensor] : stateDict(model)) TensorConversion::add(writer, name, tensor, floatStorage);
    writer.write(path);
}

} // namespace snaption
