#include <snaption/modelinfo.h>

#include <snaption/error.h>
#include <snaption/safetensorsfile.h>

#include "modelstorage.h"

#include <nlohmann/json.hpp>

namespace snaption {
namespace {

bool endsWith(const std::string &text, const std::string &suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

ModelInfo ModelInfo::read(const std::string &path)
{
    return fromFile(SafetensorsFile::readHeader(path), path);
}

ModelInfo ModelInfo::check(const std::string &path)
{
    // The same validation a Captioner's load does, short of reading the weights' values.
    return ModelStorage::check(path);
}

ModelInfo ModelInfo::fromFile(const SafetensorsFile &file, const std::string &path)
{
    const auto &metadata = file.metadata();
    const auto field = [&](const char *key) -> const std::string & {
        const auto it = metadata.find(key);
        if (it == metadata.end())
            throw Error(ErrorKind::BadModel, path + ": the model file has no \"" + key + "\" metadata");
        return it->second;
    };
    const auto format = metadata.find("format");
    if (format == metadata.end() || format->second != kFormatName)
        throw Error(ErrorKind::BadModel, path + ": not a Snaption model file (a plain weights file needs to be imported first)");

    ModelInfo info;
    info.path = path;
    try {
        info.formatVersion = std::stoi(field("format_version"));
    } catch (const std::logic_error &) {
        throw Error(ErrorKind::BadModel, path + ": invalid format_version");
    }
    if (info.formatVersion < 1 || info.formatVersion > kFormatVersion)
        throw Error(ErrorKind::BadModel, path + ": model file format version " + std::to_string(info.formatVersion) +
                                             " is newer than this program understands (" + std::to_string(kFormatVersion) + ")");
    try {
        info.config = ModelConfig::fromJson(field("config"));
        info.vocabulary = Vocabulary::fromJson(field("vocabulary"));
        const auto language = metadata.find("language");
        const auto writtenForms = metadata.find("written_forms");
        info.style = CaptionStyle::fromMetadata(language == metadata.end() ? CaptionStyle::kDefaultLanguage : language->second,
                                                writtenForms == metadata.end() ? std::string() : writtenForms->second);
        info.subwords = ModelStorage::readSubwords(metadata, info.vocabulary);
        if (const auto calibration = metadata.find(ConfidenceCalibration::kMetadataKey); calibration != metadata.end())
            info.calibration = ConfidenceCalibration::fromJson(calibration->second);
    } catch (const Error &error) {
        throw Error(ErrorKind::BadModel, path + ": " + error.what());
    }
    if (const auto provenance = metadata.find("provenance"); provenance != metadata.end()) {
        const nlohmann::json parsed = nlohmann::json::parse(provenance->second, nullptr, false);
        if (parsed.is_object()) {
            for (auto it = parsed.begin(); it != parsed.end(); ++it) {
                if (it.value().is_string()) info.provenance[it.key()] = it.value().get<std::string>();
            }
        }
    }
    for (const auto &entry : file.entries()) {
        const bool statistics = endsWith(entry.name, "running_mean") || endsWith(entry.name, "running_var") ||
                                endsWith(entry.name, "num_batches_tracked");
        if (!statistics) info.parameterCount += entry.elementCount();
        if (info.storageDType.empty() && (entry.dtype == TensorDType::F32 || entry.dtype == TensorDType::F16 || entry.dtype == TensorDType::BF16))
            info.storageDType = dtypeName(entry.dtype);
    }
    std::uint64_t dataBytes = 0;
    for (const auto &entry : file.entries()) dataBytes = std::max(dataBytes, entry.end);
    info.weightBytes = dataBytes;
    return info;
}

std::string ModelInfo::toJson() const
{
    nlohmann::json json = {
        {"path", path},
        {"format_version", formatVersion},
        {"architecture", config.architecture},
        {"encoder", config.encoder.name},
        {"layers", config.decoder.layers},
        {"dim", config.decoder.dim},
        {"heads", config.decoder.heads},
        {"feed_forward", config.decoder.feedForward},
        {"context_length", config.decoder.contextLength},
        {"memory_tokens", config.memoryTokens()},
        {"parameters", parameterCount},
        {"vocab_size", vocabulary.size()},
        {"vocabulary_kind", subwords ? "subwords" : "words"},
        {"language", style.language()},
        {"written_forms", style.writtenForms().size()},
        {"storage_dtype", storageDType},
        {"provenance", provenance},
        {"config", nlohmann::json::parse(config.toJson())},
        {"confidence_calibration", calibration ? nlohmann::json::parse(calibration->toJson()) : nlohmann::json(nullptr)},
    };
    return json.dump();
}

} // namespace snaption
