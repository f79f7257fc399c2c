#pragma once

#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>

namespace snaption {

enum class Activation { None, ReLU, ReLU6, SiLU };

// A convolution, its batch norm and an activation, registered elsewhere under the names a
// checkpoint uses. For inference the batch norm is folded into the convolution's weights once
// (one op instead of two per layer); in training mode the two run separately.
class ConvBn {
public:
    ConvBn() = default;
    ConvBn(torch::nn::Conv2d conv, torch::nn::BatchNorm2d norm, Activation activation, bool tfSamePadding);

    torch::Tensor forward(const torch::Tensor &input);
    // Folds the batch norm into the convolution. Used only while the weights stay as they were.
    void fuse();

    // A bias-free convolution with PyTorch's "k // 2" padding (none when TF padding is done by hand).
    static torch::nn::Conv2d makeConv(int in, int out, int kernel, int stride, int groups, bool tfSamePadding);
    static torch::nn::BatchNorm2d makeNorm(int channels, double eps);
    static torch::Tensor activate(const torch::Tensor &input, Activation activation);
    static torch::Tensor activateInPlace(torch::Tensor &input, Activation activation);
    // A residual block's output: input + blockOutput, added into blockOutput (a fresh tensor of
    // the block's) where no gradient flows through either.
    static torch::Tensor addResidual(const torch::Tensor &input, torch::Tensor &blockOutput);
    // TensorFlow "SAME" padding: asymmetric, extra row/column at the bottom/right.
    static torch::Tensor padSame(const torch::Tensor &input, int kernel, int stride);
    // The rows (or columns) of zeros SAME padding adds around an input of `size` pixels.
    static std::int64_t samePaddingTotal(std::int64_t size, int kernel, int stride);

    int kernel() const { return m_kernel; }
    int stride() const { return m_stride; }
    // Rows/columns of zeros before the first input pixel, for an input of `size` pixels.
    int paddingBefore(int size) const;
    int outputSize(int size) const;

private:
    torch::nn::Conv2d m_conv{nullptr};
    torch::nn::BatchNorm2d m_norm{nullptr};
    Activation m_activation = Activation::None;
    bool m_tfSamePadding = false;
    bool readsPaddedBefore(const torch::Tensor &input) const;

    int m_kernel = 1;
    int m_stride = 1;
    int m_padding = 0;
    std::int64_t weightsVersion() const;

    torch::Tensor m_fusedWeight;
    torch::Tensor m_fusedBias;
    // For TF SAME padding with stride 2 on even sizes, which pads (0, 1): the fused kernel with a
    // leading row and column of zeros, applied with symmetric padding 1, reads the same pixels
    // without a padded copy of the input.
    torch::Tensor m_fusedWeightPaddedBefore;
    std::int64_t m_fusedVersion = -1; // weightsVersion() when fused: stale after any update
};

} // namespace snaption
