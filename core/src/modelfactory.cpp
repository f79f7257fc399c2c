#include <snaption/modelfactory.h>

#include <snaption/encoderweights.h>

#include "inputfile.h"
#include "systemmemory.h"
#include "encoderweightsimpl.h"

#include "captionmodel.h"
#include "modelstorage.h"

#include <optional>

namespace snaption {

void ModelFactory::createRandom(const ModelConfig &requested, const Vocabulary &vocabulary, const std::string &path,
                                const Options &options)
{
    InputFile::refuseAsOutput(path, {options.encoderWeightsPath});
    ModelConfig config = requested;
    std::optional<EncoderWeights> weights;
    if (!options.encoderWeightsPath.empty()) {
        weights = EncoderWeights::read(options.encoderWeightsPath);
        const int classes = config.architecture == ModelConfig::kArchitectureSeed ? weights->config().classifierClasses : 0;
        config.encoder = weights->config();
        config.encoder.classifierClasses = classes;
    }
    config.validate();
    // Weights, their random initialisation and the file's buffer: about 12 bytes per parameter.
    requireMemory(std::uint64_t(config.parameterCount(std::int64_t(vocabulary.size()))) * 12,
                  "a model of " + std::to_string(config.parameterCount(std::int64_t(vocabulary.size())) / 1'000'000) + " million parameters");
    torch::manual_seed(options.seed);
    CaptionModel model(config, std::int64_t(vocabulary.size()));
    if (weights) model->encoder().loadWeights(EncoderWeightsTensors::of(*weights), options.encoderWeightsPath);
    ModelStorage::save(*model, vocabulary, options.style, options.subwords, options.provenance, path, options.storage);
}

} // namespace snaption
