#include <snaption/training/captionmetrics.h>

#include <snaption/error.h>

#include <algorithm>
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
    checkSizes(candidates, references);
    if (candidates.empty()) return 0;
    constexpr double sigma = 6.0;
    // Document frequency: in how many images' references an n-gram occurs.
    std::map<NGram, double> documentFrequency;
    std::vector<std::vector<Counts>> referenceCounts(references.size());
    for (std::size_t i = 0; i < references.size(); ++i) {
        std::set<NGram> seen;
        for (const Tokens &reference : references[i]) {
            referenceCounts[i].push_back(countNGrams(reference));
            for (const auto &entry : referenceCounts[i].back()) seen.insert(entry.first);
        }
        for (const NGram &ngram : seen) documentFrequency[ngram] += 1;
    }
    const double logImages = std::log(double(references.size()));

    struct Vector {
        std::array<std::map<NGram, double>, kMaxN> values;
        std::array<double, kMaxN> norm{};
        int length = 0; // as coco-caption counts it: the number of bigrams
    };
    const auto toVector = [&](const Counts &counts) {
        Vector v;
        for (const auto &[ngram, termFrequency] : counts) {
            const auto found = documentFrequency.find(ngram);
            const double df = std::log(std::max(1.0, found == documentFrequency.end() ? 0.0 : found->second));
            const std::size_t n = ngram.size() - 1;
            const double value = double(termFrequency) * (logImages - df);
            v.values[n][ngram] = value;
            v.norm[n] += value * value;
            if (n == 1) v.length += termFrequency;
        }
        for (double &norm : v.norm) norm = std::sqrt(norm);
        return v;
    };
    const auto similarity = [&](const Vector &hypothesis, const Vector &reference) {
        const double delta = double(hypothesis.length - reference.length);
        std::array<double, kMaxN> value{};
        for (std::size_t n = 0; n < kMaxN; ++n) {
            for (const auto &[ngram, weight] : hypothesis.values[n]) {
                const auto found = reference.values[n].find(ngram);
                const double referenceWeight = found == reference.values[n].end() ? 0.0 : found->second;
                value[n] += std::min(weight, referenceWeight) * referenceWeight;
            }
            if (hypothesis.norm[n] != 0 && reference.norm[n] != 0) value[n] /= hypothesis.norm[n] * reference.norm[n];
            value[n] *= std::exp(-(delta * delta) / (2 * sigma * sigma));
        }
        return value;
    };

    double total = 0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const Vector hypothesis = toVector(countNGrams(candidates[i]));
        std::array<double, kMaxN> score{};
        for (const Counts &counts : referenceCounts[i]) {
            const auto value = similarity(hypothesis, toVector(counts));
            for (std::size_t n = 0; n < kMaxN; ++n) score[n] += value[n];
        }
        double average = 0;
        for (const double s : score) average += s;
        average /= double(kMaxN);
        average /= double(referenceCounts[i].size());
        total += average * 10.0;
    }
    return total / double(candidates.size());
}

CaptionScores CaptionMetrics::compute(const std::vector<Tokens> &candidates, const std::vector<std::vector<Tokens>> &references)
{
    CaptionScores scores;
    std::tie(scores.bleu, scores.lengthRatio) = bleuAndLengthRatio(candidates, references);
    scores.cider = ciderD(candidates, references);
    scores.images = int(candidates.size());
    return scores;
}

} // namespace snaption::training
