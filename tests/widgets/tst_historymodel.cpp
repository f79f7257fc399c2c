// The History: newest first, a thumbnail not the image, capped, and what a screen reader reads of
// each entry through a list view (the caption as the item's name; source and time its description).
#include <snaption/widgets/historymodel.h>

#include <QAccessible>
#include <QListView>
#include <QLocale>
#include <QtTest>

using snaption::widgets::HistoryModel;

class TestHistoryModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void entriesAreNewestFirstWithAThumbnail()
    {
        HistoryModel history;
        QImage photo(4000, 3000, QImage::Format_RGB32);
        photo.fill(Qt::darkGreen);
        const QDateTime first(QDate(2026, 12, 2), QTime(9, 30));
        history.add(photo, QStringLiteral("a dog runs on the grass"), QStringLiteral("Clipboard"), false, first);
        history.add(QImage(20, 10, QImage::Format_RGB32), QStringLiteral("two cats"), QStringLiteral("Clipboard"), false, first.addSecs(60));
        QCOMPARE(history.rowCount(), 2);
        QCOMPARE(history.index(0).data(HistoryModel::CaptionRole).toString(), QStringLiteral("two cats"));
        // On screen the caption, and under it where and when.
        QCOMPARE(history.index(1).data().toString(),
                 QStringLiteral("a dog runs on the grass\nClipboard, ") + QLocale().toString(first, QLocale::ShortFormat));
        QCOMPARE(history.index(1).data(HistoryModel::CaptionRole).toString(), QStringLiteral("a dog runs on the grass"));
        QCOMPARE(history.at(1).thumbnail.size(), QSize(96, 72));   // scaled down, aspect kept
        QCOMPARE(history.at(0).thumbnail.size(), QSize(20, 10));   // small ones are not scaled up
        QCOMPARE(history.index(1).data(Qt::AccessibleDescriptionRole).toString(),
                 QStringLiteral("Clipboard, ") + QLocale().toString(first, QLocale::ShortFormat));
        QCOMPARE(history.index(1).data(HistoryModel::TimeRole).toDateTime(), first);
        QCOMPARE(history.index(5).data(), QVariant());
    }

    void failuresAreKeptAndMarked()
    {
        HistoryModel history;
        history.add(QImage(), QStringLiteral("Could not caption the image: no model"), QStringLiteral("Clipboard"), true);
        QVERIFY(history.index(0).data(HistoryModel::FailedRole).toBool());
        QVERIFY(history.at(0).thumbnail.isNull());
    }

    void theOldestGoWhenTheHistoryIsFull()
    {
        HistoryModel history;
        for (int i = 0; i < HistoryModel::kMaxEntries + 7; ++i) history.add(QImage(), QString::number(i), QStringLiteral("Clipboard"));
        QCOMPARE(history.rowCount(), HistoryModel::kMaxEntries);
        QCOMPARE(history.at(0).caption, QString::number(HistoryModel::kMaxEntries + 6));
        QCOMPARE(history.at(HistoryModel::kMaxEntries - 1).caption, QStringLiteral("7"));
        history.clear();
        QCOMPARE(history.rowCount(), 0);
    }

    void aScreenReaderReadsTheCaptionOfEachEntry()
    {
        HistoryModel history;
        QListView view;
        view.setModel(&history);
        view.setAccessibleName(QStringLiteral("History"));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        history.add(QImage(), QStringLiteral("a dog runs on the grass"), QStringLiteral("Clipboard"));
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(&view);
        QVERIFY(list && list->tableInterface());
        QAccessibleInterface *item = list->tableInterface()->cellAt(0, 0);
        QVERIFY(item);
        QCOMPARE(item->text(QAccessible::Name), QStringLiteral("a dog runs on the grass"));
        QVERIFY(item->text(QAccessible::Description).startsWith(QStringLiteral("Clipboard, ")));
    }
};

QTEST_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
