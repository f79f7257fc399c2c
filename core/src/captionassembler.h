#pragma once

#include <snaption/captionresult.h>
#include <snaption/captionstyle.h>
#include <snaption/vocabulary.h>

#include "captionmodel.h"
#include "decodedsequence.h"

namespace snaption {

// Turns a decoded token sequence into the public CaptionResult: words, probabilities and the
// attention maps of every word (Grad-CAM maps for the single-token seed architecture, which
// needs the preprocessed image [1, 3, S, S]).
class CaptionAssembler {
public:
    static CaptionResult assemble(CaptionModelImpl &model, const Vocabulary &vocabulary, const CaptionStyle &style, const DecodedSequence &sequence,
                                  const torch::Tensor &image);
};

} // namespace snaption
