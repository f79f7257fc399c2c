#include "selfcriticalobjective.h"

#include <snaption/error.h>
#include <snaption/vocabulary.h>

#include "bfloat16autocast.h"
#include "greedysearch.h"

#include <limits>

namespace snaption::training {
namespace {

// Never a word of a tokenised caption (they are lower-case).
const std::string kEndMark = "<END>";

std::vector<std::vector<CiderDScorer::Tokens>> withEndMarks(std::vector<std::vector<CiderDScorer::Tokens>> references)
{
    for (auto &captions : references) {
        for (auto &words : captions) words.push_back(kEndMark);
    }
    return references;
}

// [R, T] inputs (<START> and all but the last token) and targets (the tokens) of sequences.
std::pair<torch::Tensor, torch::Tensor> teacherForcing(const std::vector<DecodedSequence> &sequences)
{
    std::size_t longest = 1;
    for (const DecodedSequence &sequence : sequences) longest = std::max(longest, sequence.tokens.size());
    const std::int64_t rows = std::int64_t(sequences.size()), length = std::int64_t(longest);
    torch::Tensor inputs = torch::full({rows, length}, Vocabulary::kPad, torch::kLong);
    torch::Tensor targets = torch::full({rows, length}, Vocabulary::kPad, torch::kLong);
    auto in = inputs.accessor<std::int64_t, 2>(), out = targets.accessor<std::int64_t, 2>();
    for (std::int64_t r = 0; r < rows; ++r) {
        const std::vector<std::int64_t> &tokens = sequences[std::size_t(r)].tokens;
        for (std::size_t t = 0; t < tokens.size(); ++t) {
            in[r][std::int64_t(t)] = t == 0 ? Vocabulary::kStart : tokens[t - 1];
            out[r][std::int64_t(t)] = tokens[t];
        }
    }
    return {inputs, targets};
}

} // namespace

SelfCriticalObjective::SelfCriticalObjective(const std::vector<std::vector<Tokens>> &references, int samplesPerImage, WordsOf wordsOf,
                                             double temperature)
    : m_references(withEndMarks(references)), m_scorer(m_references), m_samplesPerImage(samplesPerImage), m_temperature(temperature),
      m_wordsOf(std::move(wordsOf))
{
    if (!(temperature > 0)) throw Error(ErrorKind::InvalidArgument, "self-critical training needs a positive sample temperature");
    if (samplesPerImage < 2) throw Error(ErrorKind::InvalidArgument, "self-critical training needs at least 2 samples per image");
}

SelfCriticalObjective::Tokens SelfCriticalObjective::marked(const std::vector<std::int64_t> &ids) const
{
    Tokens words = m_wordsOf(ids);
    if (!ids.empty() && ids.back() == Vocabulary::kEnd) words.push_back(kEndMark);
    return words;
}

std::vector<double> SelfCriticalObjective::rewards(std::int64_t record, const std::vector<std::vector<std::int64_t>> &candidates) const
{
    if (record < 0 || std::size_t(record) >= m_references.size()) throw Error(ErrorKind::InvalidArgument, "self-critical training: no such record");
    std::vector<Tokens> words;
    for (const auto &ids : candidates) words.push_back(marked(ids));
    return m_scorer.scores(words, m_references[std::size_t(record)]);
}

torch::Tensor SelfCriticalObjective::loss(const torch::Tensor &tokenLogProbabilities, const torch::Tensor &mask, const std::vector<double> &rewards,
                                          int samplesPerImage)
{
    const std::int64_t rows = tokenLogProbabilities.size(0), k = samplesPerImage;
    if (k < 2 || rows != std::int64_t(rewards.size()) || rows % k != 0)
        throw Error(ErrorKind::InvalidArgument, "self-critical loss: one reward per row and whole images of samples are needed");
    const torch::Tensor reward = torch::tensor(rewards, torch::kDouble).reshape({rows / k, k});
    // The mean of the image's other samples: (sum - own) / (K - 1).
    const torch::Tensor baseline = (reward.sum(1, true) - reward) / double(k - 1);
    const torch::Tensor advantage = (reward - baseline).reshape({rows, 1}).to(torch::kFloat);
    const torch::Tensor weights = mask.to(torch::kFloat);
    const torch::Tensor real = tokenLogProbabilities.masked_fill(mask.logical_not(), 0.0); // -inf x 0 would be NaN
    return -(advantage * real).sum() / weights.sum().clamp_min(1.0);
}

SelfCriticalObjective::Samples SelfCriticalObjective::sample(CaptionModelImpl &model, const torch::Tensor &encoderOutput,
                                                             const std::vector<std::int64_t> &records, const std::vector<std::uint64_t> &seeds) const
{
    const std::int64_t k = m_samplesPerImage;
    if (seeds.size() != records.size() * std::size_t(k)) throw Error(ErrorKind::InvalidArgument, "self-critical step: one seed per sample");
    // Eval mode, and the step engine for these weights: decoding K rows per image token by token
    // is most of a step, and the engine does it at a fraction of LibTorch's per-operation cost.
    model.prepareDecoderForInference();
    Samples samples;
    std::vector<DecodedSequence> greedy;
    {
        c10::InferenceMode inference;
        const torch::Tensor memory = model.memoryFromEncoderOutput(encoderOutput);
        greedy = GreedySearch(model, DecodingOptions::greedy()).run(memory);
        samples.sequences = GreedySearch(model, DecodingOptions::sample(0, float(m_temperature), 0)).run(memory, seeds, k);
    }
    for (std::size_t i = 0; i < records.size(); ++i) {
        std::vector<std::vector<std::int64_t>> candidates{greedy[i].tokens};
        for (std::int64_t s = 0; s < k; ++s) candidates.push_back(samples.sequences[i * std::size_t(k) + std::size_t(s)].tokens);
        const std::vector<double> scores = rewards(records[i], candidates);
        samples.greedyReward += scores.front() / double(records.size());
        samples.rewards.insert(samples.rewards.end(), scores.begin() + 1, scores.end());
    }
    return samples;
}

std::pair<torch::Tensor, torch::Tensor> SelfCriticalObjective::tokenLogProbabilities(CaptionModelImpl &model, const torch::Tensor &encoderOutput,
                                                                                     const std::vector<DecodedSequence> &sequences, bool bfloat16) const
{
    const auto [inputs, targets] = teacherForcing(sequences);
    const Bfloat16Autocast autocast(bfloat16);
    // The K samples of an image read its memory: its keys and values are projected once.
    const torch::Tensor memory = model.memoryFromEncoderOutput(encoderOutput);
    const torch::Tensor rowImages = torch::arange(memory.size(0), torch::kLong).repeat_interleave(m_samplesPerImage);
    torch::Tensor logits = model.decode(inputs, memory, nullptr, rowImages).to(torch::kFloat) / m_temperature;
    // <UNKNOWN>, <PAD> and <START> are never drawn (IncrementalDecoder sets them to -inf).
    const torch::Tensor neverDrawn = torch::arange(logits.size(-1), torch::kLong) < Vocabulary::kEnd;
    logits = logits.masked_fill(neverDrawn, -std::numeric_limits<float>::infinity());
    const torch::Tensor real = targets != Vocabulary::kPad;
    // Padding's target (<PAD>) is at -inf now: zeroed, so that it cannot make the loss NaN.
    return {torch::log_softmax(logits, -1).gather(2, targets.unsqueeze(2)).squeeze(2).masked_fill(real.logical_not(), 0.0), real};
}

SelfCriticalObjective::StepResult SelfCriticalObjective::step(CaptionModelImpl &model, const torch::Tensor &encoderOutput,
                                                              const std::vector<std::int64_t> &records, const std::vector<std::uint64_t> &seeds,
                                                              bool bfloat16)
{
    const Samples samples = sample(model, encoderOutput, records, seeds);
    StepResult result;
    result.greedyReward = samples.greedyReward;
    for (const double reward : samples.rewards) result.meanReward += reward / double(samples.rewards.size());
    const auto [logProbabilities, mask] = tokenLogProbabilities(model, encoderOutput, samples.sequences, bfloat16);
    result.loss = loss(logProbabilities, mask, samples.rewards, m_samplesPerImage);
    return result;
}

} // namespace snaption::training
