#pragma once

#include <snaption/captionresult.h>
#include <snaption/captionstyle.h>
#include <snaption/subwordmodel.h>
#include <snaption/vocabulary.h>

#include "captionmodel.h"
#include "decodedsequence.h"

#include <optional>

namespace snaption {

// Turns a decoded token sequence into the public CaptionResult: words, probabilities and the
// attention maps of every word (Grad-CAM maps for the single-token seed architecture, which
// needs the preprocessed image [1, 3, S, S]). With a subword model, the generated pieces are
// joined into words: a word's probability is its pieces' product, its map their mean.
class CaptionAssembler {
public:
    static CaptionResult assemble(CaptionModelImpl &model, const Vocabulary &vocabulary, const CaptionStyle &style,
                                  const std::optional<SubwordModel> &subwords, const DecodedSequence &sequence, const torch::Tensor &image);

private:
    static std::vector<SubwordModel::WordPieces> wordsOf(const std::vector<std::int64_t> &tokens, const Vocabulary &vocabulary,
                                                         const std::optional<SubwordModel> &subwords);
    // [tokens, ...] -> [words, ...]: the mean of each word's tokens.
    static torch::Tensor perWord(const torch::Tensor &perToken, const std::vector<SubwordModel::WordPieces> &words);
    static AttentionMaps attentionOf(CaptionModelImpl &model, const std::vector<torch::Tensor> &tokenAttention, const CaptionResult &result,
                                     const std::vector<SubwordModel::WordPieces> &words, const torch::Tensor &image);
};

} // namespace snaption
