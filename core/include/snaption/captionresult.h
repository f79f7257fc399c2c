#pragma once

#include <snaption/attentionmaps.h>
#include <snaption/confidencecalibration.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace snaption {

// Wall-clock time spent in each stage of captioning one image (batch stages are divided evenly).
struct StageTimings {
    double preprocessMs = 0;
    double encoderMs = 0;
    double decoderMs = 0;
    int generatedTokens = 0; // including <END>
    double totalMs() const { return preprocessMs + encoderMs + decoderMs; }
    double perTokenMs() const { return generatedTokens > 0 ? decoderMs / generatedTokens : 0.0; }
};

struct CaptionResult {
    std::string caption;                // as written: "A dog runs through the grass.", "Ein Hund rennt."
    std::string language = "en";        // the caption's language (BCP 47), the model's
    std::vector<std::string> words;     // as written ("Hund"); one per generated token before <END>, or for
                                        // subword models one per word of generated pieces
    std::vector<std::int64_t> tokenIds; // the generated tokens before <END>, as vocabulary indices
    std::vector<int> tokensPerWord;     // how many of tokenIds make each word (1 each for word vocabularies)
    std::vector<float> probabilities;   // model probability of each word (of all its pieces)
    double score = 0;                   // length-normalised log probability
    CaptionConfidence confidence = CaptionConfidence::Unknown; // from scoreMeasures() and the model's calibration
    AttentionMaps attention;            // one step per word
    StageTimings timings;

    // The mean log probability, and that of the least likely word (the mean for a caption
    // without words).
    CaptionScoreMeasures scoreMeasures() const
    {
        double lowest = probabilities.empty() ? score : 0.0;
        for (const float p : probabilities) lowest = std::min(lowest, std::log(std::max(double(p), 1e-30)));
        return {score, lowest};
    }
};

} // namespace snaption
