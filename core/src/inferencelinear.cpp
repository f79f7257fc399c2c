#include "inferencelinear.h"

#include "weightpanels.h"

#include <ATen/Parallel.h>

#include <immintrin.h>

// The AVX-512 tiles: compiled here for the CPU, and in a test against emulated instructions.
#define SNAPTION_AVX512_TARGET __attribute__((target("avx512f,avx512bw")))
#include "avx512tile.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <string>
#include <type_traits>

namespace snaption {
namespace {

constexpr std::int64_t kWidth = WeightPanels::kWidth;

// The tiles. Each computes results[(r * Panels + p) * 16 + j] for Rows input rows (x, `in` apart)
// and Panels consecutive panels: every output of every row has its own accumulator, fed one
// product per input in input order, then plus the bias (int8 weights: sum * scale + bias in one
// fused multiply-add; scales and bias from the tile's first output, padded to whole panels). So a
// row's result never depends on the tile's shape nor on which other rows share the call (a batch
// gives each image the numbers it gets alone). A loaded vector of weights meets every row of the
// tile, and a broadcast input every panel.

// Without SIMD (GCC vectorises the 16 lanes with what the target has); one input row.
template <typename Weight>
void panelTileScalar(const Weight *panel, std::int64_t in, const float *x, const float *scales, const float *bias, float *results)
{
    float acc[kWidth] = {};
    for (std::int64_t i = 0; i < in; ++i, panel += kWidth)
        for (std::int64_t j = 0; j < kWidth; ++j) acc[j] += float(panel[j]) * x[i];
    for (std::int64_t j = 0; j < kWidth; ++j) results[j] = std::is_same_v<Weight, std::int8_t> ? std::fma(acc[j], scales[j], bias[j]) : acc[j] + bias[j];
}

__attribute__((target("avx2,fma"))) inline __m256 loadWeights8(const float *w)
{
    return _mm256_loadu_ps(w);
}

__attribute__((target("avx2,fma"))) inline __m256 loadWeights8(const std::int8_t *w)
{
    return _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i *>(w))));
}

// A panel's 16 outputs are two 8-lane halves. The loops over rows and vectors are unrolled by
// pragma: left to itself, GCC kept the accumulators in registers but also stored every one of them
// to the stack on every input (2.5x slower).
template <typename Weight, int Rows, int Panels>
__attribute__((target("avx2,fma"))) void panelTileAvx2(const Weight *panels, std::int64_t in, const float *x, const float *scales,
                                                       const float *bias, float *results)
{
    constexpr int kVectors = Panels * 2; // per row
    __m256 acc[Rows * kVectors];
#pragma GCC unroll 32
    for (int k = 0; k < Rows * kVectors; ++k) acc[k] = _mm256_setzero_ps();
    const std::int64_t panelStride = in * kWidth;
    for (std::int64_t i = 0; i < in; ++i) {
        __m256 weights[kVectors];
#pragma GCC unroll 32
        for (int v = 0; v < kVectors; ++v) weights[v] = loadWeights8(panels + (v / 2) * panelStride + i * kWidth + (v % 2) * 8);
#pragma GCC unroll 32
        for (int r = 0; r < Rows; ++r) {
            const __m256 input = _mm256_broadcast_ss(x + r * in + i);
#pragma GCC unroll 32
            for (int v = 0; v < kVectors; ++v) acc[r * kVectors + v] = _mm256_fmadd_ps(weights[v], input, acc[r * kVectors + v]);
        }
    }
#pragma GCC unroll 32
    for (int r = 0; r < Rows; ++r) {
#pragma GCC unroll 32
        for (int v = 0; v < kVectors; ++v) {
            const __m256 sum = acc[r * kVectors + v], outputBias = _mm256_loadu_ps(bias + v * 8);
            const __m256 result = std::is_same_v<Weight, std::int8_t> ? _mm256_fmadd_ps(sum, _mm256_loadu_ps(scales + v * 8), outputBias)
                                                                      : _mm256_add_ps(sum, outputBias);
            _mm256_storeu_ps(results + (r * kVectors + v) * 8, result);
        }
    }
}

using Kernel = InferenceLinear::Kernel;

bool cpuHas(Kernel kernel)
{
    switch (kernel) {
    case Kernel::Avx512: return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
    case Kernel::Avx2: return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case Kernel::Scalar:
    case Kernel::Auto: return true;
    }
    return false;
}

// The best the CPU has, or SNAPTION_SIMD (scalar, avx2, avx512) where the CPU has that: benchmarks
// measure the AVX2 path on AVX-512 machines too.
Kernel bestKernel()
{
    static const Kernel kernel = [] {
        const char *wanted = std::getenv("SNAPTION_SIMD");
        const std::string name = wanted ? wanted : "";
        const Kernel asked = name == "scalar" ? Kernel::Scalar : name == "avx2" ? Kernel::Avx2 : name == "avx512" ? Kernel::Avx512 : Kernel::Auto;
        if (asked != Kernel::Auto && cpuHas(asked)) return asked;
        for (const Kernel candidate : {Kernel::Avx512, Kernel::Avx2})
            if (cpuHas(candidate)) return candidate;
        return Kernel::Scalar;
    }();
    return kernel;
}

std::atomic<Kernel> g_kernel{Kernel::Auto};

// A weight matrix as forward() reads it; scales and bias padded to whole panels.
template <typename Weight>
struct PackedWeights {
    const Weight *panels;
    const float *scales; // per output (int8), or null
    const float *bias;
    std::int64_t out, in;

    const Weight *panel(std::int64_t p) const { return panels + p * in * kWidth; }
    const float *scalesFrom(std::int64_t p) const { return scales ? scales + p * kWidth : nullptr; }
    const float *biasFrom(std::int64_t p) const { return bias + p * kWidth; }
    // The outputs of the panels [first, first + panels) that exist.
    std::int64_t outputsOf(std::int64_t first, std::int64_t panels) const { return std::min(out, (first + panels) * kWidth) - first * kWidth; }
};

// Input rows per full tile, and panels per tile for the rows left over: enough accumulators to
// hide the FMA latency, as many as fit the 16 (AVX2) or 32 (AVX-512) vector registers beside the
// loaded weights.
template <Kernel kernel>
constexpr int kFullTileRows = kernel == Kernel::Avx512 ? 8 : 6;

template <Kernel kernel>
constexpr int panelsPerTile(int rows)
{
    if (rows == 1) return 4;
    if (kernel == Kernel::Avx512) return rows == 2 ? 4 : rows <= 4 ? 2 : 1;
    return rows <= 3 ? 2 : 1;
}

// Panels are handed out in blocks that stay in the L2 cache while they meet every row.
constexpr std::int64_t kPanelsPerBlock = 4;

// y for Rows rows (x, y at their first) and the panels [first, first + Panels).
template <Kernel kernel, typename Weight, int Rows, int Panels>
void tileAndStore(const PackedWeights<Weight> &w, std::int64_t first, const float *x, float *y)
{
    float results[Rows * Panels * kWidth];
    if constexpr (kernel == Kernel::Avx512) panelTileAvx512<Weight, Rows, Panels>(w.panel(first), w.in, x, w.scalesFrom(first), w.biasFrom(first), results);
    else panelTileAvx2<Weight, Rows, Panels>(w.panel(first), w.in, x, w.scalesFrom(first), w.biasFrom(first), results);
    const std::int64_t outputs = w.outputsOf(first, Panels);
    for (int r = 0; r < Rows; ++r) std::copy_n(results + r * Panels * kWidth, outputs, y + r * w.out + first * kWidth);
}

// Rows (fewer than a full tile) with the panels [begin, end): several panels per tile, then one.
template <Kernel kernel, typename Weight, int Rows>
void leftoverRows(const PackedWeights<Weight> &w, std::int64_t begin, std::int64_t end, const float *x, float *y)
{
    constexpr int panels = panelsPerTile<kernel>(Rows);
    std::int64_t p = begin;
    for (; p + panels <= end; p += panels) tileAndStore<kernel, Weight, Rows, panels>(w, p, x, y);
    for (; p < end; ++p) tileAndStore<kernel, Weight, Rows, 1>(w, p, x, y);
}

// The same for `rows` (1 to a full tile's less one) known only at run time.
template <Kernel kernel, typename Weight, int Rows = 1>
void leftoverRowsOfCount(const PackedWeights<Weight> &w, std::int64_t rows, std::int64_t begin, std::int64_t end, const float *x, float *y)
{
    if (rows == Rows) leftoverRows<kernel, Weight, Rows>(w, begin, end, x, y);
    else if constexpr (Rows + 1 < kFullTileRows<kernel>) leftoverRowsOfCount<kernel, Weight, Rows + 1>(w, rows, begin, end, x, y);
}

// The panels [begin, end) with every row: each panel of a block meets the full tiles of rows while
// it is in cache, then the rows left over meet the block.
template <Kernel kernel, typename Weight>
void panelRange(const PackedWeights<Weight> &w, std::int64_t begin, std::int64_t end, const float *x, std::int64_t rows, float *y)
{
    constexpr int fullRows = kFullTileRows<kernel>;
    const std::int64_t inFullTiles = rows - rows % fullRows;
    for (std::int64_t block = begin; block < end; block += kPanelsPerBlock) {
        const std::int64_t blockEnd = std::min(end, block + kPanelsPerBlock);
        for (std::int64_t p = block; p < blockEnd; ++p)
            for (std::int64_t r = 0; r < inFullTiles; r += fullRows) tileAndStore<kernel, Weight, fullRows, 1>(w, p, x + r * w.in, y + r * w.out);
        if (inFullTiles < rows) leftoverRowsOfCount<kernel, Weight>(w, rows - inFullTiles, block, blockEnd, x + inFullTiles * w.in, y + inFullTiles * w.out);
    }
}

template <typename Weight>
void panelRangeScalar(const PackedWeights<Weight> &w, std::int64_t begin, std::int64_t end, const float *x, std::int64_t rows, float *y)
{
    float results[kWidth];
    for (std::int64_t p = begin; p < end; ++p) {
        for (std::int64_t r = 0; r < rows; ++r) {
            panelTileScalar(w.panel(p), w.in, x + r * w.in, w.scalesFrom(p), w.biasFrom(p), results);
            std::copy_n(results, w.outputsOf(p, 1), y + r * w.out + p * kWidth);
        }
    }
}

template <typename Weight>
void matrixRows(const PackedWeights<Weight> &w, const float *x, std::int64_t rows, float *y)
{
    // Output panels are split between threads; each thread reads its panels once per pass.
    const Kernel kernel = InferenceLinear::activeKernel();
    at::parallel_for(0, WeightPanels::count(w.out), kPanelsPerBlock, [&](std::int64_t begin, std::int64_t end) {
        switch (kernel) {
        case Kernel::Avx512: panelRange<Kernel::Avx512>(w, begin, end, x, rows, y); break;
        case Kernel::Avx2: panelRange<Kernel::Avx2>(w, begin, end, x, rows, y); break;
        case Kernel::Scalar:
        case Kernel::Auto: panelRangeScalar(w, begin, end, x, rows, y); break;
        }
    });
}

} // namespace

void InferenceLinear::setKernel(Kernel kernel)
{
    g_kernel = kernel;
}

const char *InferenceLinear::kernelName(Kernel kernel)
{
    switch (kernel) {
    case Kernel::Avx512: return "avx512";
    case Kernel::Avx2: return "avx2";
    case Kernel::Scalar: return "scalar";
    case Kernel::Auto: break;
    }
    return "auto";
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
    : m_precision(precision), m_out(weight.size(0)), m_in(weight.size(1))
{
    torch::NoGradGuard noGrad;
    const std::int64_t padding = WeightPanels::count(m_out) * WeightPanels::kWidth - m_out;
    const auto padded = [padding](const torch::Tensor &perOutput) { return torch::constant_pad_nd(perOutput, {0, padding}).contiguous(); };
    m_bias = padded(bias.defined() ? bias.detach().to(torch::kFloat) : torch::zeros({m_out}));
    if (precision == WeightPrecision::Int8) {
        auto [values, scales] = quantize(weight);
        m_scales = padded(scales);
        m_panels = inPanels(values);
    } else {
        m_panels = inPanels(weight.detach().to(torch::kFloat));
    }
}

torch::Tensor InferenceLinear::inPanels(const torch::Tensor &weight)
{
    // [out, in] -> zero rows up to whole panels -> [panels, 16, in] -> [panels, in, 16]: a copy.
    const std::int64_t out = weight.size(0), in = weight.size(1), panels = WeightPanels::count(out);
    const torch::Tensor padded = torch::constant_pad_nd(weight, {0, 0, 0, panels * WeightPanels::kWidth - out});
    return padded.view({panels, WeightPanels::kWidth, in}).transpose(1, 2).contiguous();
}

void InferenceLinear::forward(const float *x, std::int64_t rows, float *y) const
{
    for (std::int64_t first = 0; first < rows; first += kRowsPerPass) {
        const std::int64_t count = std::min(kRowsPerPass, rows - first);
        if (m_precision == WeightPrecision::Int8) {
            const PackedWeights<std::int8_t> weights{m_panels.data_ptr<std::int8_t>(), m_scales.data_ptr<float>(), m_bias.data_ptr<float>(), m_out, m_in};
            matrixRows(weights, x + first * m_in, count, y + first * m_out);
        } else {
            const PackedWeights<float> weights{m_panels.data_ptr<float>(), nullptr, m_bias.data_ptr<float>(), m_out, m_in};
            matrixRows(weights, x + first * m_in, count, y + first * m_out);
        }
    }
}

} // namespace snaption
