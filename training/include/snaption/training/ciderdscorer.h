#pragma once

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

namespace snaption::training {

// CIDEr-D as the coco-caption toolkit (pycocoevalcap) computes it, with the document frequencies
// taken once from a set of images' references (the evaluator's: the candidates' own references;
// self-critical training's: every training image's), so that single captions can be scored
// against one image's references: n = 1..4, sigma 6, clipped counts, scaled by 10.
class CiderDScorer {
public:
    using Tokens = std::vector<std::string>;

    // One list of reference captions per image; each image's n-grams count once.
    explicit CiderDScorer(const std::vector<std::vector<Tokens>> &referenceSets);

    // CIDEr-D of each candidate against `references` (one image's), with this scorer's document
    // frequencies. Throws Error(InvalidArgument) for an empty reference list.
    std::vector<double> scores(const std::vector<Tokens> &candidates, const std::vector<Tokens> &references) const;

    std::size_t images() const { return m_images; }

private:
    static constexpr int kMaxN = 4;
    struct Vector {
        std::array<std::unordered_map<std::string, double>, kMaxN> values; // n-gram (words joined by spaces) -> tf-idf
        std::array<double, kMaxN> norm{};
        int length = 0; // as coco-caption counts it: the number of bigrams
    };
    Vector vectorOf(const Tokens &words) const;
    static std::array<double, kMaxN> similarity(const Vector &hypothesis, const Vector &reference);

    std::unordered_map<std::string, double> m_documentFrequency;
    std::size_t m_images = 0;
    double m_logImages = 0;
};

} // namespace snaption::training
