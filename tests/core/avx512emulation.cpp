// The instructions of InferenceLinear's AVX-512 tile, emulated in plain C++. Nothing here may
// include <immintrin.h>: its types and functions carry these names.
#include "avx512emulation.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace {

struct __m512 {
    float lane[16];
};
struct __m512i {
    std::int32_t lane[16];
};
struct __m128i {
    std::int8_t byte[16];
};

__m512 _mm512_setzero_ps()
{
    return __m512{};
}

__m512 _mm512_loadu_ps(const float *p)
{
    __m512 v;
    std::memcpy(v.lane, p, sizeof v.lane);
    return v;
}

__m512 _mm512_fmadd_ps(__m512 a, __m512 b, __m512 c)
{
    for (int i = 0; i < 16; ++i) c.lane[i] = std::fma(a.lane[i], b.lane[i], c.lane[i]);
    return c;
}

__m128i _mm_loadu_si128(const __m128i *p)
{
    __m128i v;
    std::memcpy(v.byte, p, sizeof v.byte);
    return v;
}

__m512i _mm512_cvtepi8_epi32(__m128i v)
{
    __m512i wide;
    for (int i = 0; i < 16; ++i) wide.lane[i] = v.byte[i];
    return wide;
}

__m512 _mm512_cvtepi32_ps(__m512i v)
{
    __m512 f;
    for (int i = 0; i < 16; ++i) f.lane[i] = float(v.lane[i]);
    return f;
}

// GCC's order: the upper 8 lanes onto the lower 8, 4 onto 4, lanes 2-3 onto 0-1, then 1 onto 0.
float _mm512_reduce_add_ps(__m512 v)
{
    float eight[8], four[4], two[2];
    for (int i = 0; i < 8; ++i) eight[i] = v.lane[8 + i] + v.lane[i];
    for (int i = 0; i < 4; ++i) four[i] = eight[4 + i] + eight[i];
    for (int i = 0; i < 2; ++i) two[i] = four[i] + four[2 + i];
    return two[0] + two[1];
}

} // namespace

#define SNAPTION_AVX512_TARGET
#include "avx512tile.h"

namespace snaption::test {
namespace {

template <typename Weight, int Outs>
void tileWithRows(const Weight *w, TileLayout layout, std::int64_t in, const float *x, int rows, float *dots)
{
    switch (rows) {
    case 1: tileAvx512<Weight, Outs, 1>(w, layout, in, x, dots); return;
    case 2: tileAvx512<Weight, Outs, 2>(w, layout, in, x, dots); return;
    case 3: tileAvx512<Weight, Outs, 3>(w, layout, in, x, dots); return;
    case 4: tileAvx512<Weight, Outs, 4>(w, layout, in, x, dots); return;
    default: throw std::invalid_argument("rows must be 1 to 4");
    }
}

template <typename Weight>
void tile(const Weight *w, TileLayout layout, std::int64_t in, const float *x, int outs, int rows, float *dots)
{
    switch (outs) {
    case 8: tileWithRows<Weight, 8>(w, layout, in, x, rows, dots); return;
    case 4: tileWithRows<Weight, 4>(w, layout, in, x, rows, dots); return;
    case 1: tileWithRows<Weight, 1>(w, layout, in, x, rows, dots); return;
    default: throw std::invalid_argument("outs must be 8, 4 or 1");
    }
}

} // namespace

void emulatedAvx512Tile(const float *w, TileLayout layout, std::int64_t in, const float *x, int outs, int rows, float *dots)
{
    tile(w, layout, in, x, outs, rows, dots);
}

void emulatedAvx512Tile(const std::int8_t *w, TileLayout layout, std::int64_t in, const float *x, int outs, int rows, float *dots)
{
    tile(w, layout, in, x, outs, rows, dots);
}

} // namespace snaption::test
