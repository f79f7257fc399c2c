#pragma once

#include <snaption/decodingoptions.h>

#include "captionmodel.h"
#include "decodedsequence.h"

namespace snaption {

// Beam search with length normalisation (a hypothesis scores its mean log probability per
// token). Each image keeps `beamWidth` live hypotheses; all images' hypotheses are decoded
// together as rows of one batch. An image is done when `beamWidth` hypotheses have ended.
class BeamSearch {
public:
    BeamSearch(CaptionModelImpl &model, const DecodingOptions &options);

    // memory [B, M, d] -> the best sequence per image.
    std::vector<DecodedSequence> run(const torch::Tensor &memory);

private:
    CaptionModelImpl &m_model;
    DecodingOptions m_options;
};

} // namespace snaption
