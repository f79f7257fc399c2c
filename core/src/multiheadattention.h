#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>

namespace snaption {

// Multi-head attention with PyTorch nn.MultiheadAttention's parameter names (in_proj_weight,
// in_proj_bias, out_proj) that, unlike LibTorch's, returns the weights of every head and exposes
// its projections so keys and values can be cached between decoding steps.
// Shapes: R rows (batch x beams), T query positions, S key positions, H heads, Dh = dim / H.
class MultiheadAttentionImpl : public torch::nn::Module {
public:
    MultiheadAttentionImpl(int dim, int heads, double dropout);

    // Queries [R, T, dim] -> [R, H, T, Dh], pre-scaled by 1/sqrt(Dh).
    torch::Tensor projectQueries(const torch::Tensor &input) const;
    // Keys and values [R, S, dim] -> two [R, H, S, Dh].
    std::pair<torch::Tensor, torch::Tensor> projectKeysValues(const torch::Tensor &input) const;
    // All three projections of the same input, for self-attention (one matrix product).
    std::tuple<torch::Tensor, torch::Tensor, torch::Tensor> projectAll(const torch::Tensor &input) const;

    // Attention of projected queries over keys/values, then the output projection: [R, T, dim].
    // additiveMask broadcasts to [R, H, T, S] (-inf blocks a position). weights: [R, H, T, S].
    torch::Tensor attend(const torch::Tensor &queries, const torch::Tensor &keys, const torch::Tensor &values,
                         const torch::Tensor &additiveMask, torch::Tensor *weights);

    // Full attention from unprojected inputs.
    torch::Tensor forward(const torch::Tensor &query, const torch::Tensor &keyValue, const torch::Tensor &additiveMask,
                          torch::Tensor *weights);

    double scale() const { return m_scale; }

    torch::Tensor in_proj_weight;
    torch::Tensor in_proj_bias;
    torch::nn::Linear out_proj{nullptr};

private:
    torch::Tensor splitHeads(const torch::Tensor &x) const; // [R, T, dim] -> [R, H, T, Dh]

    int m_dim;
    int m_heads;
    double m_dropout;
    double m_scale;
};
TORCH_MODULE(MultiheadAttention);

} // namespace snaption
