#pragma once

#include <vector>

namespace snaption {

// Where one axis of an upsampled grid reads the grid: for each output position, up to four cells
// and their weights, as OpenCV's warpAffine reads them: its bicubic kernel (A = -0.75) or the
// nearest cell, the edge cells repeated beyond the grid (BORDER_REPLICATE). Output position p,
// centred at p + 0.5, lies at grid coordinate u = (p + 0.5) / (size x pitch) - origin / pitch,
// where cell c is centred at u = c (GridPlacement's pitch and origin, as shares of the image).
class AxisTaps {
public:
    static AxisTaps along(int size, int cells, double pitch, double origin, bool smooth);

    int taps() const { return m_taps; }
    // The value at output position `position` of one line of cells.
    float sample(int position, const float *line) const;
    // Output line `position` of `width` values: its taps' weighted sum of lines of `rows` (one
    // line of `width` values per cell).
    void combine(int position, const float *rows, int width, float *out) const;

private:
    int m_taps = 1;
    std::vector<int> m_cells;      // m_taps per position
    std::vector<float> m_weights;  // m_taps per position
};

} // namespace snaption
