#pragma once

// InferenceLinear's tile for CPUs with AVX-512: Rows input rows with Panels consecutive weight
// panels (as WeightPanels lays them out), one 16-lane accumulator per row and panel. In a header of
// its own so that tst_avx512tile compiles the same code against emulated instructions and runs it
// on CPUs without AVX-512. The includer provides the intrinsics (<immintrin.h>, or the emulation)
// and SNAPTION_AVX512_TARGET, the attribute that enables the instructions (or nothing). Internal
// linkage: the emulated copy must never stand in for the real one, or the other way round.
#ifndef SNAPTION_AVX512_TARGET
#error "define SNAPTION_AVX512_TARGET before including avx512tile.h"
#endif

#include "weightpanels.h"

#include <cstdint>
#include <type_traits>

namespace snaption {
namespace {

SNAPTION_AVX512_TARGET inline __m512 loadWeights16(const float *w)
{
    return _mm512_loadu_ps(w);
}

SNAPTION_AVX512_TARGET inline __m512 loadWeights16(const std::int8_t *w)
{
    return _mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i *>(w))));
}

// results[(r * Panels + p) * 16 + j] = the sum over inputs i, in order, of weight (panel p, i, j) *
// x[r * in + i], one fused multiply-add per product; then plus bias[p * 16 + j], for int8 weights
// times scales[p * 16 + j] plus the bias in one fused multiply-add.
template <typename Weight, int Rows, int Panels>
SNAPTION_AVX512_TARGET void panelTileAvx512(const Weight *panels, std::int64_t in, const float *x, const float *scales, const float *bias,
                                            float *results)
{
    static_assert(WeightPanels::kWidth == 16, "a panel is one 16-lane vector");
    __m512 acc[Rows][Panels];
#pragma GCC unroll 32
    for (int r = 0; r < Rows; ++r)
#pragma GCC unroll 32
        for (int p = 0; p < Panels; ++p) acc[r][p] = _mm512_setzero_ps();
    const std::int64_t panelStride = in * WeightPanels::kWidth;
    for (std::int64_t i = 0; i < in; ++i) {
        __m512 weights[Panels];
#pragma GCC unroll 32
        for (int p = 0; p < Panels; ++p) weights[p] = loadWeights16(panels + p * panelStride + i * WeightPanels::kWidth);
#pragma GCC unroll 32
        for (int r = 0; r < Rows; ++r) {
            const __m512 input = _mm512_set1_ps(x[r * in + i]);
#pragma GCC unroll 32
            for (int p = 0; p < Panels; ++p) acc[r][p] = _mm512_fmadd_ps(weights[p], input, acc[r][p]);
        }
    }
#pragma GCC unroll 32
    for (int r = 0; r < Rows; ++r) {
#pragma GCC unroll 32
        for (int p = 0; p < Panels; ++p) {
            const __m512 outputBias = _mm512_loadu_ps(bias + p * 16);
            const __m512 result = std::is_same_v<Weight, std::int8_t> ? _mm512_fmadd_ps(acc[r][p], _mm512_loadu_ps(scales + p * 16), outputBias)
                                                                      : _mm512_add_ps(acc[r][p], outputBias);
            _mm512_storeu_ps(results + (r * Panels + p) * 16, result);
        }
    }
}

} // namespace
} // namespace snaption
