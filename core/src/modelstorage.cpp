#include "modelstorage.h"

#include <snaption/error.h>
#include <snaption/safetensorsfile.h>
#include <snaption/safetensorswriter.h>

#include "base64.h"

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

ModelStorage::TensorSpecs ModelStorage::specsOf(const TensorMap &tensors)
{
    TensorSpecs specs;
    for (const auto &[name, tensor] : tensors) specs[name] = {tensor.sizes().vec(), tensor.is_floating_point()};
    return specs;
}

ModelStorage::TensorSpecs ModelStorage::specsOf(const SafetensorsFile &file)
{
    TensorSpecs specs;
    for (const auto &entry : file.entries()) {
        const bool floating = entry.dtype == TensorDType::F32 || entry.dtype == TensorDType::F16 || entry.dtype == TensorDType::BF16 ||
                              entry.dtype == TensorDType::F64;
        specs[entry.name] = {entry.shape, floating};
    }
    return specs;
}

void ModelStorage::checkFits(torch::nn::Module &module, const TensorSpecs &tensors, const std::string &source, const LoadOptions &options)
{
    TensorSpecs renamed;
    for (const auto &[name, spec] : tensors) renamed[options.rename ? options.rename(name) : name] = spec;
    const TensorMap targets = stateDict(module);
    std::vector<std::string> missing, unexpected;
    for (const auto &[name, target] : targets) {
        if (!renamed.count(name) && !isOptionalBuffer(name)) missing.push_back(name);
    }
    for (const auto &[name, spec] : renamed) {
        if (!targets.count(name)) unexpected.push_back(name);
    }
    if (!missing.empty()) throw Error(ErrorKind::BadModel, source + ": missing weights: " + listFirst(missing));
    if (!unexpected.empty() && !options.allowUnexpected)
        throw Error(ErrorKind::BadModel, source + ": weights the architecture does not have: " + listFirst(unexpected));
    for (const auto &[name, target] : targets) {
        const auto found = renamed.find(name);
        if (found == renamed.end()) continue;
        if (c10::IntArrayRef(found->second.shape) != target.sizes())
            throw Error(ErrorKind::BadModel, source + ": \"" + name + "\" has shape " + shapeText(found->second.shape) +
                                                 " but the architecture needs " + shapeText(target.sizes()));
        if (found->second.floating != target.is_floating_point())
            throw Error(ErrorKind::BadModel, source + ": \"" + name + "\" has the wrong element type");
    }
}

namespace {

// A file's configuration may describe any architecture; it is built only if the file holds about
// as many weights as it has (a few bytes of JSON must not make us allocate gigabytes).
void refuseArchitectureLargerThanWeights(const ModelInfo &info, const std::string &path)
{
    const std::int64_t declared = info.config.parameterCount(std::int64_t(info.vocabulary.size()));
    if (declared > 2 * info.parameterCount + 1'000'000)
        throw Error(ErrorKind::BadModel, path + ": the configuration describes " + std::to_string(declared) + " parameters, but the file holds " +
                                             std::to_string(info.parameterCount) + " weights");
}

} // namespace

ModelInfo ModelStorage::check(const std::string &path)
{
    const SafetensorsFile header = SafetensorsFile::readHeader(path);
    ModelInfo info = ModelInfo::fromFile(header, path);
    refuseArchitectureLargerThanWeights(info, path);
    CaptionModel model(info.config, std::int64_t(info.vocabulary.size()));
    checkFits(*model, specsOf(header), path, LoadOptions{});
    return info;
}

void ModelStorage::loadStateDict(torch::nn::Module &module, const TensorMap &tensors, const std::string &source,
                                 const LoadOptions &options)
{
    checkFits(module, specsOf(tensors), source, options);
    TensorMap renamed;
    for (const auto &[name, tensor] : tensors) renamed[options.rename ? options.rename(name) : name] = tensor;
    TensorMap targets = stateDict(module);
    torch::NoGradGuard noGrad;
    for (auto &[name, target] : targets) {
        const auto found = renamed.find(name);
        if (found == renamed.end()) continue;
        const torch::Tensor &tensor = found->second;
        if (tensor.is_floating_point() && !torch::isfinite(tensor).all().item<bool>())
            throw Error(ErrorKind::BadModel, source + ": \"" + name + "\" contains NaN or infinite values");
        // Adopting a file's tensor (a view of its mapped bytes, see TensorConversion::read) spares
        // copying into the parameter's own freshly initialised pages.
        if (options.adoptStorage) target.set_data(tensor.to(target.scalar_type()));
        else target.copy_(tensor.to(target.scalar_type()));
    }
}

ModelStorage::Loaded ModelStorage::load(const std::string &path)
{
    Loaded loaded;
    const SafetensorsFile file = SafetensorsFile::read(path);
    loaded.info = ModelInfo::fromFile(file, path);
    refuseArchitectureLargerThanWeights(loaded.info, path);
    loaded.model = CaptionModel(loaded.info.config, std::int64_t(loaded.info.vocabulary.size()));
    checkFits(*loaded.model, specsOf(file), path, LoadOptions{}); // before the tensors are converted
    LoadOptions adopt;
    adopt.adoptStorage = true;
    loadStateDict(*loaded.model, TensorConversion::readAll(file), path, adopt);
    loaded.model->eval();
    return loaded;
}

std::string ModelStorage::subwordMetadata(const SubwordModel &subwords)
{
    return Base64::encode(subwords.serialized());
}

std::optional<SubwordModel> ModelStorage::readSubwords(const std::map<std::string, std::string> &metadata, const Vocabulary &vocabulary)
{
    const auto stored = metadata.find(kSubwordModelKey);
    if (stored == metadata.end()) return std::nullopt;
    SubwordModel subwords = SubwordModel::fromSerialized(Base64::decode(stored->second));
    if (!(subwords.vocabulary() == vocabulary)) throw Error(ErrorKind::BadModel, "the subword model's pieces are not the vocabulary's tokens");
    return subwords;
}

void ModelStorage::save(CaptionModelImpl &model, const Vocabulary &vocabulary, const CaptionStyle &style, const std::optional<SubwordModel> &subwords,
                        const std::map<std::string, std::string> &provenance, const std::string &path, TensorDType floatStorage)
{
    if (std::int64_t(vocabulary.size()) != model.vocabularySize())
        throw Error(ErrorKind::InvalidArgument, "the vocabulary does not match the model's output size");
    if (subwords && !(subwords->vocabulary() == vocabulary))
        throw Error(ErrorKind::InvalidArgument, "the vocabulary is not the subword model's pieces");
    if (floatStorage != TensorDType::F32 && floatStorage != TensorDType::F16 && floatStorage != TensorDType::BF16)
        throw Error(ErrorKind::InvalidArgument, "model weights are stored as F32, F16 or BF16");
    SafetensorsWriter writer;
    writer.setMetadata("format", ModelInfo::kFormatName);
    writer.setMetadata("format_version", std::to_string(ModelInfo::kFormatVersion));
    writer.setMetadata("config", model.config().toJson());
    writer.setMetadata("vocabulary", vocabulary.toJson());
    writer.setMetadata("language", style.language());
    if (style.isLearnt()) writer.setMetadata("written_forms", style.writtenFormsJson());
    if (subwords) writer.setMetadata(kSubwordModelKey, subwordMetadata(*subwords));
    writer.setMetadata("provenance", nlohmann::json(provenance).dump());
    for (const auto &[name, tensor] : stateDict(model)) TensorConversion::add(writer, name, tensor, floatStorage);
    writer.write(path);
}

} // namespace snaption
