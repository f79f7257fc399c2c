#include <snaption/heatmaprenderer.h>

#include <snaption/error.h>

#include "axistaps.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <mutex>

namespace snaption {
namespace {

int openCvColormap(Colormap colormap)
{
    switch (colormap) {
    case Colormap::Viridis: return cv::COLORMAP_VIRIDIS;
    case Colormap::Inferno: return cv::COLORMAP_INFERNO;
    case Colormap::Jet: return cv::COLORMAP_JET;
    }
    return cv::COLORMAP_VIRIDIS;
}

// OpenCV's colormap as 256 RGB colours (applyColorMap of a grey ramp), made once per map.
const std::array<std::array<std::uint8_t, 3>, 256> &colourTable(Colormap colormap)
{
    static std::mutex mutex;
    static std::map<Colormap, std::array<std::array<std::uint8_t, 3>, 256>> tables;
    const std::lock_guard<std::mutex> lock(mutex);
    auto found = tables.find(colormap);
    if (found != tables.end()) return found->second;
    cv::Mat ramp(1, 256, CV_8UC1), bgr;
    for (int i = 0; i < 256; ++i) ramp.at<std::uint8_t>(0, i) = std::uint8_t(i);
    cv::applyColorMap(ramp, bgr, openCvColormap(colormap));
    std::array<std::array<std::uint8_t, 3>, 256> table{};
    for (int i = 0; i < 256; ++i) {
        const cv::Vec3b colour = bgr.at<cv::Vec3b>(0, i);
        table[std::size_t(i)] = {colour[2], colour[1], colour[0]};
    }
    return tables.emplace(colormap, table).first->second;
}

// The grid scaled to [0, 1]; a flat map (e.g. one memory token) shows as uniformly low, not as
// noise stretched to [0, 1].
std::vector<float> normalised(const std::vector<float> &grid)
{
    const auto [low, high] = std::minmax_element(grid.begin(), grid.end());
    const double range = double(*high) - double(*low);
    std::vector<float> cells(grid.size(), 0.0f);
    if (range > 0)
        for (std::size_t i = 0; i < grid.size(); ++i) cells[i] = float((double(grid[i]) - double(*low)) / range);
    return cells;
}

// One pass over the output, for the GUI's sake: OpenCV's warpAffine, clamp, applyColorMap,
// cvtColor and addWeighted, one after another, took 60-70 ms for a 1600 x 1200 photo on an idle
// core (120-170 ms while captioning), each writing a full-size intermediate. The grid is upsampled
// separably: each grid row once along x, then each output row from up to four of those.
void paint(const RgbImage *base, const std::vector<float> &grid, int gridHeight, int gridWidth, const HeatmapStyle &style,
           const std::optional<GridPlacement> &placement, RgbImage &output)
{
    if (gridHeight <= 0 || gridWidth <= 0 || grid.size() != std::size_t(gridHeight) * std::size_t(gridWidth))
        throw Error(ErrorKind::InvalidArgument, "heatmap grid does not match its dimensions");
    const GridPlacement where = placement.value_or(GridPlacement::uniform(gridHeight, gridWidth));
    if (!(where.pitchX > 0 && where.pitchY > 0)) throw Error(ErrorKind::InvalidArgument, "heatmap cells need a positive pitch");
    const int width = output.width, height = output.height;
    const std::vector<float> cells = normalised(grid);
    const AxisTaps columns = AxisTaps::along(width, gridWidth, where.pitchX, where.originX, style.smooth);
    const AxisTaps rows = AxisTaps::along(height, gridHeight, where.pitchY, where.originY, style.smooth);

    // Each grid row upsampled along x.
    std::vector<float> across(std::size_t(gridHeight) * std::size_t(width));
    for (int r = 0; r < gridHeight; ++r) {
        const float *cellRow = cells.data() + std::size_t(r) * std::size_t(gridWidth);
        float *out = across.data() + std::size_t(r) * std::size_t(width);
        for (int x = 0; x < width; ++x) out[x] = columns.sample(x, cellRow);
    }
    // Each level's colour, its share of the mix already taken (plus 0.5 to round), and the
    // image's share: as addWeighted, in float, rounded.
    const auto &colours = colourTable(style.colormap);
    const float opacity = base ? std::clamp(style.opacity, 0.0f, 1.0f) : 1.0f, keep = 1.0f - opacity;
    std::array<std::array<float, 3>, 256> mixIns{};
    for (std::size_t level = 0; level < 256; ++level)
        for (std::size_t c = 0; c < 3; ++c) mixIns[level][c] = float(colours[level][c]) * opacity + 0.5f;
    std::vector<float> values(static_cast<std::size_t>(width));
    for (int y = 0; y < height; ++y) {
        rows.combine(y, across.data(), width, values.data());
        const std::uint8_t *image = base ? base->row(y) : nullptr;
        std::uint8_t *out = output.row(y);
        for (int x = 0; x < width; ++x) {
            // As convertTo(CV_8U, 255): rounded; bicubic overshoots are clamped first.
            const float value = std::min(1.0f, std::max(0.0f, values[std::size_t(x)]));
            const std::array<float, 3> &mixIn = mixIns[std::size_t(value * 255.0f + 0.5f)];
            for (int c = 0; c < 3; ++c) {
                const float mixed = image ? float(image[3 * x + c]) * keep + mixIn[std::size_t(c)] : mixIn[std::size_t(c)];
                out[3 * x + c] = std::uint8_t(std::min(255.0f, mixed));
            }
        }
    }
}

} // namespace

RgbImage HeatmapRenderer::colorize(const std::vector<float> &grid, int gridHeight, int gridWidth, int width, int height,
                                   const HeatmapStyle &style, const std::optional<GridPlacement> &placement)
{
    if (width <= 0 || height <= 0) throw Error(ErrorKind::InvalidArgument, "heatmap size must be positive");
    RgbImage heat(width, height);
    paint(nullptr, grid, gridHeight, gridWidth, style, placement, heat);
    return heat;
}

RgbImage HeatmapRenderer::render(const RgbImage &image, const std::vector<float> &grid, int gridHeight, int gridWidth,
                                 const HeatmapStyle &style, const std::optional<GridPlacement> &placement)
{
    if (image.width <= 0 || image.height <= 0) throw Error(ErrorKind::InvalidArgument, "heatmap size must be positive");
    RgbImage blended(image.width, image.height);
    paint(&image, grid, gridHeight, gridWidth, style, placement, blended);
    return blended;
}

const char *HeatmapRenderer::colormapName(Colormap colormap)
{
    switch (colormap) {
    case Colormap::Viridis: return "viridis";
    case Colormap::Inferno: return "inferno";
    case Colormap::Jet: return "jet";
    }
    return "viridis";
}

std::optional<Colormap> HeatmapRenderer::colormapFromName(const std::string &name)
{
    for (const Colormap c : {Colormap::Viridis, Colormap::Inferno, Colormap::Jet}) {
        if (name == colormapName(c)) return c;
    }
    return std::nullopt;
}

} // namespace snaption
