#include "inferencelinear.h"


#include <ATen/Parallel.h>

#include <immintrin.h>

#include <atomic>

namespace snaption {
namespace {

// Dot products of one weight row with up to kRowsPerPass input rows. Separate kernels for AVX2
// (chosen at run time) and plain C++; both compute sum_i w[i] * x[r][i] in float.
template <typename Weight>
void dotRowsScalar(const Weight *w, std::int64_t in, const float *x, std::int64_t rows, float *out)
{
    for (std::int64_t r = 0; r < rows; ++r) {
        const float *xr = x + r * in;
        float sum = 0;
        for (std::int64_t i = 0; i < in; ++i) sum += float(w[i]) * xr[i];
        out[r] = sum;
    }
}

__attribute__((target("avx2,fma"))) inline float horizontalSum(__m256 v)
{
    const __m128 low = _mm256_castps256_ps128(v), high = _mm256_extractf128_ps(v, 1);
    __m128 sum = _mm_add_ps(low, high);
    sum = _mm_add_ps(sum, _mm_movehl_ps(sum, sum));
    sum = _mm_add_ss(sum, _mm_movehdup_ps(sum));
    return _mm_cvtss_f32(sum);
}

__attribute__((target("avx2,fma"))) inline void loadWeights16(const float *w, __m256 &a, __m256 &b)
{
    a = _mm256_loadu_ps(w);
    b = _mm256_loadu_ps(w + 8);
}

__attribute__((target("avx2,fma"))) inline void loadWeights16(const std::int8_t *w, __m256 &a, __m256 &b)
{
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(w));
    a = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(bytes));
    b = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_srli_si128(bytes, 8)));
}

// Up to four input rows per pass so the converted weights are reused from registers.
template <typename Weight, int Rows>
__attribute__((target("avx2,fma"))) void dotRowsAvx2Block(const Weight *w, std::int64_t in, const float *x, float *out)
{
    __m256 accA[Rows], accB[Rows];
    for (int r = 0; r < Rows; ++r) accA[r] = accB[r] = _mm256_setzero_ps();
    std::int64_t i = 0;
    for (; i + 16 <= in; i += 16) {
        __m256 wa, wb;
        loadWeights16(w + i, wa, wb);
        for (int r = 0; r < Rows; ++r) {
            accA[r] = _mm256_fmadd_ps(wa, _mm256_loadu_ps(x + r * in + i), accA[r]);
            accB[r] = _mm256_fmadd_ps(wb, _mm256_loadu_ps(x + r * in + i + 8), accB[r]);
        }
    }
    for (int r = 0; r < Rows; ++r) {
        float sum = horizontalSum(_mm256_add_ps(accA[r], accB[r]));
        for (std::int64_t j = i; j < in; ++j) sum += float(w[j]) * x[r * in + j];
        out[r] = sum;
    }
}

template <typename Weight>
__attribute__((target("avx2,fma"))) void dotRowsAvx2(const Weight *w, std::int64_t in, const float *x, std::int64_t rows, float *out)
{
    std::int64_t r = 0;
    for (; r + 4 <= rows; r += 4) dotRowsAvx2Block<Weight, 4>(w, in, x + r * in, out + r);
    switch (rows - r) {
    case 3: dotRowsAvx2Block<Weight, 3>(w, in, x + r * in, out + r); break;
    case 2: dotRowsAvx2Block<Weight, 2>(w, in, x + r * in, out + r); break;
    case 1: dotRowsAvx2Block<Weight, 1>(w, in, x + r * in, out + r); break;
    default: break;
    }
}

// The same with 16 float lanes, for CPUs with AVX-512 (twice the work per instruction).
__attribute__((target("avx512f,avx512bw"))) inline void loadWeights32(const float *w, __m512 &a, __m512 &b)
{
    a = _mm512_loadu_ps(w);
    b = _mm512_loadu_ps(w + 16);
}

__attribute__((target("avx512f,avx512bw"))) inline void loadWeights32(const std::int8_t *w, __m512 &a, __m512 &b)
{
    const __m256i bytes = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(w));
    a = _mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm256_castsi256_si128(bytes)));
    b = _mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm256_extracti128_si256(bytes, 1)));
}

template <typename Weight, int Rows>
__attribute__((target("avx512f,avx512bw"))) void dotRowsAvx512Block(const Weight *w, std::int64_t in, const float *x, float *out)
{
    __m512 accA[Rows], accB[Rows];
    for (int r = 0; r < Rows; ++r) accA[r] = accB[r] = _mm512_setzero_ps();
    std::int64_t i = 0;
    for (; i + 32 <= in; i += 32) {
        __m512 wa, wb;
        loadWeights32(w + i, wa, wb);
        for (int r = 0; r < Rows; ++r) {
            accA[r] = _mm512_fmadd_ps(wa, _mm512_loadu_ps(x + r * in + i), accA[r]);
            accB[r] = _mm512_fmadd_ps(wb, _mm512_loadu_ps(x + r * in + i + 16), accB[r]);
        }
    }
    for (int r = 0; r < Rows; ++r) {
        float sum = _mm512_reduce_add_ps(_mm512_add_ps(accA[r], accB[r]));
        for (std::int64_t j = i; j < in; ++j) sum += float(w[j]) * x[r * in + j];
        out[r] = sum;
    }
}

template <typename Weight>
__attribute__((target("avx512f,avx512bw"))) void dotRowsAvx512(const Weight *w, std::int64_t in, const float *x, std::int64_t rows,
                                                               float *out)
{
    std::int64_t r = 0;
    for (; r + 4 <= rows; r += 4) dotRowsAvx512Block<Weight, 4>(w, in, x + r * in, out + r);
    switch (rows - r) {
    case 3: dotRowsAvx512Block<Weight, 3>(w, in, x + r * in, out + r); break;
    case 2: dotRowsAvx512Block<Weight, 2>(w, in, x + r * in, out + r); break;
    case 1: dotRowsAvx512Block<Weight, 1>(w, in, x + r * in, out + r); break;
    default: break;
    }
}

using Kernel = InferenceLinear::Kernel;

Kernel bestKernel()
{
    static const Kernel kernel = [] {
        if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")) return Kernel::Avx512;
        if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return Kernel::Avx2;
        return Kernel::Scalar;
    }();
    return kernel;
}

std::atomic<Kernel> g_kernel{Kernel::Auto};

template <typename Weight>
void matrixRows(const Weight *weight, const float *scales, const float *bias, std::int64_t out, std::int64_t in,
                const float *x, std::int64_t rows, float *y)
{
    // Output features are split between threads; each thread reads its weight rows once.
    const Kernel kernel = InferenceLinear::activeKernel();
    at::parallel_for(0, out, 64, [&](std::int64_t begin, std::int64_t end) {
        float dots[InferenceLinear::kRowsPerPass];
        for (std::int64_t o = begin; o < end; ++o) {
            const Weight *w = weight + o * in;
            switch (kernel) {
            case Kernel::Avx512: dotRowsAvx512(w, in, x, rows, dots); break;
            case Kernel::Avx2: dotRowsAvx2(w, in, x, rows, dots); break;
            case Kernel::Scalar:
            case Kernel::Auto: dotRowsScalar(w, in, x, rows, dots); break;
            }
            const float scale = scales ? scales[o] : 1.0f;
            for (std::int64_t r = 0; r < rows; ++r) y[r * out + o] = dots[r] * scale + bias[o];
        }
    });
}

} // namespace

void InferenceLinear::setKernel(Kernel kernel)
{
    g_kernel = kernel;
}

InferenceLinear::Kernel InferenceLinear::activeKernel()
{
    const Kernel chosen = g_kernel;
    return chosen == Kernel::Auto ? bestKernel() : chosen;
}

std::pair<torch::Tensor, torch::Tensor> InferenceLinear::quantize(const torch::Tensor &weight)
{
    // Symmetric per-output-feature quantisation, |q| <= 127.
    const torch::Tensor source = weight.detach().to(torch::kFloat);
    const torch::Tensor scales = (source.abs().amax(1) / 127.0).clamp_min(1e-12).contiguous();
    const torch::Tensor values = torch::round(source / scales.unsqueeze(1)).clamp(-127, 127).to(torch::kInt8).contiguous();
    return {values, scales};
}

torch::Tensor InferenceLinear::roundToInt8(const torch::Tensor &weight)
{
    torch::NoGradGuard noGrad;
    const auto [values, scales] = quantize(weight);
    return (values.to(torch::kFloat) * scales.unsqueeze(1)).to(weight.scalar_type());
}

InferenceLinear::InferenceLinear(const torch::Tensor &weight, const torch::Tensor &bias, WeightPrecision precision)
    : m_precision(precision)
{
    torch::NoGradGuard noGrad;
    m_bias = bias.defined() ? bias.detach().to(torch::kFloat).contiguous() : torch::zeros({weight.size(0)});
    if (precision == WeightPrecision::Int8) std::tie(m_weight, m_scales) = quantize(weight);
    else m_weight = weight.detach().to(torch::kFloat).contiguous();
}

void InferenceLinear::forward(const float *x, std::int64_t rows, float *y) const
{
    const std::int64_t out = m_weight.size(0), in = m_weight.size(1);
    for (std::int64_t first = 0; first < rows; first += kRowsPerPass) {
        const std::int64_t count = std::min(kRowsPerPass, rows - first);
        if (m_precision == WeightPrecision::Int8) {
            matrixRows(m_weight.data_ptr<std::int8_t>(), m_scales.data_ptr<float>(), m_bias.data_ptr<float>(), out, in,
                       x + first * in, count, y + first * out);
        } else {
            matrixRows(m_weight.data_ptr<float>(), nullptr, m_bias.data_ptr<float>(), out, in, x + first * in, count,
                       y + first * out);
        }
    }
}

} // namespace snaption
