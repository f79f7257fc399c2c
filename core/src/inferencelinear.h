#pragma once

#include <snaption/weightprecision.h>

#include <torch/types.h>

namespace snaption {

// A linear layer y = x W^T + b for decoding steps, where x has a few rows (one per hypothesis) to
// a few dozen (the beams of a batch of images). LibTorch sends such products to a BLAS GEMM that
// repacks the whole weight matrix on every call; here the weights are packed once, in panels of 16
// output features (weightpanels.h), and each panel is streamed from memory once per pass of up to
// 64 rows of x and kept in cache while it meets them, in parallel over panels, with AVX-512 or
// AVX2 kernels chosen at run time. Every output is its products summed in input order, so a row's
// result does not depend on the other rows of the call. Int8 mode stores weights as int8 with one
// scale per output feature: 4x less memory traffic, and a 6-layer decoder then fits in the L3
// cache.
class InferenceLinear {
public:
    static constexpr std::int64_t kRowsPerPass = 64;

    // The SIMD kernels; Auto picks the best the CPU supports (or the environment's SNAPTION_SIMD).
    // Others are for tests and benchmarks.
    enum class Kernel { Auto, Scalar, Avx2, Avx512 };
    static void setKernel(Kernel kernel);
    static Kernel activeKernel();
    static const char *kernelName(Kernel kernel); // "avx2", ...

    InferenceLinear() = default;
    // Copies the weights (packed).
    InferenceLinear(const torch::Tensor &weight, const torch::Tensor &bias, WeightPrecision precision);

    // x [rows, in] -> y [rows, out], row-major.
    void forward(const float *x, std::int64_t rows, float *y) const;
    std::int64_t inFeatures() const { return m_in; }
    std::int64_t outFeatures() const { return m_out; }

    // The weights as int8 storage represents them: scale * round(w / scale), one scale per row.
    static torch::Tensor roundToInt8(const torch::Tensor &weight);

private:
    static std::pair<torch::Tensor, torch::Tensor> quantize(const torch::Tensor &weight); // int8 values, scales
    static torch::Tensor inPanels(const torch::Tensor &weight); // [out, in] -> [panels, in, 16]

    WeightPrecision m_precision = WeightPrecision::Float32;
    std::int64_t m_out = 0, m_in = 0;
    torch::Tensor m_panels; // float32 or int8, as WeightPanels lays them out
    torch::Tensor m_scales; // per output (int8 mode), zeros to whole panels
    torch::Tensor m_bias;   // per output, zeros to whole panels
};

} // namespace snaption
