#pragma once

#include <snaption/modelconfig.h>
#include <snaption/training/augmentationconfig.h>

#include <cstdint>
#include <string>
#include <vector>

namespace snaption::training {

// Everything a training run needs to know, JSON-serialisable (it is stored in checkpoints). The
// defaults are the original project's recipe: AdamW (lr 2e-4, betas 0.9/0.98, weight decay 1e-4),
// OneCycle (10 % warm-up, cosine), label smoothing 0.1, gradient clipping at norm 2, batch 32,
// one random caption of an image's five per step.
struct TrainingConfig {
    ModelConfig model;
    std::string language = "en";     // the captions' language (BCP 47), stored in the model file
    std::string encoderWeights;      // pretrained encoder file (see EncoderWeights), or random init
    bool freezeEncoder = true;       // frozen: features are computed once and cached
    bool cacheFeatures = true;       // frozen only: false re-encodes every batch (slow; for comparison)
    // The decoder's matrix products in training steps: "bf16" (bfloat16 inputs, fp32 accumulation
    // and weights), "fp32", or "auto": bf16 when the encoder is frozen and the CPU has native
    // bfloat16 dot products (AVX512-BF16 or AMX), fp32 otherwise.
    std::string mixedPrecision = "auto";
    // What the steps optimise: "cross-entropy" (teacher forcing on the reference captions), or
    // "cider": self-critical fine-tuning of a trained model (initFrom) with CIDEr-D as the reward,
    // samplesPerImage captions sampled per image, each baselined by the mean of the others.
    std::string objective = "cross-entropy";
    std::string initFrom;            // a model file to start from: its weights, vocabulary and language
    int samplesPerImage = 5;
    // The policy the samples are drawn from and whose log probabilities are trained: the
    // decoder's distribution at this temperature (< 1: nearer the most likely caption).
    double sampleTemperature = 1.0;
    // A self-critical stage after the cross-entropy epochs, in the same run: from their best
    // model, with an optimiser and learning-rate cycle of its own, up to ciderStageEpochs more
    // epochs (0: no such stage) of the "cider" objective on each image's first cached view
    // (samplesPerImage, sampleTemperature). This share of maxMinutes is kept for it: the
    // cross-entropy epochs are planned to end that long before the budget does.
    int ciderStageEpochs = 0;
    double ciderStageBudgetShare = 0.45;
    double ciderStageLearningRate = 5e-5;
    double ciderStageWarmupFraction = 0.05;
    int epochs = 16;
    int batchSize = 32; // per data shard: a data-parallel step trains batchSize x dataShards samples
    // The data-parallel layout: training records are dealt into this many shards, each with its
    // own order (ShardedSampler); each rank trains dataShards / ranks of them. 0: one per rank.
    // A single process with dataShards N trains exactly what N ranks do.
    int dataShards = 0;
    double learningRate = 2e-4;
    double beta1 = 0.9, beta2 = 0.98;
    double weightDecay = 1e-4;
    double warmupFraction = 0.1;
    double labelSmoothing = 0.1;
    double gradientClip = 2.0;
    int minWordFrequency = 5;        // rarer training words become <UNKNOWN> (word vocabularies)
    // "words", or "subwords": SentencePiece pieces learnt from the training captions when the run
    // starts, for languages whose compounds make words sparse (stored in the model file).
    std::string vocabulary = "words";
    int subwordPieces = 4000;        // the subword vocabulary's size, special tokens included
    int featureViews = 1;            // cached views per training image: the original + augmented ones
    AugmentationConfig augmentation; // used for views beyond the first, and for unfrozen training
    bool augment = true;
    std::string cacheFolder;         // empty: features in memory (fp16); else a disk cache folder
    int checkpointEvery = 1;         // epochs; 0 = only best and final
    int earlyStoppingPatience = 0;   // epochs without a better metric before stopping; 0 = off
    std::string bestMetric = "cider"; // cider, bleu4 or loss
    double maxMinutes = 0;           // wall-time budget for the whole run (0 = none)
    std::uint64_t seed = 0;
    int sampleImages = 4;            // fixed validation images captioned (with heatmaps) every epoch
    int epochValidationImages = 250; // images scored each epoch (0 = all); the final score uses all
    int evaluationBeam = 3;
    int loaderThreads = 2;
    // Synthetic scenes (format "synthetic"): how many to render.
    int syntheticTrainScenes = 4000;
    int syntheticValidationScenes = 200;
    int syntheticTestScenes = 500;
    int syntheticImageSize = 128;

    static constexpr int kMaxSyntheticScenes = 300'000;

    static const std::vector<std::string> &presetNames();
    // A preset's title and description in English, the same wording in the GUI and the CLI.
    // Both are marked for Qt's translation tools in the context "TrainingConfig", so a Qt program
    // shows them translated with QCoreApplication::translate("TrainingConfig", text).
    static std::string presetTitle(const std::string &name);
    static std::string presetDescription(const std::string &name);
    // Throws Error(InvalidArgument) for an unknown name.
    static TrainingConfig preset(const std::string &name);

    std::string toJson() const;
    // Starts from `base` (the defaults): keys present in the JSON override it.
    static TrainingConfig fromJson(const std::string &json, const TrainingConfig &base);
    static TrainingConfig fromJson(const std::string &json);
    void validate() const;
    // "auto" resolved for this CPU.
    bool usesBfloat16() const;
};

} // namespace snaption::training
