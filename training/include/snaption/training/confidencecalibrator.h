#pragma once

#include <snaption/confidencecalibration.h>

#include <string>
#include <vector>

namespace snaption::training {

// Chooses a model's confidence threshold from captions of a split with references: what each
// caption's probabilities say (CaptionScoreMeasures) and its CIDEr-D against its image's references.
class ConfidenceCalibrator {
public:
    struct Options {
        // Unsure captions must score at most this share of the confident ones' mean CIDEr-D on the
        // split fitted on. Below the 0.5 users are promised: a threshold fitted at 0.5 went above
        // 0.5 on held-out captions more often than not (docs/BENCHMARKS.md, "Confidence").
        double maxRatio = 0.4;
        double maxUnsureShare = 0.5; // "unsure" stays the exception
        int minGroupSize = 20;       // fewer captions make a mean too noisy to trust
    };

    // For each measure, the threshold that marks the most captions unsure while their mean
    // CIDEr-D stays within maxRatio of the confident ones'; the measure whose threshold marks
    // more wins (the mean log probability on a tie). No threshold (unsureBelow empty) when
    // neither measure has one. Throws Error(InvalidArgument) when the lists differ in length or
    // hold no caption.
    static ConfidenceCalibration fit(const std::vector<CaptionScoreMeasures> &measures, const std::vector<double> &ciderD,
                                     const std::string &split, const std::string &decoding, const Options &options);
    static ConfidenceCalibration fit(const std::vector<CaptionScoreMeasures> &measures, const std::vector<double> &ciderD,
                                     const std::string &split, const std::string &decoding)
    {
        return fit(measures, ciderD, split, decoding, Options{});
    }
    // The same for one measure.
    static ConfidenceCalibration fitMeasure(ConfidenceCalibration::Measure measure, const std::vector<CaptionScoreMeasures> &measures,
                                            const std::vector<double> &ciderD, const std::string &split, const std::string &decoding,
                                            const Options &options);
    // How a calibration's threshold divides other captions (another split, another decoding).
    static ConfidenceCheck check(const ConfidenceCalibration &calibration, const std::vector<CaptionScoreMeasures> &measures,
                                 const std::vector<double> &ciderD, const std::string &split, const std::string &decoding);
};

} // namespace snaption::training
