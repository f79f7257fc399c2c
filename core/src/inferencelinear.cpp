#include "inferencelinear.h"

#include "tilelayout.h"

#include <ATen/Parallel.h>

#include <immintrin.h>

// The AVX-512 tiles: compiled here for the CPU, and in a test against emulated instructions.
#define SNAPTION_AVX512_TARGET __attribute__((target("avx512f,avx512bw")))
#include "avx512tile.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <string>

namespace snaption {
namespace {

// Tiles of dot products: Outs weight rows with Rows input rows. Every (weight row, input row)
// pair has one accumulator fed in the same order whatever the tile's shape, so an input row's
// result never depends on which other rows share the call (a batch gives each image the numbers it
// gets alone). Small tiles keep independent accumulators so that the FMA latency is hidden even
// for one input row; each weight chunk is converted once and used for all rows of the tile.
template <typename Weight>
void tileScalar(const Weight *w, TileLayout layout, std::int64_t in, const float *x, std::int64_t rows, float *dots)
{
    for (std::int64_t r = 0; r < rows; ++r) {
        const float *xr = x + r * in;
        float sum = 0;
        for (std::int64_t i = 0; i < in; ++i) sum += float(*layout.at(w, 0, i)) * xr[i];
        dots[r] = sum;
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

__attribute__((target("avx2,fma"))) inline __m256 loadWeights8(const float *w)
{
    return _mm256_loadu_ps(w);
}

__attribute__((target("avx2,fma"))) inline __m256 loadWeights8(const std::int8_t *w)
{
    return _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i *>(w))));
}

// acc[o][r] += 8 weights of row o (rows rowStride apart from `weights`) * 8 inputs of row r.
template <typename Weight, int Outs, int Rows>
__attribute__((target("avx2,fma"), always_inline)) inline void accumulate8(const Weight *weights, std::int64_t rowStride, const float *x,
                                                                           std::int64_t in, __m256 (&acc)[Outs][Rows])
{
    __m256 xs[Rows];
    for (int r = 0; r < Rows; ++r) xs[r] = _mm256_loadu_ps(x + r * in);
    for (int o = 0; o < Outs; ++o) {
        const __m256 row = loadWeights8(weights + o * rowStride);
        for (int r = 0; r < Rows; ++r) acc[o][r] = _mm256_fmadd_ps(row, xs[r], acc[o][r]);
    }
}

// dots[r * Outs + o] = w[o] . x[r]
template <typename Weight, int Outs, int Rows>
__attribute__((target("avx2,fma"))) void tileAvx2(const Weight *w, TileLayout layout, std::int64_t in, const float *x, float *dots)
{
    __m256 acc[Outs][Rows];
    for (int o = 0; o < Outs; ++o)
        for (int r = 0; r < Rows; ++r) acc[o][r] = _mm256_setzero_ps();
    std::int64_t i = 0;
    const Weight *chunk = w;
    for (; i + TileLayout::kChunk <= in; i += TileLayout::kChunk, chunk += layout.chunkStride) {
        accumulate8<Weight, Outs, Rows>(chunk, layout.rowStride, x + i, in, acc);
        accumulate8<Weight, Outs, Rows>(chunk + 8, layout.rowStride, x + i + 8, in, acc);
    }
    if (i + 8 <= in) { // plain rows only: interleaved ones have whole chunks
        accumulate8<Weight, Outs, Rows>(chunk, layout.rowStride, x + i, in, acc);
        i += 8;
    }
    for (int o = 0; o < Outs; ++o) {
        for (int r = 0; r < Rows; ++r) {
            float sum = horizontalSum(acc[o][r]);
            for (std::int64_t j = i; j < in; ++j) sum += float(*layout.at(w, o, j)) * x[r * in + j];
            dots[r * Outs + o] = sum;
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

// Weight rows per tile for a given number of input rows: enough independent accumulators to hide
// the FMA latency, as many as fit the 16 (AVX2) or 32 (AVX-512) vector registers beside the input
// rows, so that each loaded vector feeds as many products as possible.
constexpr int outsPerAvx2Tile(int rows)
{
    return rows == 1 ? 8 : rows == 2 ? 4 : rows == 3 ? 4 : 2;
}
constexpr int outsPerAvx512Tile(int rows)
{
    return rows <= 2 ? 8 : 4;
}
constexpr std::int64_t kOutsPerChunk = 8; // a multiple of every tile's weight rows, and a packed group

// A weight matrix as forward() sees it: rows [0, packedRows) in interleaved groups of 8, the rest
// plain (at the same offsets as in a plain matrix: a group holds the bytes of its 8 rows).
template <typename Weight>
struct WeightRows {
    const Weight *data;
    const float *scales; // per row (int8), or null
    const float *bias;
    std::int64_t out, in, packedRows;

    // Where row o's tile starts, and how its weights lie from there.
    const Weight *start(std::int64_t o) const
    {
        return o < packedRows ? data + (o / kOutsPerChunk) * kOutsPerChunk * in + (o % kOutsPerChunk) * TileLayout::kChunk : data + o * in;
    }
    TileLayout layout(std::int64_t o) const
    {
        return o < packedRows ? TileLayout{TileLayout::kChunk, kOutsPerChunk * TileLayout::kChunk} : TileLayout{in, TileLayout::kChunk};
    }
};

// y[r][o] for the weight rows [begin, end) (within one group of 8) and Rows input rows, Outs
// weight rows per tile.
template <typename Weight, int Rows, int Outs, bool Avx512>
void tileRangeOf(const WeightRows<Weight> &w, const float *x, std::int64_t begin, std::int64_t end, float *y)
{
    float dots[Outs * Rows];
    std::int64_t o = begin;
    const auto store = [&](int outs) {
        for (int r = 0; r < Rows; ++r) {
            for (int k = 0; k < outs; ++k) {
                const float scale = w.scales ? w.scales[o + k] : 1.0f;
                y[r * w.out + o + k] = dots[r * outs + k] * scale + w.bias[o + k];
            }
        }
    };
    const TileLayout layout = w.layout(begin);
    for (; o + Outs <= end; o += Outs) {
        if constexpr (Avx512) tileAvx512<Weight, Outs, Rows>(w.start(o), layout, w.in, x, dots);
        else tileAvx2<Weight, Outs, Rows>(w.start(o), layout, w.in, x, dots);
        store(Outs);
    }
    for (; o < end; ++o) {
        if constexpr (Avx512) tileAvx512<Weight, 1, Rows>(w.start(o), layout, w.in, x, dots);
        else tileAvx2<Weight, 1, Rows>(w.start(o), layout, w.in, x, dots);
        store(1);
    }
}

template <typename Weight, int Rows>
void tileRange(Kernel kernel, const WeightRows<Weight> &w, const float *x, std::int64_t begin, std::int64_t end, float *y)
{
    if (kernel == Kernel::Avx512) tileRangeOf<Weight, Rows, outsPerAvx512Tile(Rows), true>(w, x, begin, end, y);
    else tileRangeOf<Weight, Rows, outsPerAvx2Tile(Rows), false>(w, x, begin, end, y);
}

template <typename Weight>
void matrixRows(const WeightRows<Weight> &w, const float *x, std::int64_t rows, float *y)
{
    // Output features are split between threads in whole groups of 8; each thread reads its
    // weight rows once per pass, from cache after the first tile of input rows.
    const Kernel kernel = InferenceLinear::activeKernel();
    const std::int64_t in = w.in, out = w.out, groups = (out + kOutsPerChunk - 1) / kOutsPerChunk;
    at::parallel_for(0, groups, 8, [&](std::int64_t firstGroup, std::int64_t endGroup) {
        const std::int64_t begin = firstGroup * kOutsPerChunk, end = std::min(out, endGroup * kOutsPerChunk);
        if (kernel == Kernel::Scalar || kernel == Kernel::Auto) {
            float dots[InferenceLinear::kRowsPerPass];
            for (std::int64_t o = begin; o < end; ++o) {
                tileScalar(w.start(o), w.layout(o), in, x, rows, dots);
                const float scale = w.scales ? w.scales[o] : 1.0f;
                for (std::int64_t r = 0; r < rows; ++r) y[r * out + o] = dots[r] * scale + w.bias[o];
            }
            return;
        }
        // Eight weight rows at a time go through all input rows while they are in the L1/L2 cache.
        for (std::int64_t first = begin; first < end; first += kOutsPerChunk) {
            const std::int64_t last = std::min(end, first + kOutsPerChunk);
            std::int64_t r = 0;
            if (kernel == Kernel::Avx2) {
                // 16 registers: 4 weight rows x 3 input rows (12 accumulators) feed more products
                // per load than 2 x 4.
                for (; r + 3 <= rows; r += 3) tileRange<Weight, 3>(kernel, w, x + r * in, first, last, y + r * out);
            } else {
                for (; r + 4 <= rows; r += 4) tileRange<Weight, 4>(kernel, w, x + r * in, first, last, y + r * out);
            }
            switch (rows - r) {
            case 3: tileRange<Weight, 3>(kernel, w, x + r * in, first, last, y + r * out); break;
            case 2: tileRange<Weight, 2>(kernel, w, x + r * in, first, last, y + r * out); break;
            case 1: tileRange<Weight, 1>(kernel, w, x + r * in, first, last, y + r * out); break;
            default: break;
            }
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
    : m_precision(precision)
{
    torch::NoGradGuard noGrad;
    m_bias = bias.defined() ? bias.detach().to(torch::kFloat).contiguous() : torch::zeros({weight.size(0)});
    if (precision == WeightPrecision::Int8) {
        std::tie(m_weight, m_scales) = quantize(weight);
        interleaveRowGroups();
    } else {
        m_weight = weight.detach().to(torch::kFloat).contiguous();
    }
}

void InferenceLinear::interleaveRowGroups()
{
    const std::int64_t out = m_weight.size(0), in = m_weight.size(1);
    if (in % TileLayout::kChunk != 0) return;
    m_packedRows = out - out % kOutsPerChunk;
    if (m_packedRows == 0) return;
    torch::Tensor grouped = m_weight.narrow(0, 0, m_packedRows);
    const torch::Tensor interleaved = grouped.view({m_packedRows / kOutsPerChunk, kOutsPerChunk, in / TileLayout::kChunk, TileLayout::kChunk})
                                          .permute({0, 2, 1, 3})
                                          .contiguous(); // a copy: [group, chunk, row, 16]
    grouped.copy_(interleaved.view({m_packedRows, in}));
}

void InferenceLinear::forward(const float *x, std::int64_t rows, float *y) const
{
    const std::int64_t out = m_weight.size(0), in = m_weight.size(1);
    for (std::int64_t first = 0; first < rows; first += kRowsPerPass) {
        const std::int64_t count = std::min(kRowsPerPass, rows - first);
        if (m_precision == WeightPrecision::Int8) {
            const WeightRows<std::int8_t> weights{m_weight.data_ptr<std::int8_t>(), m_scales.data_ptr<float>(), m_bias.data_ptr<float>(), out, in, m_packedRows};
            matrixRows(weights, x + first * in, count, y + first * out);
        } else {
            const WeightRows<float> weights{m_weight.data_ptr<float>(), nullptr, m_bias.data_ptr<float>(), out, in, 0};
            matrixRows(weights, x + first * in, count, y + first * out);
        }
    }
}

} // namespace snaption
