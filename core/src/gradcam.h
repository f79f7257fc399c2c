#pragma once

#include "captionmodel.h"

#include <vector>

namespace snaption {

// Grad-CAM (Selvaraju et al., 2017) heatmaps for models whose cross-attention says nothing about
// where in the image a word comes from: the seed architecture attends to a single memory token.
// For every word, the gradient of its logit with respect to the encoder's last feature map,
// averaged over the map, weights the feature channels; the positive part of the weighted sum is
// the word's map.
class GradCam {
public:
    // image [1, 3, S, S]; words: the generated tokens (without <END>).
    // Returns [words, h, w], each map non-negative and summing to 1 (uniform when all zero).
    static torch::Tensor maps(CaptionModelImpl &model, const torch::Tensor &image, const std::vector<std::int64_t> &words);
};

} // namespace snaption
