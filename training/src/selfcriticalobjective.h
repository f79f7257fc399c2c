#pragma once

#include <snaption/training/ciderdscorer.h>

#include "captionmodel.h"
#include "decodedsequence.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace snaption::training {

// Self-critical sequence training (Rennie et al., CVPR 2017) with CIDEr-D as the reward: K
// captions are sampled per image, each is rewarded by its CIDEr-D against the image's references
// (document frequencies from every training image's references), and its log probability is
// pushed up or down by how far its reward lies above or below the mean reward of the image's other
// samples. The references and candidates end in an end mark when the caption was finished: an
// n-gram reward then no longer pays for stopping in mid-phrase ("a dog runs with a"), the
// failure such training is known for.
class SelfCriticalObjective {
public:
    using Tokens = CiderDScorer::Tokens;
    // The words of generated token ids (they may end with <END>), as the references are tokenised.
    using WordsOf = std::function<Tokens(const std::vector<std::int64_t> &)>;

    struct StepResult {
        torch::Tensor loss;        // to minimise; has gradients
        double meanReward = 0;     // of the sampled captions
        double greedyReward = 0;   // of the images' greedy captions, with the same reward
    };

    // `references`: per training record, its captions tokenised (Vocabulary::tokenize).
    // `temperature`: the policy is the decoder's distribution at it (sampling and gradients alike).
    SelfCriticalObjective(const std::vector<std::vector<Tokens>> &references, int samplesPerImage, WordsOf wordsOf, double temperature = 1.0);

    // One step's loss for the images `records` whose encoder outputs are given: sample(), then
    // the policy-gradient loss on the samples' recomputed log probabilities.
    StepResult step(CaptionModelImpl &model, const torch::Tensor &encoderOutput, const std::vector<std::int64_t> &records,
                    const std::vector<std::uint64_t> &seeds, bool bfloat16);

    struct Samples {
        std::vector<DecodedSequence> sequences; // image i's samples at rows i x K .. i x K + K - 1
        std::vector<double> rewards;            // one per sequence
        double greedyReward = 0;                // mean over the images
    };
    // Draws K captions per image from the model without dropout (prepareDecoderForInference), row r
    // with seed seeds[r], decodes each image greedily, and rewards them all. No gradients.
    Samples sample(CaptionModelImpl &model, const torch::Tensor &encoderOutput, const std::vector<std::int64_t> &records,
                   const std::vector<std::uint64_t> &seeds) const;
    // The samples' token log probabilities [R, T] (with gradients) and the mask of real tokens,
    // teacher-forced through the same model: the distribution the sampler drew from, special
    // tokens excluded as the searches exclude them.
    std::pair<torch::Tensor, torch::Tensor> tokenLogProbabilities(CaptionModelImpl &model, const torch::Tensor &encoderOutput,
                                                                  const std::vector<DecodedSequence> &sequences, bool bfloat16) const;

    // Rewards of one record's candidate token sequences (each ends in <END> when finished).
    std::vector<double> rewards(std::int64_t record, const std::vector<std::vector<std::int64_t>> &candidates) const;

    // The policy-gradient loss: token log probabilities [R, T] of R = images x K samples (an
    // image's samples in consecutive rows), a mask [R, T] of real tokens, and each row's reward.
    // Each row's baseline is the mean reward of its image's other samples; the loss is
    // -sum(advantage x log probability) over real tokens, divided by their number.
    static torch::Tensor loss(const torch::Tensor &tokenLogProbabilities, const torch::Tensor &mask, const std::vector<double> &rewards,
                              int samplesPerImage);

    int samplesPerImage() const { return m_samplesPerImage; }

private:
    Tokens marked(const std::vector<std::int64_t> &ids) const;

    std::vector<std::vector<Tokens>> m_references; // with the end mark
    CiderDScorer m_scorer;
    int m_samplesPerImage;
    double m_temperature;
    WordsOf m_wordsOf;
};

} // namespace snaption::training
