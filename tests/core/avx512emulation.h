#pragma once

#include <cstdint>

namespace snaption::test {

// InferenceLinear's AVX-512 tile (core/src/avx512tile.h) compiled against an emulation of the
// instructions it uses, so that its arithmetic and addressing run on any CPU: lane by lane as the
// CPU computes, fused multiply-adds with one rounding. `panels` point at the first of `panelCount`
// consecutive weight panels (weightpanels.h); rows 1 to 8 and panelCount 1, 2 or 4 (the shapes
// InferenceLinear uses); scales and bias from the tile's first output.
void emulatedAvx512Tile(const float *panels, std::int64_t in, const float *x, int rows, int panelCount, const float *bias, float *results);
void emulatedAvx512Tile(const std::int8_t *panels, std::int64_t in, const float *x, int rows, int panelCount, const float *scales, const float *bias,
                        float *results);

} // namespace snaption::test
