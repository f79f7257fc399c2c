#pragma once

#include <snaption/gridplacement.h>
#include <snaption/rgbimage.h>

#include <optional>
#include <string>
#include <vector>

namespace snaption {

enum class Colormap { Viridis, Inferno, Jet };

struct HeatmapStyle {
    Colormap colormap = Colormap::Viridis;
    float opacity = 0.5f; // 0 = image only, 1 = heatmap only
    bool smooth = true;   // bicubic upsampling of the grid instead of blocky cells
};

// Turns an attention grid into a coloured overlay on the image: grid -> min/max normalisation ->
// upsampling to the image size, each cell at its place (AttentionMaps::placement(); equal tiles
// when none is given) -> colormap -> alpha blend. Shared by the CLI and the GUI.
class HeatmapRenderer {
public:
    static RgbImage render(const RgbImage &image, const std::vector<float> &grid, int gridHeight,
                           int gridWidth, const HeatmapStyle &style = {},
                           const std::optional<GridPlacement> &placement = std::nullopt);
    // The coloured heatmap alone, width x height.
    static RgbImage colorize(const std::vector<float> &grid, int gridHeight, int gridWidth, int width,
                             int height, const HeatmapStyle &style = {},
                             const std::optional<GridPlacement> &placement = std::nullopt);

    static const char *colormapName(Colormap colormap);
    static std::optional<Colormap> colormapFromName(const std::string &name);
};

} // namespace snaption
