// The attention hit rate: which object a noun names, and whether the attention peak, placed where
// its cell looks, lies inside that object's box.
#include <snaption/attentionmaps.h>
#include <snaption/training/evaluator.h>

#include <QtTest>

using namespace snaption;
using namespace snaption::training;

namespace {

// One word per caption step on an 8 x 8 grid; each step's attention is all on one cell.
AttentionMaps peaks(const std::vector<int> &cells)
{
    std::vector<float> weights(cells.size() * 64, 0.0f);
    for (std::size_t step = 0; step < cells.size(); ++step) weights[step * 64 + std::size_t(cells[step])] = 1.0f;
    return AttentionMaps(int(cells.size()), 1, 1, 8, 8, std::move(weights));
}

SceneObject object(const char *shape, const char *colour, std::array<int, 4> box)
{
    return {shape, colour, "small", box};
}

} // namespace

class TestEvaluator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void peakIsPlacedWhereItsCellLooks()
    {
        // 128 px image, 16 px cells. Cell (2, 3) is the middle of the tile (56, 40) but looks at
        // (48.5, 32.5), as simple_cnn's cells do.
        const std::vector<std::string> words{"a", "red", "circle"};
        AttentionMaps attention = peaks({0, 0, 2 * 8 + 3});
        const std::vector<SceneObject> objects{object("circle", "red", {42, 26, 54, 38})};
        QCOMPARE(Evaluator::attentionHits(words, attention, objects, 128, 128), std::make_pair(1, 0));
        attention.setPlacement({0.5 / 128, 0.5 / 128, 16.0 / 128, 16.0 / 128});
        QCOMPARE(Evaluator::attentionHits(words, attention, objects, 128, 128), std::make_pair(1, 1));
        // And a box around the tile's middle that the cell does not look at is missed.
        const std::vector<SceneObject> aroundTheTile{object("circle", "red", {50, 36, 60, 44})};
        QCOMPARE(Evaluator::attentionHits(words, attention, aroundTheTile, 128, 128), std::make_pair(1, 0));
    }

    void placementScalesWithTheImage()
    {
        // The same placement on a 256 px image: the cell looks at (97, 65).
        AttentionMaps attention = peaks({0, 2 * 8 + 3});
        attention.setPlacement({0.5 / 128, 0.5 / 128, 16.0 / 128, 16.0 / 128});
        const std::vector<std::string> words{"a", "square"};
        QCOMPARE(Evaluator::attentionHits(words, attention, {object("square", "blue", {90, 60, 100, 70})}, 256, 256),
                 std::make_pair(1, 1));
        QCOMPARE(Evaluator::attentionHits(words, attention, {object("square", "blue", {100, 60, 120, 70})}, 256, 256),
                 std::make_pair(1, 0));
    }

    void onlyUnambiguousNounsCount()
    {
        const std::vector<SceneObject> objects{object("circle", "red", {0, 0, 64, 64}), object("circle", "blue", {64, 64, 128, 128}),
                                               object("star", "green", {0, 64, 64, 128})};
        // "circle" alone could be either circle; "blue circle" and "star" name one object each.
        const std::vector<std::string> words{"a", "circle", "a", "blue", "circle", "a", "star", "and", "a", "triangle"};
        const AttentionMaps attention = peaks({0, 0, 0, 0, 7 * 8 + 7, 0, 7 * 8, 0, 0, 0});
        QCOMPARE(Evaluator::attentionHits(words, attention, objects, 128, 128), std::make_pair(2, 2));
    }
};

QTEST_GUILESS_MAIN(TestEvaluator)
#include "tst_evaluator.moc"
