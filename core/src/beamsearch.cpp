#include "beamsearch.h"

#include <snaption/vocabulary.h>

#include "incrementaldecoder.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace snaption {

BeamSearch::BeamSearch(CaptionModelImpl &model, const DecodingOptions &options) : m_model(model), m_options(options) {}

// Ranks a finished caption.
void BeamSearch::finish(Hypothesis &hypothesis) const
{
    const double length = double(std::max<std::size_t>(1, hypothesis.tokens.size()));
    hypothesis.rank = hypothesis.logProbability / std::pow(length, m_options.lengthPenalty);
}

std::vector<BeamSearch::Candidate> BeamSearch::bestCandidates(const std::vector<Hypothesis> &live, const float *logProbabilities,
                                                              std::int64_t vocabulary, std::size_t count)
{
    std::vector<Candidate> best;
    best.reserve(count + 1);
    const auto better = [](double score, const Candidate &c) { return score > c.score; };
    for (std::size_t h = 0; h < live.size(); ++h) {
        const float *row = logProbabilities + live[h].row * vocabulary;
        const double base = live[h].logProbability;
        for (std::int64_t token = 0; token < vocabulary; ++token) {
            const double score = base + double(row[token]);
            // -inf (words never emitted) and NaN never compete.
            if (!(score > -std::numeric_limits<double>::infinity())) continue;
            if (best.size() == count && !(score > best.back().score)) continue;
            // After the equal ones: candidates arrive in increasing flat order.
            best.insert(std::upper_bound(best.begin(), best.end(), score, better), Candidate{score, std::int64_t(h) * vocabulary + token});
            if (best.size() > count) best.pop_back();
        }
    }
    return best;
}

void BeamSearch::advance(ImageSearch &search, const float *logProbabilities, std::int64_t vocabulary,
                         std::vector<std::int64_t> &nextRows, std::vector<std::int64_t> &nextTokens) const
{
    const std::size_t width = std::size_t(m_options.beamWidth);
    std::vector<Hypothesis> extended;
    for (const Candidate &candidate : bestCandidates(search.live, logProbabilities, vocabulary, 2 * width)) {
        if (extended.size() >= width) break;
        const Hypothesis &parent = search.live[std::size_t(candidate.flat / vocabulary)];
        const std::int64_t token = candidate.flat % vocabulary;
        const float tokenLogProbability = logProbabilities[parent.row * vocabulary + token];
        Hypothesis child = parent;
        child.logProbability = parent.logProbability + double(tokenLogProbability);
        child.tokens.push_back(token);
        child.probabilities.push_back(std::exp(tokenLogProbability));
        child.attentionRows.push_back(parent.row);
        if (token == Vocabulary::kEnd) {
            if (search.finished.size() < width) {
                finish(child);
                search.finished.push_back(std::move(child));
            }
        } else {
            extended.push_back(std::move(child));
        }
    }
    // Done once `width` hypotheses have ended.
    if (search.finished.size() >= width) extended.clear();
    for (Hypothesis &h : extended) {
        nextRows.push_back(h.row);
        nextTokens.push_back(h.tokens.back());
        h.row = std::int64_t(nextRows.size()) - 1;
    }
    search.live = std::move(extended);
}

DecodedSequence BeamSearch::sequenceOf(const Hypothesis &hypothesis, const std::vector<torch::Tensor> &stepAttention)
{
    DecodedSequence sequence;
    sequence.tokens = hypothesis.tokens;
    sequence.probabilities = hypothesis.probabilities;
    for (std::size_t t = 0; t < hypothesis.tokens.size(); ++t) sequence.attention.push_back(stepAttention[t][hypothesis.attentionRows[t]]);
    const double length = double(std::max<std::size_t>(1, hypothesis.tokens.size()));
    sequence.score = hypothesis.logProbability / length;
    return sequence;
}

std::vector<DecodedSequence> BeamSearch::run(const torch::Tensor &memory)
{
    const std::int64_t images = memory.size(0);
    const int contextTokens = m_model.config().decoder.contextLength - 1;
    const int maxTokens = m_options.maxTokens > 0 ? std::min(m_options.maxTokens, contextTokens) : contextTokens;

    // Each image starts with one hypothesis (<START>), so the first step does not pick k copies
    // of the same word.
    std::vector<ImageSearch> searches(static_cast<std::size_t>(images));
    for (std::int64_t i = 0; i < images; ++i) searches[std::size_t(i)].live.push_back(Hypothesis{{}, {}, {}, 0.0, i, 0.0});

    IncrementalDecoder decoder(m_model, memory, m_options.useKvCache);
    std::vector<std::int64_t> tokens(static_cast<std::size_t>(images), Vocabulary::kStart);
    std::vector<torch::Tensor> stepAttention; // per step: [rows, L, H, M]
    for (int step = 0; step < maxTokens; ++step) {
        torch::Tensor attention;
        const torch::Tensor logProbabilities =
            torch::log_softmax(decoder.step(torch::tensor(tokens, torch::kLong), &attention), -1).contiguous();
        stepAttention.push_back(attention);
        std::vector<std::int64_t> nextRows, nextTokens;
        for (ImageSearch &search : searches) {
            if (!search.live.empty())
                advance(search, logProbabilities.data_ptr<float>(), logProbabilities.size(1), nextRows, nextTokens);
        }
        if (nextRows.empty()) break;
        decoder.selectRows(nextRows);
        tokens = std::move(nextTokens);
    }

    std::vector<DecodedSequence> results;
    for (ImageSearch &search : searches) {
        // Hypotheses cut off by the length limit compete with the ended ones.
        for (Hypothesis &h : search.live) {
            finish(h);
            search.finished.push_back(std::move(h));
        }
        const auto best = std::max_element(search.finished.begin(), search.finished.end(),
                                           [](const Hypothesis &a, const Hypothesis &b) { return a.rank < b.rank; });
        results.push_back(best == search.finished.end() ? DecodedSequence{} : sequenceOf(*best, stepAttention));
    }
    return results;
}

} // namespace snaption
