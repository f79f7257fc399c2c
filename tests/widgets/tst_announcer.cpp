// The announcer: a message becomes the name of a Notification object shown in the status bar,
// which Orca speaks wherever the focus is (tests/app/orca_speech.py hears it). Offscreen no
// screen reader listens, so the test reads the object and the announced() signal.
#include <snaption/widgets/announcer.h>

#include <QAccessible>
#include <QMainWindow>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QtTest>

using snaption::widgets::Announcer;

class TestAnnouncer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aMessageIsANotificationShownInTheStatusBar()
    {
        QMainWindow window;
        auto *button = new QPushButton(QStringLiteral("Copy"), &window);
        window.setCentralWidget(button);
        auto *announcer = new Announcer(window.statusBar());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy said(announcer, &Announcer::announced);
        QVERIFY(!announcer->isVisible());

        Announcer::announce(button, QStringLiteral("a dog runs on the grass"));
        QCOMPARE(said.count(), 1);
        QCOMPARE(said.first().first().toString(), QStringLiteral("a dog runs on the grass"));
        QVERIFY(announcer->isVisible()); // shown: the event Orca speaks
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(announcer);
        QVERIFY(iface);
        QCOMPARE(iface->role(), QAccessible::Notification);
        QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("a dog runs on the grass"));
        QVERIFY(iface->text(QAccessible::Description).isEmpty()); // nothing said after the message
        QCOMPARE(iface->parent()->role(), QAccessible::StatusBar); // where Orca leaves out "notification"
        QCOMPARE(announcer->focusPolicy(), Qt::NoFocus);
        QVERIFY(announcer->width() <= 1 && announcer->height() <= 1);
        // The focused button is left alone: no description for a screen reader to read again.
        QVERIFY(button->accessibleDescription().isEmpty());
    }

    void theSameMessageTwiceIsShownTwice()
    {
        QMainWindow window;
        auto *announcer = new Announcer(window.statusBar());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        int shown = 0;
        struct ShowCounter : QObject {
            int *count;
            explicit ShowCounter(int *c) : count(c) {}
            bool eventFilter(QObject *, QEvent *event) override
            {
                if (event->type() == QEvent::Show) ++*count;
                return false;
            }
        } counter(&shown);
        announcer->installEventFilter(&counter);
        Announcer::announce(&window, QStringLiteral("Caption copied"));
        Announcer::announce(&window, QStringLiteral("Caption copied"));
        QCOMPARE(shown, 2);
    }

    void emptyMessagesAndWindowsWithoutAnAnnouncerSayNothing()
    {
        QMainWindow window;
        auto *announcer = new Announcer(window.statusBar());
        QMainWindow other;
        window.show();
        other.show();
        QSignalSpy said(announcer, &Announcer::announced);
        Announcer::announce(&window, QString());
        Announcer::announce(&other, QStringLiteral("lost"));
        Announcer::announce(nullptr, QStringLiteral("lost"));
        QCOMPARE(said.count(), 0);
        QCOMPARE(Announcer::of(&other), nullptr);
        QCOMPARE(Announcer::of(window.statusBar()), announcer);
    }
};

QTEST_MAIN(TestAnnouncer)
#include "tst_announcer.moc"
