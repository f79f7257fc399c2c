// Caption Screen Region's chooser: the rectangle moves and grows from the keyboard, a drag
// chooses one, Enter takes it and Escape (or closing) cancels; what comes out is exactly that
// part of the screenshot.
#include "regionselector.h"

#include <QPainter>
#include <QSignalSpy>
#include <QtTest>

using snaption::gui::RegionSelector;

namespace {

// Every pixel different, so a crop is only equal to the same crop.
QImage numberedImage(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) image.setPixel(x, y, qRgb(x % 256, y % 256, (x / 256) * 16 + (y / 256)));
    }
    return image;
}

} // namespace

class TestRegionSelector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theKeyboardMovesAndResizesTheRegion()
    {
        const QImage screen = numberedImage(640, 400);
        RegionSelector selector(screen);
        selector.setAttribute(Qt::WA_DeleteOnClose, false);
        selector.resize(640, 400);
        selector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&selector));
        QCOMPARE(selector.selection(), QRect(160, 100, 320, 200)); // the middle half to begin with
        QTest::keyClick(&selector, Qt::Key_Right);
        QTest::keyClick(&selector, Qt::Key_Down, Qt::ControlModifier);
        QCOMPARE(selector.selection(), QRect(176, 101, 320, 200));
        QTest::keyClick(&selector, Qt::Key_Left, Qt::ShiftModifier);
        QTest::keyClick(&selector, Qt::Key_Up, Qt::ShiftModifier);
        QCOMPARE(selector.selection(), QRect(176, 101, 304, 184));
        // Moved against the edge, it stops there whole.
        for (int i = 0; i < 40; ++i) QTest::keyClick(&selector, Qt::Key_Right);
        QCOMPARE(selector.selection(), QRect(336, 101, 304, 184));
        QSignalSpy chosen(&selector, &RegionSelector::chosen);
        QTest::keyClick(&selector, Qt::Key_Return);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().at(0).value<QImage>(), screen.copy(336, 101, 304, 184));
    }

    void aDragChoosesTheRegionInScreenshotPixels()
    {
        // The widget is half the screenshot's size (a scaled screen): its points are doubled.
        const QImage screen = numberedImage(800, 600);
        RegionSelector selector(screen);
        selector.setAttribute(Qt::WA_DeleteOnClose, false);
        selector.resize(400, 300);
        selector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&selector));
        QSignalSpy chosen(&selector, &RegionSelector::chosen);
        QTest::mousePress(&selector, Qt::LeftButton, {}, QPoint(50, 40));
        QTest::mouseMove(&selector, QPoint(120, 90));
        QTest::mouseRelease(&selector, Qt::LeftButton, {}, QPoint(150, 100));
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(selector.selection(), QRect(QPoint(100, 80), QPoint(300, 200)));
        QCOMPARE(chosen.first().at(0).value<QImage>(), screen.copy(QRect(QPoint(100, 80), QPoint(300, 200))));
    }

    void aClickIsNoRegionAndEscapeCancels()
    {
        RegionSelector selector(numberedImage(300, 200));
        selector.setAttribute(Qt::WA_DeleteOnClose, false);
        selector.resize(300, 200);
        selector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&selector));
        QSignalSpy chosen(&selector, &RegionSelector::chosen);
        QSignalSpy cancelled(&selector, &RegionSelector::cancelled);
        QTest::mouseClick(&selector, Qt::LeftButton, {}, QPoint(30, 30));
        QCOMPARE(chosen.count(), 0);
        QCOMPARE(cancelled.count(), 0);
        QVERIFY(selector.isVisible()); // still choosing
        QTest::keyClick(&selector, Qt::Key_Escape);
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!selector.isVisible());
    }

    void closingTheWindowCancelsOnce()
    {
        RegionSelector selector(numberedImage(100, 100));
        selector.setAttribute(Qt::WA_DeleteOnClose, false);
        QSignalSpy cancelled(&selector, &RegionSelector::cancelled);
        selector.show();
        selector.close();
        selector.close();
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!selector.accessibleDescription().isEmpty());
    }
};

QTEST_MAIN(TestRegionSelector)
#include "tst_regionselector.moc"
