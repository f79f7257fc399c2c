#include <snaption/modelfactory.h>

#include <snaption/safetensorsfile.h>

#include "captionmodel.h"
#include "modelstorage.h"

namespace snaption {

void ModelFactory::createRandom(const ModelConfig &config, const Vocabulary &vocabulary, const std::string &path,
                                const Options &options)
{
    config.validate();
    torch::manual_seed(options.seed);
    CaptionModel model(config, std::int64_t(vocabulary.size()));
    if (!options.encoderWeightsPath.empty()) {
        model->encoder().loadWeights(TensorConversion::readAll(SafetensorsFile::read(options.encoderWeightsPath)),
                                     options.encoderWeightsPath);
    }
    ModelStorage::save(*model, vocabulary, options.provenance, path, options.storage);
}

} // namespace snaption
