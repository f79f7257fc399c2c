#include "trainingcheckpoint.h"

#include <snaption/error.h>
#include <snaption/safetensorsfile.h>
#include <snaption/safetensorswriter.h>

#include "modelstorage.h"

#include <nlohmann/json.hpp>

namespace snaption::training {

void TrainingCheckpoint::save(const std::string &path, const Contents &contents)
{
    SafetensorsWriter writer;
    writer.setMetadata("format", kFormatName);
    writer.setMetadata("format_version", "1");
    writer.setMetadata("training_config", contents.config.toJson());
    writer.setMetadata("model_config", contents.model.toJson());
    writer.setMetadata("vocabulary", contents.vocabulary.toJson());
    if (contents.subwords) writer.setMetadata(ModelStorage::kSubwordModelKey, ModelStorage::subwordMetadata(*contents.subwords));
    writer.setMetadata("state", contents.state.toJson());
    writer.setMetadata("dataset", contents.datasetFingerprint);
    writer.setMetadata("run", nlohmann::json{{"data", contents.dataSource}, {"format", contents.dataFormat}, {"output", contents.outputFolder}}.dump());
    for (const auto &[name, tensor] : contents.modelTensors) TensorConversion::add(writer, "model." + name, tensor);
    for (const auto &[name, tensor] : contents.optimizerTensors) TensorConversion::add(writer, "optimizer." + name, tensor);
    TensorConversion::add(writer, "random_state", contents.randomState);
    writer.write(path);
}

namespace {

TrainingCheckpoint::Contents readMetadata(const SafetensorsFile &file, const std::string &path)
{
    const auto &metadata = file.metadata();
    const auto field = [&](const char *key) -> const std::string & {
        const auto it = metadata.find(key);
        if (it == metadata.end()) throw Error(ErrorKind::BadModel, path + ": not a Snaption training checkpoint (no " + key + ")");
        return it->second;
    };
    if (field("format") != TrainingCheckpoint::kFormatName) throw Error(ErrorKind::BadModel, path + ": not a Snaption training checkpoint");
    TrainingCheckpoint::Contents contents;
    try {
        contents.config = TrainingConfig::fromJson(field("training_config"));
        contents.model = ModelConfig::fromJson(field("model_config"));
        contents.vocabulary = Vocabulary::fromJson(field("vocabulary"));
        contents.subwords = ModelStorage::readSubwords(metadata, contents.vocabulary);
        contents.state = TrainingState::fromJson(field("state"));
    } catch (const Error &error) {
        throw Error(ErrorKind::BadModel, path + ": " + error.what());
    }
    contents.datasetFingerprint = metadata.count("dataset") ? metadata.at("dataset") : "";
    if (const auto run = metadata.find("run"); run != metadata.end()) {
        const nlohmann::json json = nlohmann::json::parse(run->second, nullptr, false);
        const auto text = [&](const char *key) {
            return json.is_object() && json.contains(key) && json[key].is_string() ? json[key].get<std::string>() : std::string();
        };
        contents.dataSource = text("data");
        contents.dataFormat = text("format");
        contents.outputFolder = text("output");
    }
    return contents;
}

} // namespace

TrainingCheckpoint::Contents TrainingCheckpoint::loadMetadata(const std::string &path)
{
    return readMetadata(SafetensorsFile::readHeader(path), path);
}

TrainingCheckpoint::Contents TrainingCheckpoint::load(const std::string &path)
{
    const SafetensorsFile file = SafetensorsFile::read(path);
    Contents contents = readMetadata(file, path);
    for (auto &[name, tensor] : TensorConversion::readAll(file)) {
        if (name.rfind("model.", 0) == 0) contents.modelTensors[name.substr(6)] = tensor;
        else if (name.rfind("optimizer.", 0) == 0) contents.optimizerTensors[name.substr(10)] = tensor;
        else if (name == "random_state") contents.randomState = tensor;
    }
    if (!contents.randomState.defined()) throw Error(ErrorKind::BadModel, path + ": the checkpoint has no random state");
    return contents;
}

} // namespace snaption::training
