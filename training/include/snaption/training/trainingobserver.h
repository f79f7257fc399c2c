#pragma once

#include <snaption/attentionmaps.h>
#include <snaption/training/captionmetrics.h>
#include <snaption/training/trainingtext.h>

#include <optional>
#include <string>
#include <vector>

namespace snaption::training {

// One optimiser step, as the live plot shows it.
struct StepRecord {
    int epoch = 0;          // 1-based
    int step = 0;           // global, 1-based
    int stepsPerEpoch = 0;
    int totalSteps = 0;
    double loss = 0;
    double learningRate = 0;
    double samplesPerSecond = 0;
    double elapsedSeconds = 0;
    double etaSeconds = 0;
    // Self-critical (CIDEr) steps: the mean reward of the sampled captions and the reward of the
    // batch's greedy captions (CIDEr-D on the training images). Unset for cross-entropy steps.
    std::optional<double> meanReward;
    std::optional<double> greedyReward;
};

// A fixed validation image captioned at the end of an epoch, with its heatmaps.
struct SampleCaption {
    std::string imageId;
    std::string imagePath;  // empty for synthetic scenes (render them from the id and seed)
    std::string caption;
    std::vector<std::string> words;
    AttentionMaps attention;
};

struct EpochRecord {
    int epoch = 0;
    double trainLoss = 0;
    double validationLoss = 0;
    CaptionScores scores;   // on the epoch's validation subset
    // Synthetic scenes: the share of object nouns whose attention peak lies on the object (see
    // Evaluator::attentionHits), on the same subset. Unset for other datasets (no boxes to check)
    // and while the captions name no object.
    std::optional<double> attentionHitRate;
    // Self-critical epochs: the means of their steps' rewards (StepRecord). Unset otherwise.
    std::optional<double> meanReward;
    std::optional<double> greedyReward;
    double learningRate = 0;
    double elapsedSeconds = 0;
    bool best = false;
    std::string checkpoint; // written this epoch, if any
    std::vector<SampleCaption> samples;
};

enum class TrainingPhase { Preparing, ExtractingFeatures, Training, Evaluating, Saving, Finished };

// Receives progress from a Trainer, on the trainer's thread. A GUI forwards the plain records to
// its own thread (the widgets module does this with queued signals).
class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    virtual void onPhase(TrainingPhase phase, const TrainingText &description) {}
    virtual void onProgress(int done, int total) {} // within the phase (feature extraction, evaluation)
    virtual void onStep(const StepRecord &record) {}
    virtual void onEpoch(const EpochRecord &record) {}
    virtual void onMessage(const TrainingText &message) {}
};

} // namespace snaption::training
