// Choosing a confidence threshold: checked against an exhaustive search over every threshold
// between two scores, written independently with ConfidenceCalibration::levelOf.
#include <snaption/error.h>
#include <snaption/training/confidencecalibrator.h>

#include <QtTest>

#include <algorithm>
#include <random>
#include <set>

using namespace snaption;
using namespace snaption::training;

namespace {

struct Captions {
    std::vector<CaptionScoreMeasures> measures; // the lowest word's log probability: the mean's signal, twice its noise
    std::vector<double> ciderD;
};

using Measure = ConfidenceCalibration::Measure;

// Scores and CIDEr-D that go together, with noise: what a model's captions look like.
Captions correlated(unsigned seed, int count, double noise)
{
    std::mt19937 random(seed);
    std::normal_distribution<double> gaussian(0.0, 1.0);
    Captions captions;
    for (int i = 0; i < count; ++i) {
        const double quality = gaussian(random);
        captions.measures.push_back({-1.0 + 0.3 * quality + noise * gaussian(random), -3.0 + 0.3 * quality + 2 * noise * gaussian(random)});
        captions.ciderD.push_back(std::max(0.0, 0.5 + 0.4 * quality + 0.1 * gaussian(random)));
    }
    return captions;
}

// The largest unsure share any threshold of the measure reaches within the options' bars, by
// trying them all.
double bestShareByTryingEveryThreshold(const Captions &captions, Measure measure, const ConfidenceCalibrator::Options &options)
{
    ConfidenceCalibration candidate;
    candidate.measure = measure;
    std::set<double> distinct;
    for (const CaptionScoreMeasures &m : captions.measures) distinct.insert(candidate.valueOf(m));
    const std::vector<double> sorted(distinct.begin(), distinct.end());
    double best = 0;
    for (std::size_t i = 1; i < sorted.size(); ++i) {
        candidate.unsureBelow = (sorted[i - 1] + sorted[i]) / 2;
        int unsure = 0;
        double unsureSum = 0, confidentSum = 0;
        for (std::size_t c = 0; c < captions.measures.size(); ++c) {
            if (candidate.levelOf(captions.measures[c]) == CaptionConfidence::Unsure) {
                ++unsure;
                unsureSum += captions.ciderD[c];
            } else {
                confidentSum += captions.ciderD[c];
            }
        }
        const int confident = int(captions.measures.size()) - unsure;
        if (unsure < options.minGroupSize || confident < options.minGroupSize) continue;
        if (unsure > options.maxUnsureShare * double(captions.measures.size())) continue;
        const double confidentMean = confidentSum / confident;
        if (confidentMean > 0 && unsureSum / unsure <= options.maxRatio * confidentMean)
            best = std::max(best, double(unsure) / double(captions.measures.size()));
    }
    return best;
}

std::vector<CaptionScoreMeasures> meanOnly(const std::vector<double> &scores)
{
    std::vector<CaptionScoreMeasures> measures;
    for (const double score : scores) measures.push_back({score, 0.0}); // the lowest word says nothing
    return measures;
}

} // namespace

class TestConfidenceCalibrator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void choosesTheLargestShareThatKeepsTheRatio_data()
    {
        QTest::addColumn<unsigned>("seed");
        QTest::addColumn<int>("count");
        QTest::addColumn<double>("noise");
        QTest::addColumn<double>("maxRatio");
        QTest::newRow("close link") << 1u << 1000 << 0.1 << 0.5;
        QTest::newRow("loose link") << 2u << 1000 << 0.4 << 0.5;
        QTest::newRow("strict bar") << 3u << 600 << 0.2 << 0.3;
        QTest::newRow("few captions") << 4u << 60 << 0.1 << 0.5;
    }

    void choosesTheLargestShareThatKeepsTheRatio()
    {
        QFETCH(unsigned, seed);
        QFETCH(int, count);
        QFETCH(double, noise);
        QFETCH(double, maxRatio);
        const Captions captions = correlated(seed, count, noise);
        ConfidenceCalibrator::Options options;
        options.maxRatio = maxRatio;
        const double byMean = bestShareByTryingEveryThreshold(captions, Measure::MeanLogProbability, options);
        const double byWord = bestShareByTryingEveryThreshold(captions, Measure::LowestWordLogProbability, options);
        QVERIFY2(byMean > 0, "the test data should allow a threshold");
        for (const Measure measure : {Measure::MeanLogProbability, Measure::LowestWordLogProbability}) {
            const ConfidenceCalibration one = ConfidenceCalibrator::fitMeasure(measure, captions.measures, captions.ciderD, "dev", "beam 3", options);
            QCOMPARE(one.measure, measure);
            QCOMPARE(one.fitted.unsureShare, measure == Measure::MeanLogProbability ? byMean : byWord);
        }
        // The measure that marks more captions wins (the less noisy mean, here).
        const ConfidenceCalibration calibration = ConfidenceCalibrator::fit(captions.measures, captions.ciderD, "dev", "beam 3", options);
        QCOMPARE(calibration.fitted.unsureShare, std::max(byMean, byWord));
        QCOMPARE(calibration.measure, byWord > byMean ? Measure::LowestWordLogProbability : Measure::MeanLogProbability);
        QVERIFY(calibration.unsureBelow.has_value());
        QVERIFY(calibration.fitted.unsureMeanCiderD <= maxRatio * calibration.fitted.confidentMeanCiderD);
        QCOMPARE(calibration.maxRatio, maxRatio);
        QCOMPARE(calibration.fitted.split, std::string("dev"));
        QCOMPARE(calibration.fitted.decoding, std::string("beam 3"));
        QCOMPARE(calibration.fitted.captions, count);
        // The fitted figures are what check() says of the same captions.
        const ConfidenceCheck again = ConfidenceCalibrator::check(calibration, captions.measures, captions.ciderD, "dev", "beam 3");
        QCOMPARE(again.unsureShare, calibration.fitted.unsureShare);
        QCOMPARE(again.unsureMeanCiderD, calibration.fitted.unsureMeanCiderD);
        QCOMPARE(again.confidentMeanCiderD, calibration.fitted.confidentMeanCiderD);
    }

    void theLowestWordWinsWhereItSeparatesBetter()
    {
        // The mean says nothing; the lowest word's probability ranks the captions perfectly.
        std::vector<CaptionScoreMeasures> measures;
        std::vector<double> ciderD;
        for (int i = 0; i < 200; ++i) {
            measures.push_back({-1.0 - 0.001 * ((i * 37) % 200), -6.0 + 0.02 * i});
            ciderD.push_back(i < 60 ? 0.05 : 0.8);
        }
        const ConfidenceCalibration calibration = ConfidenceCalibrator::fit(measures, ciderD, "dev", "beam 3");
        QCOMPARE(calibration.measure, Measure::LowestWordLogProbability);
        QVERIFY(calibration.fitted.unsureShare >= 0.3);
        QCOMPARE(calibration.levelOf({-1.0, -5.9}), CaptionConfidence::Unsure);
        QCOMPARE(calibration.levelOf({-1.2, -1.0}), CaptionConfidence::Confident);
    }

    void scoresThatSayNothingGiveNoThreshold()
    {
        // Quality independent of the score: no group of low scorers is poor enough.
        std::mt19937 random(9);
        std::uniform_real_distribution<double> uniform(0.0, 1.0);
        std::vector<double> scores, ciderD;
        for (int i = 0; i < 500; ++i) {
            scores.push_back(-2.0 * uniform(random));
            ciderD.push_back(0.3 + 0.4 * uniform(random));
        }
        const ConfidenceCalibration calibration = ConfidenceCalibrator::fit(meanOnly(scores), ciderD, "dev", "beam 3");
        QVERIFY(!calibration.unsureBelow);
        QCOMPARE(calibration.levelOf({-1.9, -1.9}), CaptionConfidence::Unknown);
        QCOMPARE(calibration.fitted.unsureShare, 0.0);
        QCOMPARE(calibration.fitted.captions, 500);
    }

    void equalScoresAreNeverSplit()
    {
        // 30 captions share the lowest score: 12 poor and 18 good, so the group as a whole is not
        // poor enough (mean 0.6 against 1.0), and a threshold inside the group does not exist.
        std::vector<double> scores(30, -3.0), ciderD;
        for (int i = 0; i < 30; ++i) ciderD.push_back(i < 12 ? 0.0 : 1.0);
        for (int i = 0; i < 30; ++i) {
            scores.push_back(-1.0 + 0.01 * i);
            ciderD.push_back(1.0);
        }
        ConfidenceCalibrator::Options options;
        options.minGroupSize = 5;
        const ConfidenceCalibration calibration = ConfidenceCalibrator::fit(meanOnly(scores), ciderD, "dev", "greedy", options);
        QVERIFY(!calibration.unsureBelow);
    }

    void groupsStayLargeEnoughAndUnsureStaysTheMinority()
    {
        // Perfectly ranked captions: every threshold keeps the ratio, so the bars decide.
        std::vector<double> scores, ciderD;
        for (int i = 0; i < 200; ++i) {
            scores.push_back(-2.0 + 0.01 * i);
            ciderD.push_back(i < 150 ? 0.01 * i / 10 : 2.0);
        }
        ConfidenceCalibrator::Options options;
        options.maxUnsureShare = 0.3;
        QCOMPARE(ConfidenceCalibrator::fit(meanOnly(scores), ciderD, "dev", "beam 3", options).fitted.unsureShare, 0.3);
        options.maxUnsureShare = 0.5;
        options.minGroupSize = 150; // neither group could have 150 captions at once
        QVERIFY(!ConfidenceCalibrator::fit(meanOnly(scores), ciderD, "dev", "beam 3", options).unsureBelow);
    }

    void checkCountsAHandMadeCase()
    {
        ConfidenceCalibration calibration;
        calibration.unsureBelow = -1.0;
        const ConfidenceCheck check = ConfidenceCalibrator::check(calibration, meanOnly({-2.0, -1.5, -0.5, -0.2}), {0.1, 0.3, 0.8, 1.2}, "test", "greedy");
        QCOMPARE(check.captions, 4);
        QCOMPARE(check.unsureShare, 0.5);
        QCOMPARE(check.unsureMeanCiderD, 0.2);
        QCOMPARE(check.confidentMeanCiderD, 1.0);
        QCOMPARE(check.split, std::string("test"));
    }

    void mismatchedOrEmptyListsAreRefused()
    {
        QVERIFY_THROWS_EXCEPTION(Error, ConfidenceCalibrator::fit(meanOnly({-1.0, -2.0}), {0.5}, "dev", "beam 3"));
        QVERIFY_THROWS_EXCEPTION(Error, ConfidenceCalibrator::fit({}, {}, "dev", "beam 3"));
        QVERIFY_THROWS_EXCEPTION(Error, ConfidenceCalibrator::check(ConfidenceCalibration{}, meanOnly({-1.0}), {}, "dev", "beam 3"));
    }
};

QTEST_GUILESS_MAIN(TestConfidenceCalibrator)
#include "tst_confidencecalibrator.moc"
