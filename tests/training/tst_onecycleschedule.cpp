// The learning-rate cycle equals PyTorch's OneCycleLR, and resizing it mid-run (the budget
// planner growing or shrinking the plan) neither jumps nor misses the cycle's end.
#include "onecycleschedule.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

using snaption::training::OneCycleSchedule;

class TestOneCycleSchedule : public QObject {
    Q_OBJECT

private:
    static constexpr double kMax = 2e-3, kWarmup = 0.1;
    static double minimum() { return kMax / 25.0 / 1e4; }
    // The largest change of the rate from one step to the next over [from, to).
    static double largestStepChange(const OneCycleSchedule &schedule, int from, int to)
    {
        double largest = 0;
        for (int step = from + 1; step < to; ++step) largest = std::max(largest, std::abs(schedule.at(step) - schedule.at(step - 1)));
        return largest;
    }

private Q_SLOTS:
    void matchesPyTorch_data()
    {
        QTest::addColumn<int>("total");
        QTest::newRow("short") << 37;
        QTest::newRow("long") << 1410;
    }
    void matchesPyTorch()
    {
        QFETCH(int, total);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rates.f32"));
        SNAPTION_RUN_FIXTURE(QStringLiteral("onecycle_reference.py"), path, QString::number(kMax), QString::number(total), QString::number(kWarmup));
        const std::vector<float> reference = snaption::test::readFloats(path);
        QCOMPARE(int(reference.size()), total);
        const OneCycleSchedule schedule(kMax, total, kWarmup);
        for (int step = 0; step < total; ++step)
            QVERIFY2(std::abs(schedule.at(step) - reference[std::size_t(step)]) <= 1e-6 * kMax, qPrintable(QString::number(step)));
    }

    void resizingKeepsTheRateAndReachesTheEnd_data()
    {
        QTest::addColumn<int>("resizeAt");
        QTest::addColumn<int>("newTotal");
        QTest::newRow("grow during warm-up") << 5 << 1000;
        QTest::newRow("shrink during warm-up") << 5 << 60;
        QTest::newRow("grow while annealing") << 150 << 1000;
        QTest::newRow("shrink while annealing") << 150 << 180;
        QTest::newRow("shrink to the next step") << 150 << 151;
    }
    void resizingKeepsTheRateAndReachesTheEnd()
    {
        QFETCH(int, resizeAt);
        QFETCH(int, newTotal);
        const OneCycleSchedule first(kMax, 200, kWarmup);
        const OneCycleSchedule resized = first.resized(resizeAt, newTotal);
        QCOMPARE(resized.at(resizeAt), first.at(resizeAt));
        for (int step = 0; step <= resizeAt; ++step) QVERIFY(resized.progress(step) <= resized.progress(resizeAt));
        // No step of the resized cycle changes the rate more than the steepest of the shorter of
        // the two cycles, or than the one step left when it is the very next.
        const int shorter = std::min(200, newTotal);
        const double steepest = largestStepChange(OneCycleSchedule(kMax, shorter, kWarmup), 0, shorter);
        if (newTotal - resizeAt > 1) QVERIFY(largestStepChange(resized, resizeAt, newTotal) <= steepest * 1.5 + 1e-12);
        // The cycle ends at its minimum, unless no step is left to get there without a jump.
        if (newTotal - 1 > resizeAt) QVERIFY(std::abs(resized.at(newTotal - 1) - minimum()) < 1e-12);
        else QCOMPARE(resized.at(newTotal - 1), first.at(resizeAt));
        // The peak is still reached (to within the step's resolution) when the resize came during the warm-up.
        double peak = 0;
        for (int step = resizeAt; step < newTotal; ++step) peak = std::max(peak, resized.at(step));
        QVERIFY(peak > 0.97 * kMax || resizeAt > kWarmup * 200);
    }

    void resizedTwiceStaysContinuous()
    {
        const OneCycleSchedule first(kMax, 300, kWarmup);
        const OneCycleSchedule second = first.resized(40, 120).resized(80, 900);
        QCOMPARE(second.at(80), first.resized(40, 120).at(80));
        QVERIFY(second.at(81) < second.at(80)); // still annealing, slower now
        QVERIFY(std::abs(second.at(899) - minimum()) < 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestOneCycleSchedule)
#include "tst_onecycleschedule.moc"
