#pragma once

#include <snaption/modelconfig.h>

#include "decodercache.h"
#include "multiheadattention.h"

#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

namespace snaption {

// A pre-norm Transformer decoder layer with nn.TransformerDecoderLayer's parameter names:
// x += SelfAttention(norm1(x)); x += CrossAttention(norm2(x), memory); x += FF(norm3(x)).
class DecoderLayerImpl : public torch::nn::Module {
public:
    explicit DecoderLayerImpl(const DecoderConfig &config);

    // All positions at once. x [R, T, d], memory [R, M, d], causalMask [T, T] additive.
    // crossWeights (optional) receives [R, H, T, M]. With memoryRows [R] (each row's image),
    // memory is [I, M, d], one per image, and its keys and values are projected once per image.
    torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &memory, const torch::Tensor &causalMask,
                          torch::Tensor *crossWeights, const torch::Tensor &memoryRows = {});
    // One new position using and extending the cache. x [R, 1, d]; crossWeights receives [R, H, 1, M].
    // memoryRows: each row's image in cache.memoryKeys; undefined when row r reads image r.
    torch::Tensor step(const torch::Tensor &x, DecoderCache::Layer &cache, std::int64_t position, const torch::Tensor &memoryRows,
                       torch::Tensor *crossWeights);
    // Memory keys/values for the cache.
    std::pair<torch::Tensor, torch::Tensor> memoryKeysValues(const torch::Tensor &memory) const;

    MultiheadAttention self_attn{nullptr};
    MultiheadAttention multihead_attn{nullptr};
    torch::nn::Linear linear1{nullptr};
    torch::nn::Linear linear2{nullptr};
    torch::nn::LayerNorm norm1{nullptr};
    torch::nn::LayerNorm norm2{nullptr};
    torch::nn::LayerNorm norm3{nullptr};

    bool usesGelu() const { return m_gelu; }

private:
    torch::Tensor feedForward(const torch::Tensor &x);
    torch::Tensor residualDropout(const torch::Tensor &x);

    bool m_gelu;
    double m_dropout;
};
TORCH_MODULE(DecoderLayer);

} // namespace snaption
