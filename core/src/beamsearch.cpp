#include "beamsearch.h"

#include <snaption/vocabulary.h>

#include "incrementaldecoder.h"

#include <cmath>

namespace snaption {
namespace {

struct Hypothesis {
    DecodedSequence sequence;
    double logProbability = 0;
    std::int64_t row = 0; // decoder row holding this hypothesis' state
    double rank = 0;      // what the search maximises among finished captions
};

// Ranks a finished caption and records its mean log probability per word as its score.
void finish(Hypothesis &h, double lengthPenalty)
{
    const double length = double(std::max<std::size_t>(1, h.sequence.tokens.size()));
    h.sequence.score = h.logProbability / length;
    h.rank = h.logProbability / std::pow(length, lengthPenalty);
}

} // namespace

BeamSearch::BeamSearch(CaptionModelImpl &model, const DecodingOptions &options) : m_model(model), m_options(options) {}

std::vector<DecodedSequence> BeamSearch::run(const torch::Tensor &memory)
{
    const std::int64_t images = memory.size(0);
    const std::size_t width = std::size_t(m_options.beamWidth);
    const int contextTokens = m_model.config().decoder.contextLength - 1;
    const int maxTokens = m_options.maxTokens > 0 ? std::min(m_options.maxTokens, contextTokens) : contextTokens;

    // Each image starts with one hypothesis (<START>), so the first step does not pick k copies
    // of the same word.
    std::vector<std::vector<Hypothesis>> live{std::size_t(images)};
    std::vector<std::vector<Hypothesis>> finished{std::size_t(images)};
    for (std::int64_t i = 0; i < images; ++i) live[std::size_t(i)].push_back(Hypothesis{{}, 0.0, i});

    IncrementalDecoder decoder(m_model, memory, m_options.useKvCache);
    torch::Tensor tokens = torch::full({images}, Vocabulary::kStart, torch::kLong);

    for (int step = 0; step < maxTokens; ++step) {
        torch::Tensor attention;
        const torch::Tensor logProbabilities = torch::log_softmax(decoder.step(tokens, &attention), -1);
        const std::int64_t vocabulary = logProbabilities.size(1);

        std::vector<std::int64_t> nextRows, nextTokens;
        for (std::size_t image = 0; image < live.size(); ++image) {
            std::vector<Hypothesis> &current = live[image];
            if (current.empty()) continue;
            std::vector<std::int64_t> rows;
            std::vector<double> base;
            for (const Hypothesis &h : current) {
                rows.push_back(h.row);
                base.push_back(h.logProbability);
            }
            const torch::Tensor rowIndex = torch::tensor(rows, torch::kLong);
            const torch::Tensor scores =
                logProbabilities.index_select(0, rowIndex) + torch::tensor(base, torch::kDouble).to(torch::kFloat).unsqueeze(1);
            const std::int64_t candidates = std::min<std::int64_t>(2 * std::int64_t(width), scores.numel());
            auto [topScores, topIndices] = scores.view({-1}).topk(candidates);
            const auto indexAccessor = topIndices.accessor<std::int64_t, 1>();

            std::vector<Hypothesis> extended;
            for (std::int64_t c = 0; c < candidates && extended.size() < width; ++c) {
                const std::int64_t flat = indexAccessor[c];
                const Hypothesis &parent = current[std::size_t(flat / vocabulary)];
                const std::int64_t token = flat % vocabulary;
                const float tokenLogProbability = logProbabilities[parent.row][token].item<float>();
                Hypothesis child{parent.sequence, parent.logProbability + tokenLogProbability, parent.row};
                child.sequence.tokens.push_back(token);
                child.sequence.probabilities.push_back(std::exp(tokenLogProbability));
                child.sequence.attention.push_back(attention[parent.row]);
                if (token == Vocabulary::kEnd) {
                    if (finished[image].size() < width) {
                        finish(child, m_options.lengthPenalty);
                        finished[image].push_back(std::move(child));
                    }
                } else {
                    extended.push_back(std::move(child));
                }
            }
            // Done once `width` hypotheses have ended.
            if (finished[image].size() >= width) extended.clear();
            for (Hypothesis &h : extended) {
                nextRows.push_back(h.row);
                nextTokens.push_back(h.sequence.tokens.back());
                h.row = std::int64_t(nextRows.size()) - 1;
            }
            current = std::move(extended);
        }
        if (nextRows.empty()) break;
        decoder.selectRows(torch::tensor(nextRows, torch::kLong));
        tokens = torch::tensor(nextTokens, torch::kLong);
    }

    std::vector<DecodedSequence> results;
    for (std::size_t image = 0; image < live.size(); ++image) {
        // Hypotheses cut off by the length limit compete with the ended ones.
        for (Hypothesis &h : live[image]) {
            finish(h, m_options.lengthPenalty);
            finished[image].push_back(std::move(h));
        }
        auto best = std::max_element(finished[image].begin(), finished[image].end(), [](const Hypothesis &a, const Hypothesis &b) {
            return a.rank < b.rank;
        });
        results.push_back(best == finished[image].end() ? DecodedSequence{} : std::move(best->sequence));
    }
    return results;
}

} // namespace snaption
