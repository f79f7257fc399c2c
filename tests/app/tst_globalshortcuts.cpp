// Global shortcuts through X11 key grabs, on a real X server (run_x11_test.sh: Xvfb): a key
// pressed by another client (xdotool) reaches Snaption; a combination another application holds
// is reported as taken; keys that cannot be global are refused in words; choices are remembered;
// the Settings dialog shows what became of each and stays open on a problem.
#include "globalshortcuts.h"
#include "globalshortcutsdialog.h"
#include "x11connection.h"

#include <testsupport.h>

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QApplication>
#include <QFile>
#include <QKeySequenceEdit>
#include <QTemporaryDir>
#include <QLabel>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <xcb/xcb.h>

#include <cstdlib>
#include <memory>

using snaption::gui::GlobalShortcuts;
using Action = snaption::gui::GlobalShortcuts::Action;

namespace {

// Another X client: what a second application holding a key looks like to the server.
class OtherClient {
public:
    OtherClient() : m_connection(xcb_connect(nullptr, nullptr)) {}
    ~OtherClient() { xcb_disconnect(m_connection); }
    bool grab(std::uint8_t keycode, std::uint16_t modifiers)
    {
        const xcb_window_t root = xcb_setup_roots_iterator(xcb_get_setup(m_connection)).data->root;
        std::unique_ptr<xcb_generic_error_t, decltype(&std::free)> error(
            xcb_request_check(m_connection, xcb_grab_key_checked(m_connection, 0, root, modifiers, keycode, XCB_GRAB_MODE_ASYNC, XCB_GRAB_MODE_ASYNC)),
            &std::free);
        return !error;
    }

private:
    xcb_connection_t *m_connection;
};

// The keycode xdotool and the server use for F9 (from the keyboard map, like the grabber).
std::uint8_t keycodeOfF9()
{
    xcb_connection_t *connection = snaption::gui::X11Connection::get();
    const xcb_setup_t *setup = xcb_get_setup(connection);
    const int count = setup->max_keycode - setup->min_keycode + 1;
    std::unique_ptr<xcb_get_keyboard_mapping_reply_t, decltype(&std::free)> map(
        xcb_get_keyboard_mapping_reply(connection, xcb_get_keyboard_mapping(connection, setup->min_keycode, std::uint8_t(count)), nullptr), &std::free);
    const xcb_keysym_t *keysyms = xcb_get_keyboard_mapping_keysyms(map.get());
    for (int code = 0; code < count; ++code) {
        if (keysyms[code * map->keysyms_per_keycode] == 0xffc6) return std::uint8_t(setup->min_keycode + code); // XK_F9
    }
    return 0;
}

bool press(const QString &keys)
{
    return QProcess::execute(QStringLiteral("xdotool"), {QStringLiteral("key"), keys}) == 0;
}

} // namespace

class TestGlobalShortcuts : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    // The stand-in GlobalShortcuts portal on this D-Bus session; the process ends with the test.
    bool startPortal(QProcess &portal, const QString &mode)
    {
        QFile::remove(portalRecord());
        portal.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        portal.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral(SNAPTION_SOURCE_DIR "/tests/app/shortcuts_portal.py"), mode, portalRecord()});
        return portal.waitForReadyRead(15000) && portal.readLine().startsWith("ready");
    }
    static void stopPortal(QProcess &portal)
    {
        portal.terminate();
        portal.waitForFinished(5000);
        QTRY_VERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(QStringLiteral("org.freedesktop.portal.Desktop")));
    }
    QString portalRecord() const { return m_dir.filePath(QStringLiteral("bindings.jsonl")); }
    QList<QJsonObject> bindCalls() const { return snaption::test::readJsonLines(portalRecord()); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        if (!snaption::gui::X11Connection::get()) QFAIL("not on X11: run under xvfb-run with QT_QPA_PLATFORM=xcb (run_x11_test.sh)");
        if (QStandardPaths::findExecutable(QStringLiteral("xdotool")).isEmpty()) {
            if (snaption::test::underCi()) QFAIL("xdotool is not installed");
            QSKIP("xdotool is not installed");
        }
    }
    void init() { QSettings().clear(); }

    void aKeyPressedInAnotherClientReachesSnaption()
    {
        GlobalShortcuts shortcuts;
        QVERIFY2(shortcuts.start().isEmpty(), qPrintable(shortcuts.start().join(QLatin1Char('\n'))));
        QVERIFY(shortcuts.isActive(Action::CaptionActiveWindow));
        QCOMPARE(shortcuts.sequence(Action::CaptionActiveWindow), QKeySequence(QStringLiteral("Ctrl+Alt+Shift+W")));
        QSignalSpy activated(&shortcuts, &GlobalShortcuts::activated);
        QVERIFY(press(QStringLiteral("ctrl+alt+shift+w")));
        QVERIFY(activated.wait(5000));
        QCOMPARE(activated.first().at(0).value<Action>(), Action::CaptionActiveWindow);
        // Caps Lock on changes nothing (the server matches modifier states exactly).
        QTest::qWait(500);
        QVERIFY(press(QStringLiteral("Caps_Lock")));
        QVERIFY(press(QStringLiteral("ctrl+alt+shift+c")));
        QVERIFY(press(QStringLiteral("Caps_Lock")));
        QTRY_COMPARE(activated.count(), 2);
        QCOMPARE(activated.last().at(0).value<Action>(), Action::CaptionClipboard);
        // Another combination of the same letter is not ours.
        QVERIFY(press(QStringLiteral("ctrl+alt+w")));
        QTest::qWait(500);
        QCOMPARE(activated.count(), 2);
    }

    void aKeyAnotherApplicationHoldsIsReportedAsTaken()
    {
        const std::uint8_t f9 = keycodeOfF9();
        QVERIFY(f9 != 0);
        OtherClient other;
        QVERIFY(other.grab(f9, XCB_MOD_MASK_CONTROL));
        GlobalShortcuts shortcuts;
        const QString problem = shortcuts.setSequence(Action::CaptionClipboard, QKeySequence(Qt::CTRL | Qt::Key_F9));
        QVERIFY2(problem.contains(QLatin1String("taken by another application")), qPrintable(problem));
        QVERIFY(!shortcuts.isActive(Action::CaptionClipboard));
        QCOMPARE(shortcuts.problem(Action::CaptionClipboard), problem);
        // Nothing of the failed grab is left behind: once free, the key can be had.
        QVERIFY(shortcuts.setSequence(Action::CaptionClipboard, QKeySequence(Qt::ALT | Qt::Key_F9)).isEmpty());
        QVERIFY(shortcuts.isActive(Action::CaptionClipboard));
    }

    void keysThatCannotBeGlobalAreRefusedInWords_data()
    {
        QTest::addColumn<QKeySequence>("sequence");
        QTest::addColumn<QString>("problem");
        QTest::newRow("a bare letter") << QKeySequence(Qt::Key_W) << QStringLiteral("add Ctrl, Alt or Meta");
        QTest::newRow("shift and a letter") << QKeySequence(Qt::SHIFT | Qt::Key_W) << QStringLiteral("add Ctrl, Alt or Meta");
        QTest::newRow("two chords") << QKeySequence(QStringLiteral("Ctrl+K, Ctrl+W")) << QStringLiteral("one key combination");
        QTest::newRow("punctuation") << QKeySequence(Qt::CTRL | Qt::Key_Semicolon) << QStringLiteral("cannot be a global shortcut");
    }
    void keysThatCannotBeGlobalAreRefusedInWords()
    {
        QFETCH(QKeySequence, sequence);
        QFETCH(QString, problem);
        GlobalShortcuts shortcuts;
        const QString said = shortcuts.setSequence(Action::CaptionActiveWindow, sequence);
        QVERIFY2(said.contains(problem), qPrintable(said));
        QVERIFY(!shortcuts.isActive(Action::CaptionActiveWindow));
    }

    void oneKeyCannotServeBothActions()
    {
        GlobalShortcuts shortcuts;
        shortcuts.start();
        const QString problem = shortcuts.setSequence(Action::CaptionClipboard, shortcuts.sequence(Action::CaptionActiveWindow));
        QVERIFY2(problem.contains(QLatin1String("another Snaption action")), qPrintable(problem));
        QVERIFY(shortcuts.isActive(Action::CaptionActiveWindow));
    }

    void choicesAreRememberedAndOffStaysOff()
    {
        {
            GlobalShortcuts shortcuts;
            shortcuts.start();
            QVERIFY(shortcuts.setSequence(Action::CaptionActiveWindow, QKeySequence(QStringLiteral("Meta+F8"))).isEmpty());
            QVERIFY(shortcuts.setSequence(Action::CaptionClipboard, QKeySequence()).isEmpty());
            QVERIFY(!shortcuts.isActive(Action::CaptionClipboard));
        }
        GlobalShortcuts again;
        QVERIFY(again.start().isEmpty());
        QCOMPARE(again.sequence(Action::CaptionActiveWindow), QKeySequence(QStringLiteral("Meta+F8")));
        QVERIFY(again.sequence(Action::CaptionClipboard).isEmpty());
        // Released when turned off: another client can have the default now.
        QSignalSpy activated(&again, &GlobalShortcuts::activated);
        QVERIFY(press(QStringLiteral("ctrl+alt+shift+c")));
        QTest::qWait(500);
        QCOMPARE(activated.count(), 0);
    }

    void theDialogShowsAConflictAndStaysOpen()
    {
        const std::uint8_t f9 = keycodeOfF9();
        OtherClient other;
        QVERIFY(other.grab(f9, XCB_MOD_MASK_CONTROL | XCB_MOD_MASK_SHIFT));
        GlobalShortcuts shortcuts;
        shortcuts.start();
        snaption::gui::GlobalShortcutsDialog dialog(&shortcuts);
        QVERIFY(dialog.state(Action::CaptionClipboard)->text().contains(QLatin1String("Works in every application")));
        dialog.editor(Action::CaptionClipboard)->setKeySequence(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F9));
        dialog.show();
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.state(Action::CaptionClipboard)->text().contains(QLatin1String("taken by another application")),
                 qPrintable(dialog.state(Action::CaptionClipboard)->text()));
        // Swapping the two keys works: both are released before either is taken again.
        dialog.editor(Action::CaptionClipboard)->setKeySequence(QKeySequence(QStringLiteral("Ctrl+Alt+Shift+W")));
        dialog.editor(Action::CaptionActiveWindow)->setKeySequence(QKeySequence(QStringLiteral("Ctrl+Alt+Shift+C")));
        dialog.accept();
        QVERIFY(!dialog.isVisible());
        QVERIFY(shortcuts.isActive(Action::CaptionClipboard) && shortcuts.isActive(Action::CaptionActiveWindow));
        QCOMPARE(shortcuts.sequence(Action::CaptionClipboard), QKeySequence(QStringLiteral("Ctrl+Alt+Shift+W")));
    }

    void theDialogsFieldsLetTheKeyboardOut()
    {
        GlobalShortcuts shortcuts;
        shortcuts.start();
        snaption::gui::GlobalShortcutsDialog dialog(&shortcuts);
        dialog.show();
        dialog.activateWindow(); // no window manager here to do it
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QVERIFY(!qobject_cast<QKeySequenceEdit *>(QApplication::focusWidget())); // no field takes the first key
        QKeySequenceEdit *field = dialog.editor(Action::CaptionClipboard);
        field->setFocus();
        QTest::keyClick(field, Qt::Key_Tab);
        QVERIFY(QApplication::focusWidget() != field);
        QCOMPARE(field->keySequence(), shortcuts.sequence(Action::CaptionClipboard)); // Tab was not recorded
        field->setFocus();
        QTest::keyClick(field, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void throughTheDesktopPortalTheDesktopBindsAndActivates()
    {
        QProcess portal;
        if (!startPortal(portal, QStringLiteral("ok"))) QFAIL("the stand-in portal did not start (python3-dbus, python3-gi?)");
        qputenv("SNAPTION_GLOBAL_SHORTCUTS_PORTAL", "1");
        {
            GlobalShortcuts shortcuts;
            QVERIFY(shortcuts.usesPortal());
            QSignalSpy changed(&shortcuts, &GlobalShortcuts::changed);
            QVERIFY(shortcuts.start().isEmpty()); // the answer comes later
            QVERIFY(!shortcuts.isActive(Action::CaptionClipboard));
            QTRY_VERIFY_WITH_TIMEOUT(shortcuts.isActive(Action::CaptionClipboard) && shortcuts.isActive(Action::CaptionActiveWindow), 10000);
            QCOMPARE(shortcuts.triggerText(Action::CaptionActiveWindow), QStringLiteral("Press CTRL+ALT+SHIFT+w"));
            QList<QJsonObject> calls = bindCalls();
            QCOMPARE(calls.size(), 1); // both in one binding
            const QJsonArray wanted = calls[0][QStringLiteral("shortcuts")].toArray();
            QCOMPARE(wanted.size(), 2);
            QCOMPARE(wanted[0][QStringLiteral("id")].toString(), QStringLiteral("caption-clipboard"));
            QCOMPARE(wanted[0][QStringLiteral("preferred_trigger")].toString(), QStringLiteral("CTRL+ALT+SHIFT+c"));
            QCOMPARE(wanted[1][QStringLiteral("description")].toString(), shortcuts.actionName(Action::CaptionActiveWindow));

            // The desktop says a shortcut was pressed.
            QSignalSpy activated(&shortcuts, &GlobalShortcuts::activated);
            QDBusMessage press = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.portal.Desktop"), QStringLiteral("/org/freedesktop/portal/desktop"),
                                                                QStringLiteral("org.snaption.Test"), QStringLiteral("Press"));
            press << QStringLiteral("caption-active-window");
            QDBusConnection::sessionBus().call(press);
            QVERIFY(activated.wait(5000));
            QCOMPARE(activated.first().at(0).value<Action>(), Action::CaptionActiveWindow);

            // A change binds again in a new session, the old one closed first; off is left out.
            QVERIFY(shortcuts.setSequence(Action::CaptionClipboard, QKeySequence()).isEmpty());
            QTRY_COMPARE_WITH_TIMEOUT(bindCalls().size(), 2, 10000);
            calls = bindCalls();
            QCOMPARE(calls[1][QStringLiteral("shortcuts")].toArray().size(), 1);
            QVERIFY(calls[1][QStringLiteral("closed_before")].toArray().contains(calls[0][QStringLiteral("session")]));
            QTRY_VERIFY(shortcuts.isActive(Action::CaptionActiveWindow));
        }
        stopPortal(portal);

        // A desktop that refuses, and one without the portal: said, per shortcut.
        if (!startPortal(portal, QStringLiteral("refuse"))) QFAIL("the stand-in portal did not start");
        {
            GlobalShortcuts shortcuts;
            QSignalSpy problems(&shortcuts, &GlobalShortcuts::problemFound);
            shortcuts.start();
            QVERIFY(problems.wait(10000));
            QVERIFY2(shortcuts.problem(Action::CaptionActiveWindow).contains(QLatin1String("refused")), qPrintable(shortcuts.problem(Action::CaptionActiveWindow)));
        }
        stopPortal(portal);
        {
            GlobalShortcuts shortcuts;
            QSignalSpy problems(&shortcuts, &GlobalShortcuts::problemFound);
            shortcuts.start();
            QVERIFY(problems.wait(10000));
            QVERIFY2(problems.first().at(0).toString().contains(QLatin1String("no GlobalShortcuts portal")), qPrintable(problems.first().at(0).toString()));
        }
        qunsetenv("SNAPTION_GLOBAL_SHORTCUTS_PORTAL");
    }
};

QTEST_MAIN(TestGlobalShortcuts)
#include "tst_globalshortcuts.moc"
