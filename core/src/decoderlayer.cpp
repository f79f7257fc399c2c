#include "decoderlayer.h"

#include <torch/nn/functional/activation.h>

namespace snaption {

DecoderLayerImpl::DecoderLayerImpl(const DecoderConfig &config)
    : m_gelu(config.activation == "gelu"), m_dropout(config.dropout)
{
    const auto normOptions = torch::nn::LayerNormOptions({config.dim}).eps(config.layerNormEps);
    self_attn = register_module("self_attn", MultiheadAttention(config.dim, config.heads, config.dropout));
    multihead_attn = register_module("multihead_attn", MultiheadAttention(config.dim, config.heads, config.dropout));
    linear1 = register_module("linear1", torch::nn::Linear(config.dim, config.feedForward));
    linear2 = register_module("linear2", torch::nn::Linear(config.feedForward, config.dim));
    norm1 = register_module("norm1", torch::nn::LayerNorm(normOptions));
    norm2 = register_module("norm2", torch::nn::LayerNorm(normOptions));
    norm3 = register_module("norm3", torch::nn::LayerNorm(normOptions));
}

torch::Tensor DecoderLayerImpl::residualDropout(const torch::Tensor &x)
{
    return is_training() && m_dropout > 0 ? torch::dropout(x, m_dropout, true) : x;
}

torch::Tensor DecoderLayerImpl::feedForward(const torch::Tensor &x)
{
    torch::Tensor hidden = linear1->forward(norm3->forward(x));
    hidden = m_gelu ? torch::gelu(hidden) : torch::relu(hidden);
    return linear2->forward(residualDropout(hidden));
}

torch::Tensor DecoderLayerImpl::forward(const torch::Tensor &x, const torch::Tensor &memory, const torch::Tensor &causalMask,
                                        torch::Tensor *crossWeights, const torch::Tensor &memoryRows)
{
    const torch::Tensor normed = norm1->forward(x);
    torch::Tensor out = x + residualDropout(self_attn->forward(normed, normed, causalMask, nullptr));
    torch::Tensor weights;
    auto [keys, values] = memoryKeysValues(memory);
    if (memoryRows.defined()) {
        keys = keys.index_select(0, memoryRows);
        values = values.index_select(0, memoryRows);
    }
    out = out + residualDropout(multihead_attn->attend(multihead_attn->projectQueries(norm2->forward(out)), keys, values,
                                                       torch::Tensor(), crossWeights ? &weights : nullptr));
    if (crossWeights) *crossWeights = weights;
    return out + residualDropout(feedForward(out));
}

std::pair<torch::Tensor, torch::Tensor> DecoderLayerImpl::memoryKeysValues(const torch::Tensor &memory) const
{
    return multihead_attn->projectKeysValues(memory);
}

torch::Tensor DecoderLayerImpl::step(const torch::Tensor &x, DecoderCache::Layer &cache, std::int64_t position,
                                     const torch::Tensor &memoryRows, torch::Tensor *crossWeights)
{
    auto [q, k, v] = self_attn->projectAll(norm1->forward(x)); // each [R, H, 1, Dh]
    cache.selfKeys.narrow(2, position, 1).copy_(k);
    cache.selfValues.narrow(2, position, 1).copy_(v);
    const torch::Tensor keys = cache.selfKeys.narrow(2, 0, position + 1);
    const torch::Tensor values = cache.selfValues.narrow(2, 0, position + 1);
    torch::Tensor out = x + self_attn->attend(q, keys, values, torch::Tensor(), nullptr);
    const bool shared = memoryRows.defined();
    out = out + multihead_attn->attend(multihead_attn->projectQueries(norm2->forward(out)),
                                       shared ? cache.memoryKeys.index_select(0, memoryRows) : cache.memoryKeys,
                                       shared ? cache.memoryValues.index_select(0, memoryRows) : cache.memoryValues, torch::Tensor(),
                                       crossWeights);
    return out + feedForward(out);
}

} // namespace snaption
