#include "convbn.h"

#include "tensorversion.h"

#include <torch/nn/functional/conv.h>
#include <torch/nn/functional/padding.h>

namespace snaption {

ConvBn::ConvBn(torch::nn::Conv2d conv, torch::nn::BatchNorm2d norm, Activation activation, bool tfSamePadding)
    : m_conv(std::move(conv)), m_norm(std::move(norm)), m_activation(activation), m_tfSamePadding(tfSamePadding),
      m_kernel(int((*m_conv->options.kernel_size())[0])), m_stride(int((*m_conv->options.stride())[0])),
      m_padding(int((*c10::get<torch::ExpandingArray<2>>(m_conv->options.padding()))[0]))
{
}

torch::nn::Conv2d ConvBn::makeConv(int in, int out, int kernel, int stride, int groups, bool tfSamePadding)
{
    const int padding = (tfSamePadding && stride > 1) ? 0 : kernel / 2;
    return torch::nn::Conv2d(
        torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding).groups(groups).bias(false));
}

torch::nn::BatchNorm2d ConvBn::makeNorm(int channels, double eps)
{
    return torch::nn::BatchNorm2d(torch::nn::BatchNorm2dOptions(channels).eps(eps));
}

torch::Tensor ConvBn::activate(const torch::Tensor &input, Activation activation)
{
    switch (activation) {
    case Activation::None: return input;
    case Activation::ReLU: return torch::relu(input);
    case Activation::ReLU6: return torch::hardtanh(input, 0.0, 6.0);
    case Activation::SiLU: return torch::silu(input);
    }
    return input;
}

torch::Tensor ConvBn::activateInPlace(torch::Tensor &input, Activation activation)
{
    switch (activation) {
    case Activation::None: return input;
    case Activation::ReLU: return torch::relu_(input);
    case Activation::ReLU6: return torch::hardtanh_(input, 0.0, 6.0);
    case Activation::SiLU: return torch::silu_(input);
    }
    return input;
}

torch::Tensor ConvBn::addResidual(const torch::Tensor &input, torch::Tensor &blockOutput)
{
    return input.requires_grad() || blockOutput.requires_grad() ? input + blockOutput : blockOutput.add_(input);
}

std::int64_t ConvBn::samePaddingTotal(std::int64_t size, int kernel, int stride)
{
    const std::int64_t out = (size + stride - 1) / stride;
    return std::max<std::int64_t>((out - 1) * stride + kernel - size, 0);
}

torch::Tensor ConvBn::padSame(const torch::Tensor &input, int kernel, int stride)
{
    const std::int64_t padH = samePaddingTotal(input.size(2), kernel, stride), padW = samePaddingTotal(input.size(3), kernel, stride);
    return torch::constant_pad_nd(input, {padW / 2, padW - padW / 2, padH / 2, padH - padH / 2}, 0.0);
}

int ConvBn::paddingBefore(int size) const
{
    if (!(m_tfSamePadding && m_stride > 1)) return m_padding;
    return int(samePaddingTotal(size, m_kernel, m_stride) / 2); // the smaller half goes first, as in padSame()
}

bool ConvBn::readsPaddedBefore(const torch::Tensor &input) const
{
    // SAME padding of one row and column, after the input (an even size, a 3 x 3 kernel, stride 2).
    return m_fusedWeightPaddedBefore.defined() && samePaddingTotal(input.size(2), m_kernel, m_stride) == 1 &&
           samePaddingTotal(input.size(3), m_kernel, m_stride) == 1;
}

int ConvBn::outputSize(int size) const
{
    if (m_tfSamePadding && m_stride > 1) return (size + m_stride - 1) / m_stride;
    return (size + 2 * m_padding - m_kernel) / m_stride + 1;
}

torch::Tensor ConvBn::forward(const torch::Tensor &input)
{
    const bool fused = m_fusedWeight.defined() && !m_conv->is_training() && m_fusedVersion == weightsVersion();
    torch::Tensor x;
    if (fused && readsPaddedBefore(input)) {
        x = torch::conv2d(input, m_fusedWeightPaddedBefore, m_fusedBias, m_stride, 1, 1, m_conv->options.groups());
    } else {
        const torch::Tensor padded = m_tfSamePadding && m_stride > 1 ? padSame(input, m_kernel, m_stride) : input;
        x = fused ? torch::conv2d(padded, m_fusedWeight, m_fusedBias, m_stride, m_padding, 1, m_conv->options.groups())
                  : m_norm->forward(m_conv->forward(padded));
    }
    // x is a fresh tensor of ours: where no gradient flows through it, it is activated where it
    // lies instead of into a copy (a fifth of MobileNetV2's time on a batch of photos).
    return x.requires_grad() ? activate(x, m_activation) : activateInPlace(x, m_activation);
}

std::int64_t ConvBn::weightsVersion() const
{
    // Version counters grow with every in-place update (optimizer steps, running statistics).
    return tensorVersion(m_conv->weight) + tensorVersion(m_norm->weight) + tensorVersion(m_norm->bias) +
           tensorVersion(m_norm->running_mean) + tensorVersion(m_norm->running_var);
}

void ConvBn::fuse()
{
    torch::NoGradGuard noGrad;
    const torch::Tensor scale = m_norm->weight / torch::sqrt(m_norm->running_var + m_norm->options.eps());
    // Channels-last weights let oneDNN run the whole network in NHWC without reordering per layer.
    m_fusedWeight = (m_conv->weight * scale.view({-1, 1, 1, 1})).contiguous(torch::MemoryFormat::ChannelsLast);
    m_fusedBias = (m_norm->bias - m_norm->running_mean * scale).contiguous();
    if (m_tfSamePadding && m_stride > 1)
        m_fusedWeightPaddedBefore = torch::constant_pad_nd(m_fusedWeight, {1, 0, 1, 0}, 0.0).contiguous(torch::MemoryFormat::ChannelsLast);
    m_fusedVersion = weightsVersion();
}

} // namespace snaption
