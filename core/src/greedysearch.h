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
    // Sampling with a seed per row instead of the options' one. With rowsPerImage k, image i is
    // decoded in rows i*k .. i*k+k-1, all reading its one copy of the memory keys and values
    // (self-critical training draws several captions per image); seeds has one per row.
    std::vector<DecodedSequence> run(const torch::Tensor &memory, const std::vector<std::uint64_t> &seeds, std::int64_t rowsPerImage = 1);

private:
    torch::Tensor pick(const torch::Tensor &logits, const std::vector<std::int64_t> &rowImages,
                       std::vector<at::Generator> &generators) const;

    CaptionModelImpl &m_model;
    DecodingOptions m_options;
};

} // namespace snaption
