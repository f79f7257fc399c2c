#include "greedysearch.h"

#include <snaption/error.h>
#include <snaption/vocabulary.h>

#include "incrementaldecoder.h"

#include <ATen/CPUGeneratorImpl.h>

namespace snaption {

GreedySearch::GreedySearch(CaptionModelImpl &model, const DecodingOptions &options) : m_model(model), m_options(options) {}

torch::Tensor GreedySearch::pick(const torch::Tensor &logits, const std::vector<std::int64_t> &rowImages,
                                 std::vector<at::Generator> &generators) const
{
    if (m_options.strategy != DecodingOptions::Strategy::Sample) return logits.argmax(-1);
    // In double precision and shifted so the best word scores 0: any positive float temperature
    // then gives finite probabilities (logits / 1e-40 overflowed float to inf, and softmax to NaN).
    // Words the search never emits are at -inf; that stays -inf.
    const torch::Tensor doubled = logits.to(torch::kDouble);
    const torch::Tensor best = std::get<0>(doubled.max(-1, true));
    if (torch::isnan(doubled).any().item<bool>() || !torch::isfinite(best).all().item<bool>())
        throw Error(ErrorKind::BadModel, "the model produced word scores that are not numbers");
    torch::Tensor scaled = (doubled - best) / double(m_options.temperature);
    torch::Tensor candidates; // vocabulary index of each column of `scaled`
    if (m_options.topK > 0 && m_options.topK < scaled.size(-1)) {
        auto [values, indices] = scaled.topk(m_options.topK, -1);
        scaled = values;
        candidates = indices;
    }
    const torch::Tensor probabilities = torch::softmax(scaled, -1);
    std::vector<torch::Tensor> picks;
    for (std::size_t row = 0; row < rowImages.size(); ++row) {
        const torch::Tensor column = torch::multinomial(probabilities[std::int64_t(row)], 1, false, generators[std::size_t(rowImages[row])]);
        picks.push_back(candidates.defined() ? candidates[std::int64_t(row)].index_select(0, column) : column);
    }
    return torch::cat(picks);
}

std::vector<DecodedSequence> GreedySearch::run(const torch::Tensor &memory)
{
    return run(memory, std::vector<std::uint64_t>(std::size_t(memory.size(0)), m_options.seed));
}

std::vector<DecodedSequence> GreedySearch::run(const torch::Tensor &memory, const std::vector<std::uint64_t> &seeds, std::int64_t rowsPerImage)
{
    if (rowsPerImage < 1) throw Error(ErrorKind::InvalidArgument, "decoding needs at least one row per image");
    const std::int64_t images = memory.size(0) * rowsPerImage; // decoding rows from here on
    if (seeds.size() != std::size_t(images)) throw Error(ErrorKind::InvalidArgument, "sampling needs one seed per row");
    const int maxTokens = m_options.maxTokens > 0 ? std::min(m_options.maxTokens, m_model.config().decoder.contextLength - 1)
                                                  : m_model.config().decoder.contextLength - 1;
    std::vector<DecodedSequence> results(std::size_t(images), DecodedSequence{});
    std::vector<double> logProbabilitySums(std::size_t(images), 0.0);
    std::vector<at::Generator> generators;
    for (const std::uint64_t seed : seeds) generators.push_back(at::make_generator<at::CPUGeneratorImpl>(seed));

    IncrementalDecoder decoder(m_model, memory, m_options.useKvCache);
    if (rowsPerImage > 1) {
        std::vector<std::int64_t> repeated;
        for (std::int64_t row = 0; row < images; ++row) repeated.push_back(row / rowsPerImage);
        decoder.selectRows(repeated);
    }
    std::vector<std::int64_t> rowImages(static_cast<std::size_t>(images));
    for (std::int64_t i = 0; i < images; ++i) rowImages[std::size_t(i)] = i;
    torch::Tensor tokens = torch::full({images}, Vocabulary::kStart, torch::kLong);

    for (int step = 0; step < maxTokens && !rowImages.empty(); ++step) {
        torch::Tensor attention;
        const torch::Tensor logits = decoder.step(tokens, &attention);
        const torch::Tensor logProbabilities = torch::log_softmax(logits, -1);
        tokens = pick(logits, rowImages, generators);
        const torch::Tensor chosen = logProbabilities.gather(1, tokens.unsqueeze(1)).squeeze(1);

        std::vector<std::int64_t> keepRows, keepImages;
        const auto tokenAccessor = tokens.accessor<std::int64_t, 1>();
        const auto chosenAccessor = chosen.accessor<float, 1>();
        for (std::size_t row = 0; row < rowImages.size(); ++row) {
            DecodedSequence &sequence = results[std::size_t(rowImages[row])];
            const std::int64_t token = tokenAccessor[std::int64_t(row)];
            sequence.tokens.push_back(token);
            sequence.probabilities.push_back(std::exp(chosenAccessor[std::int64_t(row)]));
            sequence.attention.push_back(attention[std::int64_t(row)]);
            logProbabilitySums[std::size_t(rowImages[row])] += chosenAccessor[std::int64_t(row)];
            if (token != Vocabulary::kEnd) {
                keepRows.push_back(std::int64_t(row));
                keepImages.push_back(rowImages[row]);
            }
        }
        if (keepRows.size() != rowImages.size() && !keepRows.empty()) {
            decoder.selectRows(keepRows);
            tokens = tokens.index_select(0, torch::tensor(keepRows, torch::kLong));
        }
        rowImages = std::move(keepImages);
    }
    for (std::size_t i = 0; i < results.size(); ++i) {
        const std::size_t length = std::max<std::size_t>(1, results[i].tokens.size());
        results[i].score = logProbabilitySums[i] / double(length);
    }
    return results;
}

} // namespace snaption
