#pragma once

#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace snaption {

// One finished caption hypothesis as a search returns it.
struct DecodedSequence {
    std::vector<std::int64_t> tokens;   // generated tokens, <END> included when it was produced
    std::vector<float> probabilities;   // model probability of each token
    std::vector<torch::Tensor> attention; // per token: cross-attention [L, H, M]
    double score = 0;                   // sum of log probabilities / number of tokens
};

} // namespace snaption
