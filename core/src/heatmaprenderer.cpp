#include <snaption/heatmaprenderer.h>

#include <snaption/error.h>

#include "rgbimageconversion.h"

#include <opencv2/imgproc.hpp>

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

} // namespace

RgbImage HeatmapRenderer::colorize(const std::vector<float> &grid, int gridHeight, int gridWidth, int width, int height,
                                   const HeatmapStyle &style, const std::optional<GridPlacement> &placement)
{
    if (gridHeight <= 0 || gridWidth <= 0 || grid.size() != std::size_t(gridHeight) * std::size_t(gridWidth))
        throw Error(ErrorKind::InvalidArgument, "heatmap grid does not match its dimensions");
    if (width <= 0 || height <= 0) throw Error(ErrorKind::InvalidArgument, "heatmap size must be positive");

    cv::Mat cells(gridHeight, gridWidth, CV_32F, const_cast<float *>(grid.data()));
    double low = 0, high = 0;
    cv::minMaxLoc(cells, &low, &high);
    cv::Mat normalised;
    // A flat map (e.g. one memory token) shows as uniformly low, not as noise stretched to [0, 1].
    cells.convertTo(normalised, CV_32F, high > low ? 1.0 / (high - low) : 0.0, high > low ? -low / (high - low) : 0.0);

    // Output pixel x (centred at x + 0.5) lies at grid coordinate u, where cell c is centred at u = c.
    const GridPlacement where = placement.value_or(GridPlacement::uniform(gridHeight, gridWidth));
    if (!(where.pitchX > 0 && where.pitchY > 0)) throw Error(ErrorKind::InvalidArgument, "heatmap cells need a positive pitch");
    const cv::Matx23d toGrid(1.0 / (width * where.pitchX), 0.0, (0.5 / width - where.originX) / where.pitchX,
                             0.0, 1.0 / (height * where.pitchY), (0.5 / height - where.originY) / where.pitchY);
    cv::Mat upsampled;
    cv::warpAffine(normalised, upsampled, toGrid, cv::Size(width, height),
                   (style.smooth ? cv::INTER_CUBIC : cv::INTER_NEAREST) | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
    if (style.smooth) cv::min(cv::max(upsampled, 0.0), 1.0, upsampled); // bicubic overshoots
    cv::Mat gray, colouredBgr, colouredRgb;
    upsampled.convertTo(gray, CV_8U, 255.0);
    cv::applyColorMap(gray, colouredBgr, openCvColormap(style.colormap));
    cv::cvtColor(colouredBgr, colouredRgb, cv::COLOR_BGR2RGB);
    return fromRgbMat(colouredRgb);
}

RgbImage HeatmapRenderer::render(const RgbImage &image, const std::vector<float> &grid, int gridHeight, int gridWidth,
                                 const HeatmapStyle &style, const std::optional<GridPlacement> &placement)
{
    const cv::Mat base = asRgbMat(image);
    const RgbImage heat = colorize(grid, gridHeight, gridWidth, image.width, image.height, style, placement);
    const double opacity = std::clamp(double(style.opacity), 0.0, 1.0);
    cv::Mat blended;
    cv::addWeighted(base, 1.0 - opacity, asRgbMat(heat), opacity, 0.0, blended);
    return fromRgbMat(blended);
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
