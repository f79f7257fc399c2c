#include <snaption/error.h>
#include <snaption/heatmaprenderer.h>

#include <opencv2/imgproc.hpp>

#include <QtTest>

#include <cstring>
#include <random>

using namespace snaption;

namespace {

RgbImage flat(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b)
{
    RgbImage image(w, h);
    for (std::size_t i = 0; i < image.pixels.size(); i += 3) {
        image.pixels[i] = r;
        image.pixels[i + 1] = g;
        image.pixels[i + 2] = b;
    }
    return image;
}

std::array<int, 3> at(const RgbImage &image, int x, int y)
{
    const std::uint8_t *p = image.row(y) + 3 * x;
    return {p[0], p[1], p[2]};
}

bool near(std::array<int, 3> a, std::array<int, 3> b, int tolerance = 2)
{
    for (int i = 0; i < 3; ++i)
        if (std::abs(a[std::size_t(i)] - b[std::size_t(i)]) > tolerance) return false;
    return true;
}

// matplotlib's viridis at 0 and 1, and inferno at 1.
constexpr std::array<int, 3> kViridisLow{68, 1, 84};
constexpr std::array<int, 3> kViridisHigh{253, 231, 37};
constexpr std::array<int, 3> kInfernoHigh{252, 255, 164};

int openCvColormap(Colormap colormap)
{
    return colormap == Colormap::Jet ? cv::COLORMAP_JET : colormap == Colormap::Inferno ? cv::COLORMAP_INFERNO : cv::COLORMAP_VIRIDIS;
}

// The reference: OpenCV's functions one after another (how the renderer drew until it was fused
// into one pass): normalise, warpAffine (bicubic or nearest, edges replicated), clamp and
// convertTo; the grey levels the colormap is then looked up with.
cv::Mat openCvLevels(const std::vector<float> &grid, int gridHeight, int gridWidth, int width, int height, bool smooth, const GridPlacement &where)
{
    cv::Mat cells(gridHeight, gridWidth, CV_32F, const_cast<float *>(grid.data()));
    double low = 0, high = 0;
    cv::minMaxLoc(cells, &low, &high);
    cv::Mat normalised;
    cells.convertTo(normalised, CV_32F, high > low ? 1.0 / (high - low) : 0.0, high > low ? -low / (high - low) : 0.0);
    const cv::Matx23d toGrid(1.0 / (width * where.pitchX), 0.0, (0.5 / width - where.originX) / where.pitchX, 0.0, 1.0 / (height * where.pitchY),
                             (0.5 / height - where.originY) / where.pitchY);
    cv::Mat upsampled, levels;
    cv::warpAffine(normalised, upsampled, toGrid, cv::Size(width, height), (smooth ? cv::INTER_CUBIC : cv::INTER_NEAREST) | cv::WARP_INVERSE_MAP,
                   cv::BORDER_REPLICATE);
    cv::min(cv::max(upsampled, 0.0), 1.0, upsampled);
    upsampled.convertTo(levels, CV_8U, 255.0);
    return levels;
}

// The grey levels computed directly, in double precision, pixel by pixel: the bicubic
// convolution (Keys, a = -0.75, OpenCV's) at each pixel's exact place, edges replicated, or the
// nearest cell.
std::vector<int> exactLevels(const std::vector<float> &grid, int gridHeight, int gridWidth, int width, int height, bool smooth, const GridPlacement &where)
{
    const auto [low, high] = std::minmax_element(grid.begin(), grid.end());
    const auto cell = [&](int row, int col) {
        row = std::clamp(row, 0, gridHeight - 1);
        col = std::clamp(col, 0, gridWidth - 1);
        return *high > *low ? (double(grid[std::size_t(row * gridWidth + col)]) - *low) / (double(*high) - *low) : 0.0;
    };
    const auto keys = [](double d) {
        constexpr double a = -0.75;
        d = std::abs(d);
        return d <= 1 ? ((a + 2) * d - (a + 3)) * d * d + 1 : d < 2 ? ((a * d - 5 * a) * d + 8 * a) * d - 4 * a : 0.0;
    };
    std::vector<int> levels;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const double u = (x + 0.5) / (width * where.pitchX) - where.originX / where.pitchX;
            const double v = (y + 0.5) / (height * where.pitchY) - where.originY / where.pitchY;
            double value = 0;
            if (!smooth) {
                value = cell(int(std::floor(v + 0.5)), int(std::floor(u + 0.5)));
            } else {
                for (int row = int(std::floor(v)) - 1; row <= int(std::floor(v)) + 2; ++row)
                    for (int col = int(std::floor(u)) - 1; col <= int(std::floor(u)) + 2; ++col) value += keys(v - row) * keys(u - col) * cell(row, col);
            }
            levels.push_back(int(std::lround(std::clamp(value, 0.0, 1.0) * 255)));
        }
    return levels;
}

// The grey level each pixel of a heatmap drawn alone was coloured from: the level whose colour in
// OpenCV's colormap (applyColorMap of a ramp) is nearest.
std::vector<int> levelsOf(const RgbImage &heat, Colormap colormap)
{
    cv::Mat ramp(1, 256, CV_8UC1), table;
    for (int i = 0; i < 256; ++i) ramp.at<std::uint8_t>(0, i) = std::uint8_t(i);
    cv::applyColorMap(ramp, table, openCvColormap(colormap));
    std::vector<int> levels;
    for (std::size_t i = 0; i < heat.pixels.size(); i += 3) {
        int best = 0, bestDistance = 1 << 30;
        for (int level = 0; level < 256; ++level) {
            const cv::Vec3b bgr = table.at<cv::Vec3b>(0, level);
            const int distance = std::abs(heat.pixels[i] - bgr[2]) + std::abs(heat.pixels[i + 1] - bgr[1]) + std::abs(heat.pixels[i + 2] - bgr[0]);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = level;
            }
        }
        levels.push_back(best);
    }
    return levels;
}

} // namespace

class TestHeatmapRenderer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The one-pass renderer draws what OpenCV's functions drew: the same grey levels within what
    // OpenCV's own rounding moves (it places bicubic samples on a 1/32-cell grid, in steps of 7
    // pixels across a photo's cell; nearest cells differ only at exact ties on cell borders), and
    // addWeighted's blend of them with the image.
    void drawsWhatOpenCvsFunctionsDraw_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("gridHeight");
        QTest::addColumn<int>("gridWidth");
        QTest::addColumn<bool>("smooth");
        QTest::addColumn<int>("colormap");
        QTest::addColumn<float>("opacity");
        QTest::addColumn<bool>("placed"); // cells placed off the equal tiles (AttentionMaps::placement)
        QTest::newRow("photo, 7 x 7, bicubic") << 1600 << 1200 << 7 << 7 << true << int(Colormap::Viridis) << 0.5f << false;
        QTest::newRow("odd size, 7 x 7, nearest") << 333 << 217 << 7 << 7 << false << int(Colormap::Jet) << 0.7f << false;
        QTest::newRow("placed cells, bicubic") << 640 << 480 << 7 << 7 << true << int(Colormap::Inferno) << 0.35f << true;
        QTest::newRow("placed cells, nearest") << 500 << 375 << 7 << 7 << false << int(Colormap::Viridis) << 0.5f << true;
        QTest::newRow("wide grid, small image") << 31 << 9 << 3 << 12 << true << int(Colormap::Jet) << 1.0f << false;
        QTest::newRow("one cell") << 64 << 48 << 1 << 1 << true << int(Colormap::Viridis) << 0.5f << false;
        QTest::newRow("image only") << 100 << 80 << 7 << 7 << true << int(Colormap::Viridis) << 0.0f << false;
    }

    void drawsWhatOpenCvsFunctionsDraw()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, gridHeight);
        QFETCH(int, gridWidth);
        QFETCH(bool, smooth);
        QFETCH(int, colormap);
        QFETCH(float, opacity);
        QFETCH(bool, placed);
        std::mt19937 random(std::uint32_t(width * 7 + height));
        std::uniform_real_distribution<float> weight(0.0f, 1.0f);
        std::vector<float> grid(std::size_t(gridHeight) * std::size_t(gridWidth));
        for (float &cell : grid) cell = weight(random);
        RgbImage image(width, height);
        for (std::uint8_t &value : image.pixels) value = std::uint8_t(random() % 256);
        HeatmapStyle style;
        style.smooth = smooth;
        style.colormap = Colormap(colormap);
        style.opacity = opacity;
        const GridPlacement where = placed ? GridPlacement{0.1, 0.08, 0.13, 0.14} : GridPlacement::uniform(gridHeight, gridWidth);
        const RgbImage heat = HeatmapRenderer::colorize(grid, gridHeight, gridWidth, width, height, style, where);
        const std::vector<int> ours = levelsOf(heat, style.colormap);
        const cv::Mat reference = openCvLevels(grid, gridHeight, gridWidth, width, height, smooth, where);
        int worst = 0, apart = 0;
        double sum = 0;
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) {
                const int difference = std::abs(ours[std::size_t(y) * std::size_t(width) + std::size_t(x)] - int(reference.at<std::uint8_t>(y, x)));
                worst = std::max(worst, difference);
                sum += difference;
                apart += difference > 1;
            }
        const double mean = sum / (double(width) * height);
        const QString report = QStringLiteral("largest %1, mean %2, %3 pixels more than one level apart").arg(worst).arg(mean).arg(apart);
        if (smooth) QVERIFY2(worst <= 12 && mean < 1.5, qPrintable(report));
        else QVERIFY2(apart <= width * height / 100, qPrintable(report));
        // Against the exact computation: at most a level apart (float rounding: a cell whose level
        // lies near .5 moves all its pixels at once).
        const std::vector<int> exact = exactLevels(grid, gridHeight, gridWidth, width, height, smooth, where);
        int exactWorst = 0, exactApart = 0;
        for (std::size_t i = 0; i < exact.size(); ++i) {
            exactWorst = std::max(exactWorst, std::abs(ours[i] - exact[i]));
            exactApart += ours[i] != exact[i];
        }
        QVERIFY2(exactWorst <= 1 && exactApart <= int(exact.size() / 20), qPrintable(QStringLiteral("%1 / %2").arg(exactWorst).arg(exactApart)));

        // The blend: addWeighted of the image and the heatmap drawn alone.
        const RgbImage blended = HeatmapRenderer::render(image, grid, gridHeight, gridWidth, style, where);
        cv::Mat mixed;
        cv::addWeighted(cv::Mat(height, width, CV_8UC3, image.pixels.data()), 1.0 - opacity,
                        cv::Mat(height, width, CV_8UC3, const_cast<std::uint8_t *>(heat.pixels.data())), opacity, 0.0, mixed);
        int blendWorst = 0;
        for (std::size_t i = 0; i < blended.pixels.size(); ++i) blendWorst = std::max(blendWorst, std::abs(int(blended.pixels[i]) - int(mixed.data[i])));
        QVERIFY2(blendWorst <= 1, qPrintable(QString::number(blendWorst)));
    }

    void peakCellIsBrightestWhereItBelongs()
    {
        // A 2 x 2 grid whose top-right cell holds the attention.
        const std::vector<float> grid{0.0f, 1.0f, 0.0f, 0.0f};
        HeatmapStyle style;
        style.smooth = false;
        const RgbImage heat = HeatmapRenderer::colorize(grid, 2, 2, 40, 20, style);
        QCOMPARE(heat.width, 40);
        QCOMPARE(heat.height, 20);
        QVERIFY(near(at(heat, 30, 5), kViridisHigh));
        QVERIFY(near(at(heat, 5, 5), kViridisLow));
        QVERIFY(near(at(heat, 5, 15), kViridisLow));
        style.colormap = Colormap::Inferno;
        QVERIFY(near(at(HeatmapRenderer::colorize(grid, 2, 2, 40, 20, style), 30, 5), kInfernoHigh));
    }

    void smoothingBlendsNeighbours()
    {
        const std::vector<float> grid{0.0f, 1.0f, 0.0f, 0.0f};
        HeatmapStyle style;
        const RgbImage smooth = HeatmapRenderer::colorize(grid, 2, 2, 40, 20, style);
        style.smooth = false;
        const RgbImage blocky = HeatmapRenderer::colorize(grid, 2, 2, 40, 20, style);
        // At the cell border the smooth map is between the two extremes, the blocky one is not.
        QVERIFY(!near(at(smooth, 20, 5), kViridisLow, 20) && !near(at(smooth, 20, 5), kViridisHigh, 20));
        QVERIFY(near(at(blocky, 19, 5), kViridisLow) || near(at(blocky, 19, 5), kViridisHigh));
        QVERIFY(near(at(smooth, 39, 0), kViridisHigh, 30)); // corner of the peak cell stays hot
    }

    void cellsAreDrawnWhereTheyAreplaced()
    {
        // A 4 x 4 grid over 64 x 64 pixels whose cells look 6 px up-left of equal tiles' centres:
        // cell c is centred at 2 + 16c px. The hot cell (row 1, column 2) is centred at (34, 18).
        std::vector<float> grid(16, 0.0f);
        grid[1 * 4 + 2] = 1.0f;
        const GridPlacement placement{2.0 / 64, 2.0 / 64, 16.0 / 64, 16.0 / 64};
        HeatmapStyle style;
        style.smooth = false;
        const RgbImage blocky = HeatmapRenderer::colorize(grid, 4, 4, 64, 64, style, placement);
        // Pixel x (centre x + 0.5) belongs to the cell whose centre is nearest: columns 26..41, rows 10..25.
        QVERIFY(near(at(blocky, 26, 18), kViridisHigh) && near(at(blocky, 41, 18), kViridisHigh));
        QVERIFY(near(at(blocky, 25, 18), kViridisLow) && near(at(blocky, 42, 18), kViridisLow));
        QVERIFY(near(at(blocky, 34, 10), kViridisHigh) && near(at(blocky, 34, 25), kViridisHigh));
        QVERIFY(near(at(blocky, 34, 9), kViridisLow) && near(at(blocky, 34, 26), kViridisLow));
        // Equal tiles: the same cell covers columns 32..47, rows 16..31.
        const RgbImage tiles = HeatmapRenderer::colorize(grid, 4, 4, 64, 64, style);
        QVERIFY(near(at(tiles, 26, 18), kViridisLow) && near(at(tiles, 47, 18), kViridisHigh));

        style.smooth = true;
        const RgbImage smooth = HeatmapRenderer::colorize(grid, 4, 4, 64, 64, style, placement);
        QVERIFY(near(at(smooth, 33, 17), kViridisHigh, 10));  // the pixels around (34, 18) carry the peak
        QVERIFY(!near(at(smooth, 40, 24), kViridisHigh, 10)); // the tile's centre does not

        QVERIFY_THROWS_EXCEPTION(Error, HeatmapRenderer::colorize(grid, 4, 4, 64, 64, style, GridPlacement{0.5, 0.5, 0.0, 0.25}));
    }

    void opacityBlendsWithTheImage()
    {
        const RgbImage image = flat(8, 8, 200, 100, 0);
        const std::vector<float> grid(4, 0.25f); // flat map: lowest colour everywhere
        HeatmapStyle style;
        style.opacity = 0.0f;
        QCOMPARE(HeatmapRenderer::render(image, grid, 2, 2, style).pixels, image.pixels);
        style.opacity = 1.0f;
        QVERIFY(near(at(HeatmapRenderer::render(image, grid, 2, 2, style), 3, 3), kViridisLow));
        style.opacity = 0.5f;
        QVERIFY(near(at(HeatmapRenderer::render(image, grid, 2, 2, style), 3, 3), {(200 + 68) / 2, (100 + 1) / 2, 84 / 2}));
    }

    void colormapNames()
    {
        for (const Colormap c : {Colormap::Viridis, Colormap::Inferno, Colormap::Jet})
            QCOMPARE(HeatmapRenderer::colormapFromName(HeatmapRenderer::colormapName(c)), std::optional<Colormap>(c));
        QVERIFY(!HeatmapRenderer::colormapFromName("rainbow"));
    }

    void mismatchedGridIsRejected()
    {
        QVERIFY_THROWS_EXCEPTION(Error, HeatmapRenderer::colorize({1.0f, 2.0f}, 2, 2, 10, 10));
        QVERIFY_THROWS_EXCEPTION(Error, HeatmapRenderer::render(RgbImage(), {1.0f}, 1, 1));
    }
};

QTEST_GUILESS_MAIN(TestHeatmapRenderer)
#include "tst_heatmaprenderer.moc"
