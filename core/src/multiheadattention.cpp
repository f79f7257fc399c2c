#include "multiheadattention.h"

#include <torch/nn/functional/dropout.h>
#include <torch/nn/init.h>

#include <cmath>

namespace snaption {

MultiheadAttentionImpl::MultiheadAttentionImpl(int dim, int heads, double dropout)
    : m_dim(dim), m_heads(heads), m_dropout(dropout), m_scale(1.0 / std::sqrt(double(dim / heads)))
{
    in_proj_weight = register_parameter("in_proj_weight", torch::empty({3 * dim, dim}));
    in_proj_bias = register_parameter("in_proj_bias", torch::zeros({3 * dim}));
    out_proj = register_module("out_proj", torch::nn::Linear(dim, dim));
    // As nn.MultiheadAttention initialises them.
    torch::nn::init::xavier_uniform_(in_proj_weight);
    torch::nn::init::zeros_(out_proj->bias);
}

torch::Tensor MultiheadAttentionImpl::splitHeads(const torch::Tensor &x) const
{
    return x.view({x.size(0), x.size(1), m_heads, m_dim / m_heads}).transpose(1, 2);
}

torch::Tensor MultiheadAttentionImpl::projectQueries(const torch::Tensor &input) const
{
    const torch::Tensor q = torch::linear(input, in_proj_weight.narrow(0, 0, m_dim), in_proj_bias.narrow(0, 0, m_dim));
    return splitHeads(q * m_scale);
}

std::pair<torch::Tensor, torch::Tensor> MultiheadAttentionImpl::projectKeysValues(const torch::Tensor &input) const
{
    const torch::Tensor kv = torch::linear(input, in_proj_weight.narrow(0, m_dim, 2 * m_dim), in_proj_bias.narrow(0, m_dim, 2 * m_dim));
    const auto parts = kv.chunk(2, -1);
    return {splitHeads(parts[0]), splitHeads(parts[1])};
}

std::tuple<torch::Tensor, torch::Tensor, torch::Tensor> MultiheadAttentionImpl::projectAll(const torch::Tensor &input) const
{
    const auto parts = torch::linear(input, in_proj_weight, in_proj_bias).chunk(3, -1);
    return {splitHeads(parts[0] * m_scale), splitHeads(parts[1]), splitHeads(parts[2])};
}

torch::Tensor MultiheadAttentionImpl::attend(const torch::Tensor &queries, const torch::Tensor &keys,
                                             const torch::Tensor &values, const torch::Tensor &additiveMask,
                                             torch::Tensor *weights)
{
    // One query per row (a decoding step): broadcast products beat a batch of tiny GEMMs.
    const bool singleQuery = queries.size(2) == 1 && !additiveMask.defined();
    torch::Tensor scores = singleQuery ? (queries * keys).sum(-1).unsqueeze(2) : torch::matmul(queries, keys.transpose(-2, -1));
    if (additiveMask.defined()) scores = scores + additiveMask;
    torch::Tensor probabilities = torch::softmax(scores, -1);
    if (weights) *weights = probabilities;
    if (is_training() && m_dropout > 0) probabilities = torch::dropout(probabilities, m_dropout, true);
    const torch::Tensor context = singleQuery ? (probabilities.transpose(-2, -1) * values).sum(2, true)
                                              : torch::matmul(probabilities, values); // [R, H, T, Dh]
    const torch::Tensor merged = context.transpose(1, 2).reshape({queries.size(0), queries.size(2), m_dim});
    return out_proj->forward(merged);
}

torch::Tensor MultiheadAttentionImpl::forward(const torch::Tensor &query, const torch::Tensor &keyValue,
                                              const torch::Tensor &additiveMask, torch::Tensor *weights)
{
    if (query.is_same(keyValue)) {
        auto [q, k, v] = projectAll(query);
        return attend(q, k, v, additiveMask, weights);
    }
    auto [k, v] = projectKeysValues(keyValue);
    return attend(projectQueries(query), k, v, additiveMask, weights);
}

} // namespace snaption
