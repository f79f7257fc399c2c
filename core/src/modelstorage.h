#pragma once

#include <snaption/modelinfo.h>
#include <snaption/tensordtype.h>

#include "captionmodel.h"
#include "tensorconversion.h"

#include <functional>

namespace snaption {

// Reads and writes model files (docs/ARCHITECTURE.md, section 4): one .safetensors file with the state dict and
// metadata {format: snaption, format_version, config, vocabulary, provenance}.
class ModelStorage {
public:
    struct Loaded {
        ModelInfo info;
        CaptionModel model{nullptr};
    };

    // Throws Error(Io) or Error(BadModel); the model is in eval mode (prepareForInference is next).
    static Loaded load(const std::string &path);
    // `subwords`, when given, must be the model whose pieces `vocabulary` lists.
    static void save(CaptionModelImpl &model, const Vocabulary &vocabulary, const CaptionStyle &style, const std::optional<SubwordModel> &subwords,
                     const std::map<std::string, std::string> &provenance, const std::string &path,
                     TensorDType floatStorage = TensorDType::F32);

    // The "subword_model" metadata of model files and checkpoints: base64 of the SentencePiece
    // model. Reading checks it against the file's vocabulary; absent key -> no subword model.
    static constexpr const char *kSubwordModelKey = "subword_model";
    static std::string subwordMetadata(const SubwordModel &subwords);
    static std::optional<SubwordModel> readSubwords(const std::map<std::string, std::string> &metadata, const Vocabulary &vocabulary);

    // The module's parameters and buffers by their dotted names, like PyTorch's state_dict().
    static TensorMap stateDict(torch::nn::Module &module);

    struct LoadOptions {
        bool allowUnexpected = false; // ignore tensors the module does not have
        std::function<std::string(const std::string &)> rename; // maps file names to module names
        // The tensors are the caller's to give away (read from a file for this load, held by
        // nothing else): parameters take their storage instead of copying it into their own.
        bool adoptStorage = false;
    };
    // A tensor's name-independent description: what the architecture check compares.
    struct TensorSpec {
        std::vector<std::int64_t> shape;
        bool floating = true;
    };
    using TensorSpecs = std::map<std::string, TensorSpec>;
    static TensorSpecs specsOf(const TensorMap &tensors);
    static TensorSpecs specsOf(const SafetensorsFile &file);
    // The one check of whether tensors fit a module: every parameter present (batch-norm counters
    // may be missing), none the module lacks (unless allowed), each of the module's shape and
    // kind. Error(BadModel) names the first problem. Used on headers (snaption-cli info) and on
    // loaded tensors alike, so both say the same.
    static void checkFits(torch::nn::Module &module, const TensorSpecs &tensors, const std::string &source, const LoadOptions &options);
    // Validates a model file without reading its weights: its metadata, then its tensors' names
    // and shapes against the architecture the metadata describes.
    static ModelInfo check(const std::string &path);

    // Copies tensors into the module after checkFits; values must be finite.
    static void loadStateDict(torch::nn::Module &module, const TensorMap &tensors, const std::string &source,
                              const LoadOptions &options);
    static void loadStateDict(torch::nn::Module &module, const TensorMap &tensors, const std::string &source)
    {
        loadStateDict(module, tensors, source, LoadOptions{});
    }
};

} // namespace snaption
