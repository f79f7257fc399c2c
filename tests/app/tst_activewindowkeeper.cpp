// After a dialog closes, the window gets its focus back even when Qt missed the X focus coming
// back (seen under openbox: no active window, no focus widget). The state is made here directly;
// tests/app/orca_speech.py meets the real one after the Open dialog.
#include "activewindowkeeper.h"

#include <QApplication>
#include <QDialog>
#include <QHideEvent>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <QWindow>
#include <QtTest>

using snaption::gui::ActiveWindowKeeper;

class TestActiveWindowKeeper : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aClosedDialogGivesTheWindowItsFocusBack()
    {
        ActiveWindowKeeper keeper;
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *first = new QLineEdit(&window);
        auto *second = new QLineEdit(&window);
        layout->addWidget(first);
        layout->addWidget(second);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        second->setFocus();
        QTRY_VERIFY(second->hasFocus());

        // What openbox leaves after the Open dialog: Qt's focus window is ours, yet no widget is active.
        QApplication::setActiveWindow(nullptr);
        QCOMPARE(QApplication::activeWindow(), nullptr);
        QCOMPARE(QGuiApplication::focusWindow(), window.windowHandle());
        QVERIFY(!second->hasFocus());

        // Something other than a dialog hiding changes nothing.
        QLabel label;
        QHideEvent labelHidden;
        QCoreApplication::sendEvent(&label, &labelHidden);
        QTest::qWait(50);
        QCOMPARE(QApplication::activeWindow(), nullptr);

        QDialog dialog(&window);
        QHideEvent hidden;
        QCoreApplication::sendEvent(&dialog, &hidden);
        QTRY_COMPARE(QApplication::activeWindow(), &window);
        QVERIFY(second->hasFocus()); // where the focus was
    }
};

QTEST_MAIN(TestActiveWindowKeeper)
#include "tst_activewindowkeeper.moc"
