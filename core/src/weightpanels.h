#pragma once

#include <cstdint>

namespace snaption {

// How InferenceLinear stores its weights: in panels of 16 output features. Panel p holds, input
// by input, the 16 weights of outputs 16p .. 16p + 15 (zeros past the last output), so that a tile
// reads each panel as one sequential stream and multiplies each loaded vector of 16 weights by
// one input value per row (a broadcast), keeping one accumulator per output and row. Every output
// is then the sum of its products in input order, one fused multiply-add each, whatever the tile's
// shape or instruction set.
struct WeightPanels {
    static constexpr std::int64_t kWidth = 16;

    static std::int64_t count(std::int64_t outputs) { return (outputs + kWidth - 1) / kWidth; }
    // Where weight (output o, input i) lies in the panels of a matrix with `in` inputs.
    static std::int64_t offset(std::int64_t o, std::int64_t i, std::int64_t in) { return ((o / kWidth) * in + i) * kWidth + o % kWidth; }
};

} // namespace snaption
