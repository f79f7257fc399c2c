// The heatmap view composes overlays off the GUI thread: what it shows and hands out is exactly
// HeatmapRenderer's overlay for the latest image, word and settings, however fast they change.
#include <snaption/widgets/heatmapview.h>

#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace snaption;
using namespace snaption::widgets;

namespace {

std::shared_ptr<const RgbImage> photo(int width, int height, int seed)
{
    auto image = std::make_shared<RgbImage>(width, height);
    for (std::size_t i = 0; i < image->pixels.size(); ++i) image->pixels[i] = std::uint8_t((i * 7 + std::size_t(seed) * 31) % 251);
    return image;
}

// Three words, each looking at another cell of a 3 x 3 grid.
AttentionMaps threeWords()
{
    std::vector<float> weights(3 * 9, 0.01f);
    for (int word = 0; word < 3; ++word) weights[std::size_t(word * 9 + word * 4)] = 1.0f;
    return AttentionMaps(3, 1, 1, 3, 3, weights);
}

} // namespace

class TestHeatmapView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsTheComposedOverlayOnceReady()
    {
        HeatmapView view;
        QSignalSpy composed(&view, &HeatmapView::overlayChanged);
        const auto image = photo(640, 480, 1);
        view.show(image, threeWords(), 1);
        QVERIFY(composed.wait(5000));
        QCOMPARE(composed.count(), 1);
        QCOMPARE(view.overlay().pixels, HeatmapView::compose(*image, threeWords(), 1, view.settings()).pixels);
        QVERIFY(view.overlay().pixels != image->pixels);
    }

    // Saving the overlay right after a word was chosen saves that word's overlay.
    void overlayWaitsForTheCompositionUnderWay()
    {
        HeatmapView view;
        QSignalSpy composed(&view, &HeatmapView::overlayChanged);
        const auto image = photo(1600, 1200, 2);
        view.show(image, threeWords(), 0);
        view.setWord(2);
        QCOMPARE(view.overlay().pixels, HeatmapView::compose(*image, threeWords(), 2, view.settings()).pixels);
        QCOMPARE(composed.count(), 1); // applied once, not again when its signal arrives
        QTest::qWait(50);
        QCOMPARE(composed.count(), 1);
    }

    // Stepping through words faster than they compose ends on the last one, and an earlier
    // request's picture never replaces a later one's.
    void onlyTheLatestRequestIsShown()
    {
        HeatmapView view;
        QSignalSpy composed(&view, &HeatmapView::overlayChanged);
        const auto first = photo(1600, 1200, 3), second = photo(800, 600, 4);
        view.show(first, threeWords(), 0);
        for (int round = 0; round < 5; ++round)
            for (int word = 0; word < 3; ++word) view.setWord(word);
        view.show(second, threeWords(), 1);
        QTRY_VERIFY(composed.count() >= 1);
        QTest::qWait(300);
        QVERIFY(composed.count() <= 2);
        QCOMPARE(view.overlay().width, 800);
        QCOMPARE(view.overlay().pixels, HeatmapView::compose(*second, threeWords(), 1, view.settings()).pixels);
    }

    void theImageAloneIsShownAtOnce()
    {
        HeatmapView view;
        const auto image = photo(320, 240, 5);
        view.show(image, threeWords(), 0);
        QSignalSpy composed(&view, &HeatmapView::overlayChanged);
        HeatmapSettings hidden = view.settings();
        hidden.visible = false;
        view.setSettings(hidden);
        QCOMPARE(composed.count(), 1); // no composition to wait for
        QCOMPARE(view.overlay().pixels, image->pixels);
        view.clear();
        QVERIFY(view.overlay().isNull());
    }

    void closingWhileComposingIsSafe()
    {
        const auto image = photo(1600, 1200, 6);
        for (int i = 0; i < 5; ++i) {
            auto view = std::make_unique<HeatmapView>();
            view->show(image, threeWords(), i % 3);
            view.reset();
        }
    }
};

QTEST_MAIN(TestHeatmapView)
#include "tst_heatmapview.moc"
