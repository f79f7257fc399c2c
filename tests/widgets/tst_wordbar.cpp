// The word bar as a screen reader meets it: a list of words whose selected word is its focused
// item while the bar has the focus, announced when it is moved from elsewhere, with the
// confidence said on request. Offscreen no screen reader listens: the test reads the accessible
// objects and the window's announcements (tests/app/orca_speech.py hears the real thing).
#include <snaption/widgets/announcer.h>
#include <snaption/widgets/wordbar.h>

#include <QAccessible>
#include <QLineEdit>
#include <QMainWindow>
#include <QSignalSpy>
#include <QStatusBar>
#include <QVBoxLayout>
#include <QtTest>

using snaption::widgets::Announcer;
using snaption::widgets::WordBar;

class TestWordBar : public QObject {
    Q_OBJECT

private:
    QMainWindow *m_window = nullptr;
    WordBar *m_bar = nullptr;
    QLineEdit *m_elsewhere = nullptr;

    Announcer *announcer() const { return Announcer::of(m_window); }

private Q_SLOTS:
    void init()
    {
        m_window = new QMainWindow;
        auto *centre = new QWidget(m_window);
        auto *layout = new QVBoxLayout(centre);
        m_bar = new WordBar(centre);
        m_elsewhere = new QLineEdit(centre);
        layout->addWidget(m_bar);
        layout->addWidget(m_elsewhere);
        m_window->setCentralWidget(centre);
        new Announcer(m_window->statusBar());
        m_bar->setWords({"a", "dog", "runs"}, {0.9f, 0.872f, 0.41f});
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanup()
    {
        delete m_window;
        m_window = nullptr;
    }

    void isAListOfWordsWithTheirConfidence()
    {
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(m_bar);
        QCOMPARE(list->role(), QAccessible::List);
        QCOMPARE(list->text(QAccessible::Name), QStringLiteral("Caption words"));
        QCOMPARE(list->childCount(), 3);
        QAccessibleInterface *dog = list->child(1);
        QCOMPARE(dog->role(), QAccessible::ListItem);
        QCOMPARE(dog->text(QAccessible::Name), QStringLiteral("dog"));
        QCOMPARE(dog->text(QAccessible::Description), QStringLiteral("confidence 87 percent"));
        QVERIFY(dog->state().selectable);
        QVERIFY(!dog->state().checkable); // was a check box nobody could focus
        QVERIFY(list->child(0)->state().selected);
        QVERIFY(!dog->state().selected);
    }

    void inTheFocusedBarTheSelectedWordIsTheFocusedItem()
    {
        m_window->activateWindow();
        m_bar->setFocus();
        QTRY_VERIFY(m_bar->hasFocus());
        QSignalSpy said(announcer(), &Announcer::announced);
        QTest::keyClick(m_bar, Qt::Key_Right);
        QCOMPARE(m_bar->current(), 1);
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(m_bar);
        QVERIFY(list->child(1)->state().focused && list->child(1)->state().selected);
        QVERIFY(!list->child(0)->state().focused && !list->child(0)->state().selected);
        QCOMPARE(said.count(), 0); // said once, as the focus moving
        QTest::keyClick(m_bar, Qt::Key_End);
        QCOMPARE(m_bar->current(), 2);
        QTest::keyClick(m_bar, Qt::Key_Home);
        QCOMPARE(m_bar->current(), 0);
    }

    void movedFromElsewhereTheWordIsAnnounced()
    {
        m_window->activateWindow();
        m_elsewhere->setFocus();
        QTRY_VERIFY(m_elsewhere->hasFocus());
        QSignalSpy said(announcer(), &Announcer::announced);
        m_bar->next(); // what Alt+Right does
        m_bar->previous();
        m_bar->previous(); // already the first word: nothing new to say
        QCOMPARE(said.count(), 2);
        QCOMPARE(said.at(0).first().toString(), QStringLiteral("dog"));
        QCOMPARE(said.at(1).first().toString(), QStringLiteral("a"));
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(m_bar);
        QVERIFY(!list->child(0)->state().focused); // the focus stays where it was
        QVERIFY(m_elsewhere->hasFocus());
    }

    void aNewCaptionIsNotSpelledOutWordByWord()
    {
        QSignalSpy said(announcer(), &Announcer::announced);
        m_bar->setWords({"two", "cats"}, {0.5f, 0.5f});
        QCOMPARE(m_bar->current(), 0);
        QCOMPARE(said.count(), 0);
    }

    void theConfidenceIsSaidOnRequest()
    {
        m_window->activateWindow();
        m_bar->setFocus();
        QTRY_VERIFY(m_bar->hasFocus());
        QTest::keyClick(m_bar, Qt::Key_Right);
        QSignalSpy said(announcer(), &Announcer::announced);
        QTest::keyClick(m_bar, Qt::Key_Space);
        QCOMPARE(said.count(), 1);
        QCOMPARE(said.first().first().toString(), QStringLiteral("dog, word 2 of 3, confidence 87 percent"));
        m_bar->setWords({}, {});
        m_bar->announceConfidence(); // no words: nothing to say
        QCOMPARE(said.count(), 1);
    }
};

QTEST_MAIN(TestWordBar)
#include "tst_wordbar.moc"
