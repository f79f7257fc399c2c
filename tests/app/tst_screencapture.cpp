// Caption the Screen: Qt's own grab on X11 (a real Xvfb display: the pixels of a window shown at
// a known place come back) and the desktop portal's Screenshot interface on a real D-Bus session
// (a stand-in portal, tests/app/screenshot_portal.py, answers as xdg-desktop-portal does: later,
// by a Response signal). Run by run_x11_test.sh under xvfb-run and dbus-run-session.
#include "regionselector.h"
#include "screencapture.h"
#include "x11desktop.h"

#include <testsupport.h>

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWidget>
#include <QtTest>

using snaption::gui::ScreenCapture;

namespace {

// A window that is all one colour, for finding its pixels on the screen.
class SolidWindow : public QWidget {
public:
    explicit SolidWindow(QColor colour) : m_colour(colour) { setWindowFlag(Qt::FramelessWindowHint); }

protected:
    void paintEvent(QPaintEvent *) override { QPainter(this).fillRect(rect(), m_colour); }

private:
    QColor m_colour;
};

QImage testPattern()
{
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QPainter painter(&image);
    painter.fillRect(8, 8, 20, 12, Qt::yellow);
    return image;
}

} // namespace

class TestScreenCapture : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_portal;

    // The stand-in portal, answering every call in this mode; false when it cannot run here.
    bool startPortal(const QString &mode, QString *problem)
    {
        const QString image = m_dir.filePath(QStringLiteral("portal-shot.png"));
        testPattern().save(image);
        QFile::remove(record());
        m_portal.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_portal.start(QStringLiteral("/usr/bin/python3"),
                       {QStringLiteral(SNAPTION_SOURCE_DIR "/tests/app/screenshot_portal.py"), mode, image, record()});
        if (!m_portal.waitForReadyRead(15000) || !m_portal.readLine().startsWith("ready")) {
            *problem = QStringLiteral("the stand-in portal did not start (python3-dbus, python3-gi?)");
            return false;
        }
        return true;
    }
    void stopPortal()
    {
        if (m_portal.state() == QProcess::NotRunning) return;
        m_portal.terminate();
        m_portal.waitForFinished(5000);
        // Gone from the bus before the next test asks.
        QTRY_VERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(QStringLiteral("org.freedesktop.portal.Desktop")));
    }
    QString record() const { return m_dir.filePath(QStringLiteral("portal-calls.jsonl")); }
    QList<QJsonObject> portalCalls() const { return snaption::test::readJsonLines(record()); }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QDBusConnection::sessionBus().isConnected()) {
            if (snaption::test::underCi()) QFAIL("no D-Bus session (run under dbus-run-session)");
            QSKIP("no D-Bus session (run under dbus-run-session)");
        }
    }
    void cleanup() { stopPortal(); }

    void thePortalsScreenshotIsRead()
    {
        QString problem;
        if (!startPortal(QStringLiteral("ok"), &problem)) QFAIL(qPrintable(problem));
        ScreenCapture capture;
        capture.setUsePortal(true);
        QSignalSpy captured(&capture, &ScreenCapture::captured);
        QSignalSpy failed(&capture, &ScreenCapture::failed);
        capture.capture(ScreenCapture::Target::Screen);
        const bool answered = captured.wait(10000);
        const QString why = failed.isEmpty() ? QStringLiteral("no answer") : failed.first().at(0).toString();
        QVERIFY2(answered, qPrintable(why));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(captured.first().at(0).value<QImage>().convertToFormat(QImage::Format_RGB32), testPattern());
        QCOMPARE(captured.first().at(1).toString(), capture.sourceName(ScreenCapture::Target::Screen));
        // The whole screen needs no choice; a window or a region is chosen in the portal's dialog.
        capture.capture(ScreenCapture::Target::ActiveWindow);
        QVERIFY(captured.wait(10000));
        QCOMPARE(captured.last().at(1).toString(), capture.sourceName(ScreenCapture::Target::ActiveWindow));
        const QList<QJsonObject> calls = portalCalls();
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls[0][QStringLiteral("options")][QStringLiteral("interactive")].toBool(), false);
        QCOMPARE(calls[1][QStringLiteral("options")][QStringLiteral("interactive")].toBool(), true);
        QVERIFY(calls[0][QStringLiteral("options")][QStringLiteral("handle_token")].toString().startsWith(QLatin1String("snaption")));
    }

    void thePortalsRefusalsAreSaid_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("message");
        QTest::newRow("cancelled") << QStringLiteral("cancel") << QStringLiteral("The screenshot was cancelled");
        QTest::newRow("refused") << QStringLiteral("refuse") << QStringLiteral("the desktop refused");
        QTest::newRow("not a local file") << QStringLiteral("remote") << QStringLiteral("gave no file");
    }
    void thePortalsRefusalsAreSaid()
    {
        QFETCH(QString, mode);
        QFETCH(QString, message);
        QString problem;
        if (!startPortal(mode, &problem)) QFAIL(qPrintable(problem));
        ScreenCapture capture;
        capture.setUsePortal(true);
        QSignalSpy captured(&capture, &ScreenCapture::captured);
        QSignalSpy failed(&capture, &ScreenCapture::failed);
        capture.capture(ScreenCapture::Target::Region);
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.first().at(0).toString().contains(message), qPrintable(failed.first().at(0).toString()));
        QCOMPARE(captured.count(), 0);
    }

    void aSessionWithoutAPortalIsSaid()
    {
        ScreenCapture capture;
        capture.setUsePortal(true);
        QSignalSpy failed(&capture, &ScreenCapture::failed);
        capture.capture(ScreenCapture::Target::Screen);
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.first().at(0).toString().contains(QLatin1String("no screenshot portal")), qPrintable(failed.first().at(0).toString()));
    }

    void onX11TheScreenHoldsAWindowsPixels()
    {
        if (!snaption::gui::X11Desktop::isX11()) QFAIL("not on X11: run under xvfb-run with QT_QPA_PLATFORM=xcb");
        SolidWindow window(QColor(200, 40, 120));
        window.setGeometry(100, 120, 160, 90);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(200);
        ScreenCapture capture;
        QSignalSpy captured(&capture, &ScreenCapture::captured);
        capture.capture(ScreenCapture::Target::Screen);
        QCOMPARE(captured.count(), 1); // Qt's grab is immediate
        const QImage screen = captured.first().at(0).value<QImage>();
        QCOMPARE(screen.size(), QGuiApplication::primaryScreen()->size());
        const QPoint inside = window.geometry().center();
        QCOMPARE(QColor(screen.pixel(inside)), QColor(200, 40, 120));
        QVERIFY(QColor(screen.pixel(window.geometry().topLeft() - QPoint(5, 5))) != QColor(200, 40, 120));
    }

    void onX11WithoutAWindowManagerTheActiveWindowIsUnknown()
    {
        // Xvfb alone has no window manager, so nothing sets _NET_ACTIVE_WINDOW (the end-to-end test,
        // run_screen_test.sh, has openbox and captures a real active window).
        if (!snaption::gui::X11Desktop::isX11()) QFAIL("not on X11");
        QCOMPARE(snaption::gui::X11Desktop::activeWindow(), quintptr(0));
        ScreenCapture capture;
        QSignalSpy failed(&capture, &ScreenCapture::failed);
        capture.capture(ScreenCapture::Target::ActiveWindow);
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.first().at(0).toString().contains(QLatin1String("does not say which window is active")), qPrintable(failed.first().at(0).toString()));
    }

    void theRegionIsChosenOnAScreenshot()
    {
        ScreenCapture capture;
        QSignalSpy captured(&capture, &ScreenCapture::captured);
        QSignalSpy failed(&capture, &ScreenCapture::failed);
        capture.capture(ScreenCapture::Target::Region);
        QVERIFY(capture.regionSelector());
        QVERIFY(QTest::qWaitForWindowExposed(capture.regionSelector()));
        const QRect chosen = capture.regionSelector()->selection();
        QTest::keyClick(capture.regionSelector(), Qt::Key_Return);
        QCOMPARE(captured.count(), 1);
        QCOMPARE(captured.first().at(0).value<QImage>().size(), chosen.size());
        QCOMPARE(captured.first().at(1).toString(), capture.sourceName(ScreenCapture::Target::Region));
        QTRY_VERIFY(!capture.regionSelector());
        capture.capture(ScreenCapture::Target::Region);
        QVERIFY(QTest::qWaitForWindowExposed(capture.regionSelector()));
        QTest::keyClick(capture.regionSelector(), Qt::Key_Escape);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(captured.count(), 1);
    }
};

QTEST_MAIN(TestScreenCapture)
#include "tst_screencapture.moc"
