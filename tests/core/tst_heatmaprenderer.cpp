#include <snaption/error.h>
#include <snaption/heatmaprenderer.h>

#include <QtTest>

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

} // namespace

class TestHeatmapRenderer : public QObject {
    Q_OBJECT

private Q_SLOTS:
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
