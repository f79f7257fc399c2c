#include <snaption/training/ciderdscorer.h>

#include <snaption/error.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace snaption::training {
namespace {

constexpr double kSigma = 6.0;

// Every n-gram of 1..maxN words, as the words joined by spaces (words hold no spaces), counted.
std::map<std::string, int> countNGrams(const CiderDScorer::Tokens &words, int maxN)
{
    std::map<std::string, int> counts;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string ngram;
        for (std::size_t n = 0; n < std::size_t(maxN) && i + n < words.size(); ++n) {
            if (n > 0) ngram += ' ';
            ngram += words[i + n];
            ++counts[ngram];
        }
    }
    return counts;
}

std::size_t wordsIn(const std::string &ngram)
{
    return std::size_t(std::count(ngram.begin(), ngram.end(), ' ')) + 1;
}

} // namespace

CiderDScorer::CiderDScorer(const std::vector<std::vector<Tokens>> &referenceSets) : m_images(referenceSets.size())
{
    for (const auto &references : referenceSets) {
        std::set<std::string> seen;
        for (const Tokens &reference : references) {
            for (const auto &entry : countNGrams(reference, kMaxN)) seen.insert(entry.first);
        }
        for (const std::string &ngram : seen) m_documentFrequency[ngram] += 1;
    }
    m_logImages = m_images > 0 ? std::log(double(m_images)) : 0.0;
}

CiderDScorer::Vector CiderDScorer::vectorOf(const Tokens &words) const
{
    Vector v;
    for (const auto &[ngram, termFrequency] : countNGrams(words, kMaxN)) {
        const auto found = m_documentFrequency.find(ngram);
        const double df = std::log(std::max(1.0, found == m_documentFrequency.end() ? 0.0 : found->second));
        const std::size_t n = wordsIn(ngram) - 1;
        const double value = double(termFrequency) * (m_logImages - df);
        v.values[n][ngram] = value;
        v.norm[n] += value * value;
        if (n == 1) v.length += termFrequency;
    }
    for (double &norm : v.norm) norm = std::sqrt(norm);
    return v;
}

std::array<double, CiderDScorer::kMaxN> CiderDScorer::similarity(const Vector &hypothesis, const Vector &reference)
{
    const double delta = double(hypothesis.length - reference.length);
    std::array<double, kMaxN> value{};
    for (std::size_t n = 0; n < kMaxN; ++n) {
        for (const auto &[ngram, weight] : hypothesis.values[n]) {
            const auto found = reference.values[n].find(ngram);
            const double referenceWeight = found == reference.values[n].end() ? 0.0 : found->second;
            value[n] += std::min(weight, referenceWeight) * referenceWeight;
        }
        if (hypothesis.norm[n] != 0 && reference.norm[n] != 0) value[n] /= hypothesis.norm[n] * reference.norm[n];
        value[n] *= std::exp(-(delta * delta) / (2 * kSigma * kSigma));
    }
    return value;
}

std::vector<double> CiderDScorer::scores(const std::vector<Tokens> &candidates, const std::vector<Tokens> &references) const
{
    if (references.empty()) throw Error(ErrorKind::InvalidArgument, "CIDEr-D: an image has no reference captions");
    std::vector<Vector> referenceVectors;
    for (const Tokens &reference : references) referenceVectors.push_back(vectorOf(reference));
    std::vector<double> result;
    for (const Tokens &candidate : candidates) {
        const Vector hypothesis = vectorOf(candidate);
        double sum = 0;
        for (const Vector &reference : referenceVectors) {
            for (const double value : similarity(hypothesis, reference)) sum += value;
        }
        result.push_back(sum / double(kMaxN) / double(referenceVectors.size()) * 10.0);
    }
    return result;
}

} // namespace snaption::training
