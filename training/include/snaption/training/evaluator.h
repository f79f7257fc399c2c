#pragma once

#include <snaption/captioner.h>
#include <snaption/training/captionmetrics.h>
#include <snaption/training/dataset.h>

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace snaption::training {

struct EvaluationResult {
    CaptionScores scores;
    int images = 0;
    int failedImages = 0;            // unreadable images, skipped
    std::vector<std::string> skippedImages; // "id: reason" of each
    // Synthetic scenes: the share of object nouns whose attention peak lies in that object's box.
    int attentionNouns = 0;
    int attentionHits = 0;
    double attentionHitRate() const { return attentionNouns ? double(attentionHits) / attentionNouns : -1.0; }
    std::vector<std::string> captions; // per image, in split order
    std::vector<std::string> imageIds; // the image of each caption
    std::vector<CaptionScoreMeasures> captionMeasures; // per caption: what its probabilities say
    std::vector<double> captionCiderD; // per caption: its CIDEr-D against its image's references
};

// Captions a dataset split with a Captioner and scores it (BLEU-1..4, CIDEr-D, and for synthetic
// scenes the attention hit rate).
class Evaluator {
public:
    using Progress = std::function<void(int done, int total)>;

    static EvaluationResult evaluate(const Captioner &captioner, const Dataset &dataset, const std::string &split,
                                     const DecodingOptions &options, int maxImages = 0, const Progress &progress = {},
                                     const std::atomic<bool> *cancel = nullptr);

    // For one caption: how many object nouns (shape words) it names unambiguously, and how many
    // of them have their attention peak inside the object's box.
    static std::pair<int, int> attentionHits(const std::vector<std::string> &words, const AttentionMaps &attention,
                                             const std::vector<SceneObject> &objects, int imageWidth, int imageHeight);
    // The caption's words lower-case, one per attention step, as attentionHits compares them.
    static std::vector<std::string> lowerCaseWords(const CaptionResult &caption);
};

} // namespace snaption::training
