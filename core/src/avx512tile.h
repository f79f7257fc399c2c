#pragma once

// InferenceLinear's tile of dot products with 16 float lanes, for CPUs with AVX-512 (twice the
// work of an AVX2 instruction): Outs weight rows (laid out as TileLayout says) with Rows input
// rows. In a header of its own so that tst_avx512tile compiles the same code against emulated
// instructions and runs it on CPUs without AVX-512. The includer provides the intrinsics
// (<immintrin.h>, or the emulation) and SNAPTION_AVX512_TARGET, the attribute that enables the
// instructions (or nothing). Internal linkage: the emulated copy must never stand in for the real
// one, or the other way round.
#ifndef SNAPTION_AVX512_TARGET
#error "define SNAPTION_AVX512_TARGET before including avx512tile.h"
#endif

#include "tilelayout.h"

#include <cmath>
#include <cstdint>

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

template <typename Weight, int Outs, int Rows>
SNAPTION_AVX512_TARGET void tileAvx512(const Weight *w, TileLayout layout, std::int64_t in, const float *x, float *dots)
{
    __m512 acc[Outs][Rows];
    for (int o = 0; o < Outs; ++o)
        for (int r = 0; r < Rows; ++r) acc[o][r] = _mm512_setzero_ps();
    std::int64_t i = 0;
    const Weight *chunk = w;
    static_assert(TileLayout::kChunk == 16, "an AVX-512 step reads one chunk");
    for (; i + 16 <= in; i += 16, chunk += layout.chunkStride) {
        __m512 xs[Rows];
        for (int r = 0; r < Rows; ++r) xs[r] = _mm512_loadu_ps(x + r * in + i);
        for (int o = 0; o < Outs; ++o) {
            const __m512 weights = loadWeights16(chunk + o * layout.rowStride);
            for (int r = 0; r < Rows; ++r) acc[o][r] = _mm512_fmadd_ps(weights, xs[r], acc[o][r]);
        }
    }
    for (int o = 0; o < Outs; ++o) {
        for (int r = 0; r < Rows; ++r) {
            float sum = _mm512_reduce_add_ps(acc[o][r]);
            // std::fma: one rounding whether or not the compiler would contract a * b + c, so the
            // emulation computes the same bits.
            for (std::int64_t j = i; j < in; ++j) sum = std::fma(float(*layout.at(w, o, j)), x[r * in + j], sum);
            dots[r * Outs + o] = sum;
        }
    }
}

} // namespace
} // namespace snaption
