#pragma once

#include <snaption/decodingoptions.h>

#include "captionmodel.h"
#include "decodedsequence.h"

namespace snaption {

// Beam search with length normalisation: finished captions are ranked by their log probability
// divided by length^lengthPenalty (DecodingOptions; 1 is the mean per word, 0 the plain sum), and
// each records its mean log probability per word as its score. Each image keeps `beamWidth` live
// hypotheses; all images' hypotheses are decoded together as rows of one batch. An image is done
// when `beamWidth` hypotheses have ended.
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
