#pragma once

#include <snaption/subwordmodel.h>
#include <snaption/training/trainingconfig.h>
#include <snaption/vocabulary.h>

#include <optional>

#include "tensorconversion.h"
#include "trainingstate.h"

namespace snaption::training {

// A resumable snapshot of a training run in one safetensors file: model and optimiser tensors,
// the random generator's state, and as metadata the configuration, vocabulary and TrainingState.
// Written atomically.
class TrainingCheckpoint {
public:
    static constexpr const char *kFormatName = "snaption-checkpoint";

    struct Contents {
        TrainingConfig config;
        ModelConfig model;  // as built (encoder settings taken from pretrained weights)
        Vocabulary vocabulary;
        std::optional<SubwordModel> subwords; // for subword vocabularies
        TrainingState state;
        TensorMap modelTensors;
        TensorMap optimizerTensors;
        torch::Tensor randomState; // LibTorch's CPU generator
        std::string datasetFingerprint;
        // Where the run's data came from and where it wrote, so a resume needs only the checkpoint.
        // Empty in checkpoints written before they were recorded.
        std::string dataSource;   // Dataset::source
        std::string dataFormat;   // Dataset::format
        std::string outputFolder; // absolute
    };

    static void save(const std::string &path, const Contents &contents);
    // Throws Error(Io/BadModel).
    static Contents load(const std::string &path);
    // The metadata alone (no tensors are read): everything but the tensors and random state.
    static Contents loadMetadata(const std::string &path);
};

} // namespace snaption::training
