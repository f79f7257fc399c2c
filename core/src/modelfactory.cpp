#include <snaption/modelfactory.h>

#include <snaption/encoderweights.h>

#include "encoderweightsimpl.h"

#include "captionmodel.h"
#include "modelstorage.h"

#include <optional>

namespace snaption {

void ModelFactory::createRandom(const ModelConfig &requested, const Vocabulary &vocabulary, const std::string &path,
                                const Options &options)
{
    ModelConfig config = requested;
    std::optional<EncoderWeights> weights;
    if (!options.encoderWeightsPath.empty()) {
        weights = EncoderWeights::read(options.encoderWeightsPath);
        const int classes = config.architecture == ModelConfig::kArchitectureSeed ? weights->config().classifierClasses : 0;
        config.encoder = weights->config();
        config.encoder.classifierClasses = classes;
    }
    config.validate();
    torch::manual_seed(options.seed);
    CaptionModel model(config, std::int64_t(vocabulary.size()));
    if (weights) model->encoder().loadWeights(weights->impl().tensors, options.encoderWeightsPath);
    ModelStorage::save(*model, vocabulary, options.provenance, path, options.storage);
}

} // namespace snaption
