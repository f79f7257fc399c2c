#pragma once

#include <snaption/decodingoptions.h>

#include "captionmodel.h"
#include "decodedsequence.h"

#include <cstdint>
#include <vector>

namespace snaption {

// Beam search with length normalisation: finished captions are ranked by their log probability
// divided by length^lengthPenalty (DecodingOptions; 1 is the mean per word, 0 the plain sum), and
// each records its mean log probability per word as its score. Each image keeps `beamWidth` live
// hypotheses; the hypotheses of all images advance together as the rows of one decoding step, and
// an image's rows drop out once `beamWidth` of its hypotheses have ended. Each image's search
// depends only on its own rows (ties go to the earlier hypothesis, then the lower token id), so a
// batch gives every image the caption it gets alone.
class BeamSearch {
public:
    BeamSearch(CaptionModelImpl &model, const DecodingOptions &options);

    // memory [B, M, d] -> the best sequence per image.
    std::vector<DecodedSequence> run(const torch::Tensor &memory);

private:
    struct Hypothesis {
        std::vector<std::int64_t> tokens;
        std::vector<float> probabilities;
        std::vector<std::int64_t> attentionRows; // per token: its row in that step's attention
        double logProbability = 0;
        std::int64_t row = 0; // decoder row holding this hypothesis' state
        double rank = 0;      // what the search maximises among finished captions
    };
    struct ImageSearch {
        std::vector<Hypothesis> live, finished;
    };
    struct Candidate {
        double score;
        std::int64_t flat; // hypothesis * vocabulary + token
    };

    // The `count` best continuations of `live`, best first; ties go to the lower flat index.
    static std::vector<Candidate> bestCandidates(const std::vector<Hypothesis> &live, const float *logProbabilities,
                                                 std::int64_t vocabulary, std::size_t count);
    // Extends one image's hypotheses by one token; its surviving rows are appended to nextRows.
    void advance(ImageSearch &search, const float *logProbabilities, std::int64_t vocabulary,
                 std::vector<std::int64_t> &nextRows, std::vector<std::int64_t> &nextTokens) const;
    void finish(Hypothesis &hypothesis) const;
    static DecodedSequence sequenceOf(const Hypothesis &hypothesis, const std::vector<torch::Tensor> &stepAttention);

    CaptionModelImpl &m_model;
    DecodingOptions m_options;
};

} // namespace snaption
