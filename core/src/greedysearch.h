#pragma once

#include <snaption/decodingoptions.h>

#include "captionmodel.h"
#include "decodedsequence.h"

namespace snaption {

// Decoding with one hypothesis per image: the most likely word each step (greedy) or, for
// DecodingOptions::Strategy::Sample, a word drawn from the top-k at a temperature, with one
// seeded generator per image so that an image gets the same caption alone or in a batch.
class GreedySearch {
public:
    GreedySearch(CaptionModelImpl &model, const DecodingOptions &options);

    // memory [B, M, d] -> one sequence per image.
    std::vector<DecodedSequence> run(const torch::Tensor &memory);
    // Sampling with a seed per row of memory instead of the options' one (rows that repeat an
    // image draw different captions of it; self-critical training draws several per image).
    std::vector<DecodedSequence> run(const torch::Tensor &memory, const std::vector<std::uint64_t> &seeds);

private:
    torch::Tensor pick(const torch::Tensor &logits, const std::vector<std::int64_t> &rowImages,
                       std::vector<at::Generator> &generators) const;

    CaptionModelImpl &m_model;
    DecodingOptions m_options;
};

} // namespace snaption
