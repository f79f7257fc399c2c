#include <snaption/training/captionmetrics.h>
#include <snaption/training/ciderdscorer.h>

#include <snaption/error.h>

#include <algorithm>
#include <numeric>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace snaption::training {
namespace {

using Tokens = CaptionMetrics::Tokens;
using NGram = std::vector<std::string>;
using Counts = std::map<NGram, int>;

constexpr int kMaxN = 4;

Counts countNGrams(const Tokens &words, int maxN = kMaxN)
{
    Counts counts;
    for (int n = 1; n <= maxN; ++n) {
        for (std::size_t i = 0; i + std::size_t(n) <= words.size(); ++i)
            ++counts[NGram(words.begin() + std::ptrdiff_t(i), words.begin() + std::ptrdiff_t(i) + n)];
    }
    return counts;
}

void checkSizes(const std::vector<Tokens> &candidates, const std::vector<std::vector<Tokens>> &references)
{
    if (candidates.size() != references.size())
        throw Error(ErrorKind::InvalidArgument, "caption metrics: one list of references per candidate is needed");
    for (const auto &refs : references) {
        if (refs.empty()) throw Error(ErrorKind::InvalidArgument, "caption metrics: an image has no reference captions");
    }
}

} // namespace

std::array<double, 4> CaptionMetrics::bleu(const std::vector<Tokens> &candidates, const std::vector<std::vector<Tokens>> &references)
{
    return bleuAndLengthRatio(candidates, references).first;
}

std::pair<std::array<double, 4>, double> CaptionMetrics::bleuAndLengthRatio(const std::vector<Tokens> &candidates,
                                                                             const std::vector<std::vector<Tokens>> &references)
{
    checkSizes(candidates, references);
    constexpr double tiny = 1e-15, small = 1e-9;
    std::array<double, kMaxN> guess{}, correct{};
    double testLength = 0, referenceLength = 0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const Tokens &test = candidates[i];
        // Clip each n-gram at its largest count in any one reference.
        Counts maxReferenceCounts;
        int closest = -1;
        for (const Tokens &reference : references[i]) {
            for (const auto &[ngram, count] : countNGrams(reference)) maxReferenceCounts[ngram] = std::max(maxReferenceCounts[ngram], count);
            const int length = int(reference.size());
            const int distance = std::abs(length - int(test.size()));
            if (closest < 0 || distance < std::abs(closest - int(test.size())) || (distance == std::abs(closest - int(test.size())) && length < closest))
                closest = length;
        }
        testLength += double(test.size());
        referenceLength += double(closest);
        for (int k = 0; k < kMaxN; ++k) guess[std::size_t(k)] += double(std::max(0, int(test.size()) - k));
        for (const auto &[ngram, count] : countNGrams(test)) {
            const auto found = maxReferenceCounts.find(ngram);
            if (found != maxReferenceCounts.end()) correct[ngram.size() - 1] += double(std::min(count, found->second));
        }
    }
    std::array<double, 4> scores{};
    double product = 1;
    for (int k = 0; k < kMaxN; ++k) {
        product *= (correct[std::size_t(k)] + tiny) / (guess[std::size_t(k)] + small);
        scores[std::size_t(k)] = std::pow(product, 1.0 / double(k + 1));
    }
    const double ratio = (testLength + tiny) / (referenceLength + small);
    if (ratio < 1) {
        for (double &score : scores) score *= std::exp(1 - 1 / ratio);
    }
    return {scores, ratio};
}

double CaptionMetrics::ciderD(const std::vector<Tokens> &candidates, const std::vector<std::vector<Tokens>> &references)
{
    const std::vector<double> each = ciderDPerCaption(candidates, references);
    return each.empty() ? 0.0 : std::accumulate(each.begin(), each.end(), 0.0) / double(each.size());
}

std::vector<double> CaptionMetrics::ciderDPerCaption(const std::vector<Tokens> &candidates, const std::vector<std::vector<Tokens>> &references)
{
    checkSizes(candidates, references);
    if (candidates.empty()) return {};
    // Document frequencies from the candidates' own references, as coco-caption takes them.
    const CiderDScorer scorer(references);
    std::vector<double> each;
    for (std::size_t i = 0; i < candidates.size(); ++i) each.push_back(scorer.scores({candidates[i]}, references[i]).front());
    return each;
}

bool CaptionMetrics::isFunctionWord(const std::string &word)
{
    // Words a finished caption does not end with, in the two caption languages.
    static const std::set<std::string> words{
        "a", "an", "the", "of", "with", "in", "on", "at", "to", "and", "or", "for", "by", "from", "into", "onto", "over", "under",
        "while", "its", "his", "her", "their", "is", "are", "some", "as", "near", "through", "across", "behind", "beside",
        "ein", "eine", "einer", "einem", "einen", "eines", "der", "die", "das", "den", "dem", "des", "mit", "im", "auf", "am", "und",
        "oder", "von", "vom", "zu", "zum", "zur", "bei", "beim", "über", "unter", "vor", "hinter", "neben", "durch", "ist", "sind", "sein", "ihr"};
    return words.count(word) > 0;
}

double CaptionMetrics::functionWordEndingShare(const std::vector<Tokens> &candidates)
{
    if (candidates.empty()) return 0;
    const auto endsBadly = [](const Tokens &words) { return !words.empty() && isFunctionWord(words.back()); };
    return double(std::count_if(candidates.begin(), candidates.end(), endsBadly)) / double(candidates.size());
}

CaptionScores CaptionMetrics::compute(const std::vector<Tokens> &candidates, const std::vector<std::vector<Tokens>> &references)
{
    CaptionScores scores;
    std::tie(scores.bleu, scores.lengthRatio) = bleuAndLengthRatio(candidates, references);
    scores.cider = ciderD(candidates, references);
    scores.functionWordEndings = functionWordEndingShare(candidates);
    scores.images = int(candidates.size());
    return scores;
}

} // namespace snaption::training
