#include "axistaps.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace snaption {
namespace {

// OpenCV's interpolateCubic: the weights of cells i-1, i, i+1, i+2 at fraction t past cell i.
void cubicWeights(float t, float *weights)
{
    constexpr float A = -0.75f;
    weights[0] = ((A * (t + 1) - 5 * A) * (t + 1) + 8 * A) * (t + 1) - 4 * A;
    weights[1] = ((A + 2) * t - (A + 3)) * t * t + 1;
    weights[2] = ((A + 2) * (1 - t) - (A + 3)) * (1 - t) * (1 - t) + 1;
    weights[3] = 1.0f - weights[0] - weights[1] - weights[2];
}

} // namespace

AxisTaps AxisTaps::along(int size, int cells, double pitch, double origin, bool smooth)
{
    AxisTaps axis;
    axis.m_taps = smooth ? 4 : 1;
    axis.m_cells.resize(std::size_t(size) * std::size_t(axis.m_taps));
    axis.m_weights.resize(axis.m_cells.size());
    const auto clampCell = [cells](double cell) { return int(std::clamp(cell, 0.0, double(cells - 1))); };
    for (int p = 0; p < size; ++p) {
        const double u = (p + 0.5) / (size * pitch) - origin / pitch;
        int *cell = axis.m_cells.data() + std::size_t(p) * std::size_t(axis.m_taps);
        float *weight = axis.m_weights.data() + std::size_t(p) * std::size_t(axis.m_taps);
        if (!smooth) {
            cell[0] = clampCell(std::floor(u + 0.5));
            weight[0] = 1.0f;
            continue;
        }
        const double first = std::floor(u);
        cubicWeights(float(u - first), weight);
        for (int k = 0; k < 4; ++k) cell[k] = clampCell(first - 1 + k);
    }
    return axis;
}

float AxisTaps::sample(int position, const float *line) const
{
    const int *cell = m_cells.data() + std::size_t(position) * std::size_t(m_taps);
    const float *weight = m_weights.data() + std::size_t(position) * std::size_t(m_taps);
    float value = 0;
    for (int k = 0; k < m_taps; ++k) value += weight[k] * line[cell[k]];
    return value;
}

void AxisTaps::combine(int position, const float *rows, int width, float *out) const
{
    const int *cell = m_cells.data() + std::size_t(position) * std::size_t(m_taps);
    const float *weight = m_weights.data() + std::size_t(position) * std::size_t(m_taps);
    std::fill(out, out + width, 0.0f);
    for (int k = 0; k < m_taps; ++k) {
        const float *line = rows + std::size_t(cell[k]) * std::size_t(width);
        for (int x = 0; x < width; ++x) out[x] += weight[k] * line[x];
    }
}

} // namespace snaption
