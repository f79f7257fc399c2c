#pragma once

#include <snaption/modelinfo.h>
#include <snaption/tensordtype.h>

#include "captionmodel.h"
#include "tensorconversion.h"

#include <functional>

namespace snaption {

// Reads and writes model files (DESIGN section 4): one .safetensors file with the state dict and
// metadata {format: snaption, format_version, config, vocabulary, provenance}.
class ModelStorage {
public:
    struct Loaded {
        ModelInfo info;
        CaptionModel model{nullptr};
    };

    // Throws Error(Io) or Error(BadModel); the model is in eval mode (prepareForInference is next).
    static Loaded load(const std::string &path);
    static void save(CaptionModelImpl &model, const Vocabulary &vocabulary,
                     const std::map<std::string, std::string> &provenance, const std::string &path,
                     TensorDType floatStorage = TensorDType::F32);

    // The module's parameters and buffers by their dotted names, like PyTorch's state_dict().
    static TensorMap stateDict(torch::nn::Module &module);

    struct LoadOptions {
        bool allowUnexpected = false; // ignore tensors the module does not have
        std::function<std::string(const std::string &)> rename; // maps file names to module names
    };
    // Copies tensors into the module. Every parameter must be present with its exact shape
    // (batch-norm counters may be missing); otherwise Error(BadModel) names what is wrong.
    static void loadStateDict(torch::nn::Module &module, const TensorMap &tensors, const std::string &source,
                              const LoadOptions &options);
    static void loadStateDict(torch::nn::Module &module, const TensorMap &tensors, const std::string &source)
    {
        loadStateDict(module, tensors, source, LoadOptions{});
    }
};

} // namespace snaption
