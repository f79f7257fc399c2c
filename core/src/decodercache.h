#pragma once

#include <torch/types.h>

#include <vector>

namespace snaption {

// Keys and values kept between decoding steps, per decoder layer: self-attention over the tokens
// so far (pre-allocated for the whole context, filled one position per step) and cross-attention
// over the image memory (computed once per image).
struct DecoderCache {
    struct Layer {
        torch::Tensor selfKeys;     // [R, H, context, Dh]
        torch::Tensor selfValues;   // [R, H, context, Dh]
        torch::Tensor memoryKeys;   // [R, H, M, Dh]
        torch::Tensor memoryValues; // [R, H, M, Dh]
    };
    std::vector<Layer> layers;
    std::int64_t length = 0; // tokens already processed

    // Keeps rows in the given order (beam search re-ranking); rows may repeat.
    void selectRows(const torch::Tensor &rows)
    {
        for (Layer &layer : layers) {
            layer.selfKeys = layer.selfKeys.index_select(0, rows);
            layer.selfValues = layer.selfValues.index_select(0, rows);
            layer.memoryKeys = layer.memoryKeys.index_select(0, rows);
            layer.memoryValues = layer.memoryValues.index_select(0, rows);
        }
    }
};

} // namespace snaption
