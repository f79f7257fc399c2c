#pragma once

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace snaption::training {

struct CaptionScores {
    std::array<double, 4> bleu{0, 0, 0, 0}; // BLEU-1..4
    double cider = 0;                       // CIDEr-D
    double lengthRatio = 0;                 // candidate words / closest reference words (BLEU's brevity penalty below 1)
    // The share of captions that end in a function word ("a dog runs with a"): what metric
    // optimisation is known to produce, watched so that fine-tuning does not trade it for score.
    double functionWordEndings = 0;
    int images = 0;
};

// BLEU-1..4 and CIDEr-D as the coco-caption toolkit (pycocoevalcap) computes them: corpus BLEU
// with the closest reference length and its 1e-9 / 1e-15 smoothing; CIDEr-D with document
// frequencies from the references, n = 1..4, sigma 6, clipped counts, scaled by 10. Captions are
// token lists (Vocabulary::tokenize).
class CaptionMetrics {
public:
    using Tokens = std::vector<std::string>;
    static CaptionScores compute(const std::vector<Tokens> &candidates, const std::vector<std::vector<Tokens>> &references);
    static std::array<double, 4> bleu(const std::vector<Tokens> &candidates, const std::vector<std::vector<Tokens>> &references);
    static std::pair<std::array<double, 4>, double> bleuAndLengthRatio(const std::vector<Tokens> &candidates,
                                                                       const std::vector<std::vector<Tokens>> &references);
    // The share of candidates whose last word is an English or German article, preposition,
    // conjunction, pronoun or auxiliary (isFunctionWord).
    static double functionWordEndingShare(const std::vector<Tokens> &candidates);
    static bool isFunctionWord(const std::string &lowerCaseWord);
    static double ciderD(const std::vector<Tokens> &candidates, const std::vector<std::vector<Tokens>> &references);
    // Each candidate's CIDEr-D (their mean is ciderD), document frequencies from all references.
    static std::vector<double> ciderDPerCaption(const std::vector<Tokens> &candidates, const std::vector<std::vector<Tokens>> &references);
};

} // namespace snaption::training
