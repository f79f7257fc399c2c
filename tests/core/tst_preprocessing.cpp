#include <snaption/error.h>
#include <snaption/preprocessing.h>

#include "testsupport.h"

#include <QtTest>

using namespace snaption;
using namespace snaption::test;

class TestPreprocessing : public QObject {
    Q_OBJECT

private:
    static RgbImage pattern(int width, int height)
    {
        RgbImage image(width, height);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) {
                std::uint8_t *p = image.row(y) + 3 * x;
                p[0] = std::uint8_t((x * 37 + y * 11) % 256);
                p[1] = std::uint8_t((x * y + 5) % 256);
                p[2] = std::uint8_t(((x / 7) % 2) * 200 + (y % 50));
            }
        return image;
    }

private Q_SLOTS:
    void matchesPyTorch_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("shrink 448 -> 224") << 448 << 448 << 1e-4;
        QTest::newRow("enlarge 112 -> 224") << 112 << 112 << 1e-4;
        QTest::newRow("same size 224") << 224 << 224 << 1e-4;
        // Large images are first shrunk in 8 bits to whole multiples of 224: the result may differ
        // from the float area average by the intermediate's rounding only, under half a level
        // (0.5 / 255 / 0.225 = 0.0087 after normalisation).
        QTest::newRow("shrink 1792 x 1344 -> 224, via 8 bits") << 1792 << 1344 << 0.0088;
        QTest::newRow("shrink 2016 x 896 -> 224, via 8 bits") << 2016 << 896 << 0.0088;
    }

    void matchesPyTorch()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(double, tolerance);
        const RgbImage image = pattern(width, height);
        QTemporaryDir dir;
        writeBytes(dir.filePath(QStringLiteral("in.rgb")), QByteArray(reinterpret_cast<const char *>(image.pixels.data()), int(image.pixels.size())));
        SNAPTION_RUN_FIXTURE(QStringLiteral("preprocess_reference.py"), dir.filePath(QStringLiteral("in.rgb")), QString::number(width),
                             QString::number(height), QStringLiteral("224"), dir.filePath(QStringLiteral("out.f32")));
        const std::vector<float> expected = readFloats(dir.filePath(QStringLiteral("out.f32")));
        const std::vector<float> actual = preprocessImage(image, 224, Normalization::imageNet());
        QCOMPARE(actual.size(), std::size_t(3 * 224 * 224));
        QCOMPARE(expected.size(), actual.size());
        double worst = 0;
        for (std::size_t i = 0; i < actual.size(); ++i) worst = std::max(worst, double(std::abs(actual[i] - expected[i])));
        QVERIFY2(worst < tolerance, qPrintable(QString::number(worst)));
    }

    void normalisationToMinusOneOne()
    {
        RgbImage image(2, 2);
        image.pixels = {0, 255, 51, 255, 0, 204, 0, 255, 51, 255, 0, 204};
        const std::vector<float> values = preprocessImage(image, 2, Normalization::minusOneToOne());
        // Planar: the R values of all four pixels, then G, then B.
        const std::vector<float> expected{-1.0f, 1.0f, -1.0f, 1.0f, 1.0f, -1.0f, 1.0f, -1.0f, -0.6f, 0.6f, -0.6f, 0.6f};
        QCOMPARE(values.size(), expected.size());
        for (std::size_t i = 0; i < values.size(); ++i) QVERIFY(std::abs(values[i] - expected[i]) < 1e-6);
    }

    void resizeImageKeepsAFlatColour()
    {
        RgbImage image(30, 20);
        for (std::size_t i = 0; i < image.pixels.size(); i += 3) {
            image.pixels[i] = 10;
            image.pixels[i + 1] = 120;
            image.pixels[i + 2] = 250;
        }
        for (const auto &[w, h] : {std::pair{7, 5}, std::pair{64, 48}}) {
            const RgbImage resized = resizeImage(image, w, h);
            QCOMPARE(resized.width, w);
            QCOMPARE(resized.height, h);
            QCOMPARE((std::vector<std::uint8_t>(resized.pixels.begin(), resized.pixels.begin() + 3)), (std::vector<std::uint8_t>{10, 120, 250}));
        }
    }

    void emptyImagesAreRejected()
    {
        QVERIFY_THROWS_EXCEPTION(Error, preprocessImage(RgbImage(), 224, Normalization::imageNet()));
        RgbImage broken(4, 4);
        broken.pixels.resize(5);
        QVERIFY_THROWS_EXCEPTION(Error, preprocessImage(broken, 224, Normalization::imageNet()));
    }
};

QTEST_GUILESS_MAIN(TestPreprocessing)
#include "tst_preprocessing.moc"
