#include <snaption/imageloader.h>
#include <snaption/training/datasetloader.h>
#include <snaption/training/syntheticscenes.h>
#include <snaption/vocabulary.h>

#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace snaption;
using namespace snaption::training;

class TestSyntheticScenes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void deterministicPerSeed()
    {
        const auto a = SyntheticScenes::generate(7, 3), b = SyntheticScenes::generate(7, 3), c = SyntheticScenes::generate(8, 3);
        QCOMPARE(a.image.pixels, b.image.pixels);
        QCOMPARE(a.record.captions, b.record.captions);
        QVERIFY(a.image.pixels != c.image.pixels);
    }

    void varietyAndStructure()
    {
        std::set<std::string> shapes, colours;
        std::set<std::size_t> counts;
        for (int i = 0; i < 300; ++i) {
            const auto scene = SyntheticScenes::generate(1, i);
            QCOMPARE(scene.image.width, SyntheticScenes::kDefaultSize);
            QCOMPARE(scene.record.captions.size(), std::size_t(5));
            QCOMPARE(std::set<std::string>(scene.record.captions.begin(), scene.record.captions.end()).size(), std::size_t(5));
            QVERIFY(!scene.record.objects.empty() && scene.record.objects.size() <= 3);
            counts.insert(scene.record.objects.size());
            for (const SceneObject &o : scene.record.objects) {
                shapes.insert(o.shape);
                colours.insert(o.colour);
                QVERIFY(o.box[0] >= 0 && o.box[1] >= 0 && o.box[2] <= 128 && o.box[3] <= 128 && o.box[2] > o.box[0] + 16);
                // Each caption names objects that exist: every shape word is in the scene.
            }
            for (const std::string &caption : scene.record.captions) {
                for (const std::string &word : Vocabulary::tokenize(caption)) {
                    if (std::find(SyntheticScenes::shapes().begin(), SyntheticScenes::shapes().end(), word) == SyntheticScenes::shapes().end())
                        continue;
                    QVERIFY(std::any_of(scene.record.objects.begin(), scene.record.objects.end(), [&](const SceneObject &o) { return o.shape == word; }));
                }
                QVERIFY(Vocabulary::tokenize(caption).size() <= 22);
            }
        }
        QVERIFY(shapes.size() >= 5);
        QVERIFY(colours.size() >= 6);
        QCOMPARE(counts.size(), std::size_t(3));
    }

    void objectColourIsDrawnInsideItsBox()
    {
        // The object's pixels carry its colour: the box centre of a red object is red.
        for (int i = 0; i < 200; ++i) {
            const auto scene = SyntheticScenes::generate(2, i);
            for (const SceneObject &o : scene.record.objects) {
                if (o.colour != "red" || o.shape == "star" || o.shape == "triangle") continue;
                const std::uint8_t *p = scene.image.row((o.box[1] + o.box[3]) / 2) + 3 * ((o.box[0] + o.box[2]) / 2);
                QVERIFY2(p[0] > 170 && p[1] < 90 && p[2] < 90, o.shape.c_str());
            }
        }
    }

    void writtenFolderReadsBack()
    {
        QTemporaryDir dir;
        SyntheticScenes::writeFolder(dir.path().toStdString(), 20, 5);
        DatasetLoader::Options options;
        const Dataset dataset = DatasetLoader::load(dir.path().toStdString(), options);
        QCOMPARE(dataset.format, std::string("folder"));
        QCOMPARE(int(dataset.train.size() + dataset.validation.size() + dataset.test.size()), 20);
        const CaptionedImage &record = dataset.train.front();
        const auto scene = SyntheticScenes::generate(5, std::stoi(record.id.substr(0, 5)));
        QCOMPARE(record.captions, scene.record.captions);
        QCOMPARE(record.objects.size(), scene.record.objects.size());
        QCOMPARE(record.objects.front().box, scene.record.objects.front().box);
        QCOMPARE(ImageLoader().load(record.imagePath).pixels, scene.image.pixels);
    }
};

QTEST_GUILESS_MAIN(TestSyntheticScenes)
#include "tst_syntheticscenes.moc"
