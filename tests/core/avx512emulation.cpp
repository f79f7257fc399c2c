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

__m512 _mm512_set1_ps(float value)
{
    __m512 v;
    for (float &lane : v.lane) lane = value;
    return v;
}

__m512 _mm512_add_ps(__m512 a, __m512 b)
{
    for (int i = 0; i < 16; ++i) a.lane[i] += b.lane[i];
    return a;
}

void _mm512_storeu_ps(float *p, __m512 v)
{
    std::memcpy(p, v.lane, sizeof v.lane);
}

} // namespace

#define SNAPTION_AVX512_TARGET
#include "avx512tile.h"

namespace snaption::test {
namespace {

template <typename Weight, int Rows>
void tileWithRows(const Weight *panels, std::int64_t in, const float *x, int panelCount, const float *scales, const float *bias, float *results)
{
    switch (panelCount) {
    case 1: panelTileAvx512<Weight, Rows, 1>(panels, in, x, scales, bias, results); return;
    case 2: panelTileAvx512<Weight, Rows, 2>(panels, in, x, scales, bias, results); return;
    case 4: panelTileAvx512<Weight, Rows, 4>(panels, in, x, scales, bias, results); return;
    default: throw std::invalid_argument("panelCount must be 1, 2 or 4");
    }
}

template <typename Weight, int Rows = 1>
void tile(const Weight *panels, std::int64_t in, const float *x, int rows, int panelCount, const float *scales, const float *bias, float *results)
{
    if (rows == Rows) tileWithRows<Weight, Rows>(panels, in, x, panelCount, scales, bias, results);
    else if constexpr (Rows < 8) tile<Weight, Rows + 1>(panels, in, x, rows, panelCount, scales, bias, results);
    else throw std::invalid_argument("rows must be 1 to 8");
}

} // namespace

void emulatedAvx512Tile(const float *panels, std::int64_t in, const float *x, int rows, int panelCount, const float *bias, float *results)
{
    tile(panels, in, x, rows, panelCount, nullptr, bias, results);
}

void emulatedAvx512Tile(const std::int8_t *panels, std::int64_t in, const float *x, int rows, int panelCount, const float *scales, const float *bias,
                        float *results)
{
    tile(panels, in, x, rows, panelCount, scales, bias, results);
}

} // namespace snaption::test
