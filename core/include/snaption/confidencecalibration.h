#pragma once

#include <optional>
#include <string>

namespace snaption {

// How far a caption can be trusted, in the plain terms a screen-reader user gets.
enum class CaptionConfidence {
    Unknown,   // the model carries no calibration (or its calibration found no useful threshold)
    Confident,
    Unsure,
};
std::string confidenceName(CaptionConfidence confidence); // "unknown", "confident", "unsure"

// What the model's own probabilities say about one caption (CaptionResult::scoreMeasures()).
struct CaptionScoreMeasures {
    double meanLogProbability = 0;       // CaptionResult::score: per token, <END> included
    double lowestWordLogProbability = 0; // of the caption's least likely word (all its pieces)
};

// How captions fared against a confidence threshold on one dataset split: how many were marked
// unsure, and the mean CIDEr-D of each group.
struct ConfidenceCheck {
    std::string split;         // "dev"
    std::string decoding;      // "beam 3": scores depend a little on how captions were decoded
    int captions = 0;
    double unsureShare = 0;
    double confidentMeanCiderD = 0;
    double unsureMeanCiderD = 0;
};

// What a model's caption scores say about the captions' quality, estimated on a split with
// references and stored in the model file ("confidence_calibration" metadata): a caption whose
// measure is below `unsureBelow` is unsure.
struct ConfidenceCalibration {
    static constexpr const char *kMetadataKey = "confidence_calibration";
    enum class Measure { MeanLogProbability, LowestWordLogProbability };

    Measure measure = Measure::MeanLogProbability;
    std::optional<double> unsureBelow; // none: the measure did not single out poor captions
    double maxRatio = 0.4;             // the bar it was fitted to: unsure mean CIDEr-D <= maxRatio x confident mean
    ConfidenceCheck fitted;            // the split it was chosen on

    static std::string measureName(Measure measure); // "mean_log_probability", "lowest_word_log_probability"
    double valueOf(const CaptionScoreMeasures &measures) const;
    CaptionConfidence levelOf(const CaptionScoreMeasures &measures) const;
    // Rewrites the model file with this calibration in its metadata (atomically; its tensors and
    // other metadata unchanged). Throws Error(Io) or Error(BadModel) for a file that is no model.
    void storeIn(const std::string &modelPath) const;
    std::string toJson() const;
    // Throws Error(BadModel) for malformed or implausible JSON.
    static ConfidenceCalibration fromJson(const std::string &json);
};

} // namespace snaption
