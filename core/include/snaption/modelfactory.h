#pragma once

#include <snaption/captionstyle.h>
#include <snaption/modelconfig.h>
#include <snaption/subwordmodel.h>
#include <snaption/tensordtype.h>
#include <snaption/vocabulary.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace snaption {

// Creates model files without training: randomly initialised ones, so that everything can run
// before a trained model exists, optionally starting from pretrained encoder weights.
class ModelFactory {
public:
    struct Options {
        std::uint64_t seed = 0;
        std::string encoderWeightsPath;              // pretrained encoder (see EncoderWeights), or empty
        TensorDType storage = TensorDType::F32;      // F32 or F16
        std::map<std::string, std::string> provenance;
        CaptionStyle style;                          // caption language and written forms
        std::optional<SubwordModel> subwords;        // for a vocabulary of its pieces
    };

    // With encoder weights, the encoder part of the configuration (network, padding, normalisation)
    // comes from them. Throws Error(InvalidArgument/BadModel/Io).
    static void createRandom(const ModelConfig &config, const Vocabulary &vocabulary, const std::string &path,
                             const Options &options);
};

} // namespace snaption
