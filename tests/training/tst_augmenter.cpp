#include <snaption/error.h>
#include <snaption/training/augmenter.h>

#include <cstring>
#include <algorithm>
#include <QtTest>

using namespace snaption;
using namespace snaption::training;

namespace {

RgbImage pattern()
{
    RgbImage image(64, 48);
    for (int y = 0; y < 48; ++y)
        for (int x = 0; x < 64; ++x) {
            std::uint8_t *p = image.row(y) + 3 * x;
            p[0] = std::uint8_t(x * 4);
            p[1] = std::uint8_t(y * 5);
            p[2] = std::uint8_t(x < 32 ? 200 : 40);
        }
    return image;
}

AugmentationConfig only(const std::function<void(AugmentationConfig &)> &enable)
{
    AugmentationConfig config = AugmentationConfig::none();
    enable(config);
    return config;
}

} // namespace

class TestAugmenter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameImage()
    {
        const Augmenter augmenter{AugmentationConfig()};
        std::vector<Augmenter::Applied> first, second;
        QCOMPARE(augmenter.apply(pattern(), 42, &first).pixels, augmenter.apply(pattern(), 42, &second).pixels);
        QCOMPARE(first.size(), second.size());
        bool differs = false;
        for (std::uint64_t seed = 43; seed < 60 && !differs; ++seed) differs = augmenter.apply(pattern(), seed).pixels != augmenter.apply(pattern(), 42).pixels;
        QVERIFY(differs);
    }

    void noneIsIdentity()
    {
        std::vector<Augmenter::Applied> applied;
        QCOMPARE(Augmenter(AugmentationConfig::none()).apply(pattern(), 1, &applied).pixels, pattern().pixels);
        QVERIFY(applied.empty());
    }

    void flipMirrorsAndReportsIt()
    {
        AugmentationConfig config = only([](AugmentationConfig &c) {
            c.horizontalFlip.enabled = true;
            c.horizontalFlip.probability = 1.0;
        });
        std::vector<Augmenter::Applied> applied;
        const RgbImage flipped = Augmenter(config).apply(pattern(), 3, &applied);
        QCOMPARE(applied.size(), std::size_t(1));
        QCOMPARE(applied.front().transform, std::string("horizontal flip"));
        const RgbImage original = pattern();
        QCOMPARE(flipped.row(10)[0], original.row(10)[3 * 63]);
        QCOMPARE(flipped.row(10)[2], original.row(10)[3 * 63 + 2]);
    }

    void sampledParametersStayInRange()
    {
        AugmentationConfig config = only([](AugmentationConfig &c) {
            c.shiftScaleRotate.enabled = true;
            c.shiftScaleRotate.probability = 1.0;
            c.colorJitter.enabled = true;
            c.colorJitter.probability = 1.0;
            c.gaussianBlur.enabled = true;
            c.gaussianBlur.probability = 1.0;
            c.randomResizedCrop.enabled = true;
            c.randomResizedCrop.probability = 1.0;
        });
        const Augmenter augmenter(config);
        for (std::uint64_t seed = 0; seed < 50; ++seed) {
            std::vector<Augmenter::Applied> applied;
            const RgbImage result = augmenter.apply(pattern(), seed, &applied);
            QCOMPARE(result.width, 64);
            QCOMPARE(result.height, 48);
            QCOMPARE(applied.size(), std::size_t(4));
            for (const auto &a : applied) {
                if (a.transform == "shift scale rotate") {
                    QVERIFY(std::abs(a.parameters.at("angle")) <= 15.0);
                    QVERIFY(std::abs(a.parameters.at("scale") - 1.0) <= 0.1 + 1e-9);
                    QVERIFY(std::abs(a.parameters.at("shift_x")) <= 0.05);
                } else if (a.transform == "gaussian blur") {
                    const double k = a.parameters.at("kernel");
                    QVERIFY(k == 3 || k == 5);
                } else if (a.transform == "random resized crop") {
                    QVERIFY(a.parameters.at("scale") >= 0.85 && a.parameters.at("scale") <= 1.0);
                } else if (a.transform == "colour jitter") {
                    QVERIFY(std::abs(a.parameters.at("hue")) <= 0.1);
                }
                QVERIFY(!Augmenter::describe(a).empty());
                QVERIFY(Augmenter::describe(a).rfind(a.transform, 0) == 0);
            }
        }
    }

    void colourTransformsTreatEveryChannelAlike()
    {
        // A grey image stays grey under brightness/contrast and colour jitter, and brightness/contrast
        // follows albumentations: x * (1 + contrast) + brightness * 255, clipped.
        RgbImage grey(16, 8);
        for (int y = 0; y < grey.height; ++y) std::memset(grey.row(y), 100, std::size_t(grey.width) * 3);
        AugmentationConfig config = only([](AugmentationConfig &c) {
            c.brightnessContrast.enabled = true;
            c.brightnessContrast.probability = 1.0;
        });
        for (std::uint64_t seed = 0; seed < 10; ++seed) {
            std::vector<Augmenter::Applied> applied;
            const RgbImage result = Augmenter(config).apply(grey, seed, &applied);
            QCOMPARE(applied.size(), std::size_t(1));
            const double expected = std::clamp(100.0 * (1.0 + applied.front().parameters.at("contrast"))
                                                   + 255.0 * applied.front().parameters.at("brightness"), 0.0, 255.0);
            for (int channel = 0; channel < 3; ++channel)
                QVERIFY(std::abs(result.row(3)[3 * 5 + channel] - expected) <= 1.0);
        }
        config = only([](AugmentationConfig &c) {
            c.colorJitter.enabled = true;
            c.colorJitter.probability = 1.0;
        });
        for (std::uint64_t seed = 0; seed < 10; ++seed) {
            const RgbImage result = Augmenter(config).apply(grey, seed);
            const std::uint8_t *pixel = result.row(4) + 3 * 7;
            QVERIFY2(std::abs(pixel[0] - pixel[1]) <= 1 && std::abs(pixel[1] - pixel[2]) <= 1,
                     qPrintable(QStringLiteral("seed %1: %2 %3 %4").arg(seed).arg(pixel[0]).arg(pixel[1]).arg(pixel[2])));
        }
    }

    void descriptionsListTheDrawnParameters()
    {
        Augmenter::Applied blur;
        blur.transform = "gaussian blur";
        blur.parameters = {{"kernel", 5.0}};
        QCOMPARE(Augmenter::describeParameters(blur), std::string("kernel 5"));
        QCOMPARE(Augmenter::describe(blur), std::string("gaussian blur: kernel 5"));
        Augmenter::Applied flip;
        flip.transform = "horizontal flip";
        QCOMPARE(Augmenter::describe(flip), std::string("horizontal flip"));
        Augmenter::Applied jitter;
        jitter.transform = "colour jitter";
        jitter.parameters = {{"hue", -0.05}, {"brightness", 1.125}};
        QCOMPARE(Augmenter::describeParameters(jitter), std::string("brightness 1.12, hue -0.05"));
    }

    void disablingOneTransformKeepsTheOthers()
    {
        // Every transform draws its numbers even when off: switching the rotation (earlier in the
        // pipeline) off leaves the blur (later) as it was.
        AugmentationConfig config = only([](AugmentationConfig &c) {
            c.shiftScaleRotate.enabled = true;
            c.shiftScaleRotate.probability = 1.0;
            c.gaussianBlur.enabled = true;
            c.gaussianBlur.probability = 1.0;
        });
        for (std::uint64_t seed = 0; seed < 20; ++seed) {
            std::vector<Augmenter::Applied> withRotation, withoutRotation;
            Augmenter(config).apply(pattern(), seed, &withRotation);
            AugmentationConfig off = config;
            off.shiftScaleRotate.enabled = false;
            Augmenter(off).apply(pattern(), seed, &withoutRotation);
            QCOMPARE(withRotation.size(), std::size_t(2));
            QCOMPARE(withoutRotation.size(), std::size_t(1));
            QCOMPARE(withoutRotation.front().parameters, withRotation.back().parameters);
        }
    }

    void jsonRoundTripAndValidation()
    {
        AugmentationConfig config;
        config.colorJitter.hue = 0.05;
        config.gaussianBlur.maxKernel = 7;
        config.horizontalFlip.enabled = false;
        QCOMPARE(AugmentationConfig::fromJson(config.toJson()).toJson(), config.toJson());
        QCOMPARE(AugmentationConfig::fromJson("{\"color_jitter\": {\"hue\": 0.3}}").colorJitter.hue, 0.3);
        QVERIFY_THROWS_EXCEPTION(Error, AugmentationConfig::fromJson("{\"horizontal_flip\": {\"probability\": 2}}"));
        QVERIFY_THROWS_EXCEPTION(Error, AugmentationConfig::fromJson("{\"gaussian_blur\": {\"kernel\": [4, 6]}}"));
        QVERIFY_THROWS_EXCEPTION(Error, AugmentationConfig::fromJson("[]"));
        // A saved pipeline with a misspelt key or a wrong type is refused, naming it.
        const auto refusal = [](const std::string &json) {
            try {
                AugmentationConfig::fromJson(json);
                return std::string("accepted");
            } catch (const Error &error) {
                return std::string(error.what());
            }
        };
        QCOMPARE(refusal("{\"color_jitter\": {\"hue\": \"0.3\"}}"), std::string("augmentation: \"color_jitter.hue\" must be a number, not \"0.3\""));
        QCOMPARE(refusal("{\"gaussian_blur\": {\"kernel\": [3.5, 7]}}"),
                 std::string("augmentation: \"gaussian_blur.kernel[0]\" must be a whole number, not 3.5"));
        QCOMPARE(refusal("{\"horizontal_flip\": {\"enable\": true}}"),
                 std::string("augmentation: unknown key \"horizontal_flip.enable\" (did you mean \"enabled\"?)"));
        QCOMPARE(refusal("{\"horizontal_flip\": 1}"), std::string("augmentation: \"horizontal_flip\" must be an object, not 1"));
    }
};

QTEST_GUILESS_MAIN(TestAugmenter)
#include "tst_augmenter.moc"
