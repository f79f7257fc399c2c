#pragma once

#include "tilelayout.h"

#include <cstdint>

namespace snaption::test {

// InferenceLinear's AVX-512 tile (core/src/avx512tile.h) compiled against an emulation of the
// eight instructions it uses, so that its arithmetic and addressing run on any CPU. Lane by lane
// as the CPU computes: fused multiply-adds (one rounding) and the reduction in the order of GCC's
// _mm512_reduce_add_ps. outs 8, 4 or 1; rows 1 to 4 (the shapes InferenceLinear uses).
void emulatedAvx512Tile(const float *w, TileLayout layout, std::int64_t in, const float *x, int outs, int rows, float *dots);
void emulatedAvx512Tile(const std::int8_t *w, TileLayout layout, std::int64_t in, const float *x, int outs, int rows, float *dots);

} // namespace snaption::test
