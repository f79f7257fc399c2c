#pragma once

#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace snaption {

// Keys and values kept between decoding steps, per decoder layer: self-attention over the tokens
// so far (pre-allocated for the whole context, filled one position per step) and cross-attention
// over the image memory (computed once per image and shared by all rows of that image: a beam
// search's hypotheses of one photo read the same memory, so re-ranking copies none of it).
struct DecoderCache {
    struct Layer {
        torch::Tensor selfKeys;     // [R, H, context, Dh]
        torch::Tensor selfValues;   // [R, H, context, Dh]
        torch::Tensor memoryKeys;   // [I, H, M, Dh], one per image
        torch::Tensor memoryValues; // [I, H, M, Dh]
    };
    std::vector<Layer> layers;
    std::int64_t length = 0;              // tokens already processed
    std::vector<std::int64_t> memoryRows; // row r reads memoryKeys[memoryRows[r]]

    // Keeps rows in the given order (beam search re-ranking); rows may repeat. Copies only the
    // positions filled so far.
    void selectRows(const std::vector<std::int64_t> &rows);
    // memoryRows as a tensor, for the LibTorch path.
    torch::Tensor memoryRowIndex() const;
    // Whether row r reads memory r (no selection happened yet).
    bool memoryIsPerRow() const;
};

} // namespace snaption
