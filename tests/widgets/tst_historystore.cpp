// The History kept across runs: what is written is read back whole (caption, source, time,
// failed, thumbnail pixels), in order; damaged lines and oversized files are skipped and said,
// never trusted; clearing empties the file; a file grown past twice the history is compacted.
#include <snaption/widgets/historymodel.h>
#include <snaption/widgets/historystore.h>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using snaption::widgets::HistoryModel;
using snaption::widgets::HistoryStore;

namespace {

QImage pattern(int width, int height, int seed)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) image.setPixel(x, y, qRgb((x * 7 + seed) % 256, (y * 5 + seed) % 256, (seed * 31) % 256));
    }
    return image;
}

int lineCount(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return -1;
    return int(file.readAll().count('\n'));
}

} // namespace

class TestHistoryStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private Q_SLOTS:
    void whatIsAddedComesBackNextRun()
    {
        const QString file = path("history.jsonl");
        const QDateTime first = QDateTime::currentDateTime().addSecs(-60);
        {
            HistoryModel model;
            HistoryStore store(&model, file);
            model.add(pattern(200, 100, 1), QStringLiteral("A dog runs über die Wiese."), QStringLiteral("Clipboard"), false, first);
            model.add(pattern(40, 30, 2), QStringLiteral("Could not caption the image: damaged"), QStringLiteral("Screen"), true);
            QCOMPARE(lineCount(file), 2); // one line each, as they come
        }
        HistoryModel again;
        HistoryStore store(&again, file);
        QCOMPARE(again.rowCount(), 2);
        QCOMPARE(again.at(0).source, QStringLiteral("Screen")); // newest first, as before
        QVERIFY(again.at(0).failed);
        QCOMPARE(again.at(1).caption, QStringLiteral("A dog runs über die Wiese."));
        QCOMPARE(again.at(1).time.toMSecsSinceEpoch(), first.toMSecsSinceEpoch());
        QCOMPARE(again.at(1).time.timeSpec(), Qt::LocalTime);
        QCOMPARE(again.at(1).thumbnail.convertToFormat(QImage::Format_RGB32), HistoryModel::thumbnailOf(pattern(200, 100, 1)));
        QCOMPARE(again.at(0).thumbnail.convertToFormat(QImage::Format_RGB32), pattern(40, 30, 2));
        QCOMPARE(store.skippedAtLoad(), 0);
        QCOMPARE(lineCount(file), 2); // loading wrote nothing

        again.clear();
        QCOMPARE(lineCount(file), 0);
        HistoryModel empty;
        HistoryStore emptyStore(&empty, file);
        QCOMPARE(empty.rowCount(), 0);
    }

    void damagedLinesAreSkippedAndSaid()
    {
        const QString file = path("damaged.jsonl");
        {
            HistoryModel model;
            HistoryStore store(&model, file);
            model.add(pattern(10, 10, 3), QStringLiteral("kept"), QStringLiteral("Clipboard"));
        }
        QFile out(file);
        QVERIFY(out.open(QIODevice::Append));
        out.write("{not json\n");
        out.write("[1, 2, 3]\n");
        out.write("{\"caption\": 5, \"source\": \"Screen\", \"time\": \"2026-01-01T00:00:00Z\"}\n");
        out.write("{\"caption\": \"no time\", \"source\": \"Screen\"}\n");
        out.write("{\"caption\": \"bad picture\", \"source\": \"Screen\", \"time\": \"2026-01-01T00:00:00Z\", \"thumbnail\": \"%%%\"}\n");
        out.write(QByteArray(HistoryStore::kMaxLineBytes + 10, 'x') + '\n');
        out.close();
        HistoryModel model;
        HistoryStore store(&model, file);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.at(1).caption, QStringLiteral("kept"));
        QCOMPARE(model.at(0).caption, QStringLiteral("bad picture")); // its entry stays, without a picture
        QVERIFY(model.at(0).thumbnail.isNull());
        QVERIFY(store.skippedAtLoad() >= 5);
        QVERIFY2(store.lastError().contains(QLatin1String("damaged")), qPrintable(store.lastError()));
        // Rewritten without the damage.
        QCOMPARE(lineCount(file), 2);
    }

    void anOversizedFileIsNotRead()
    {
        const QString file = path("huge.jsonl");
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(out.resize(HistoryStore::kMaxFileBytes + 1));
        out.close();
        HistoryModel model;
        HistoryStore store(&model, file);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY2(store.lastError().contains(QLatin1String("larger than")), qPrintable(store.lastError()));
        QCOMPARE(QFileInfo(file).size(), HistoryStore::kMaxFileBytes + 1); // left as it was
    }

    void aLongFileIsCompactedToTheHistorysLength()
    {
        const QString file = path("long.jsonl");
        {
            HistoryModel model;
            HistoryStore store(&model, file);
            for (int i = 0; i < 2 * HistoryModel::kMaxEntries + 5; ++i)
                model.add(QImage(), QStringLiteral("caption %1").arg(i), QStringLiteral("Clipboard"));
        }
        QCOMPARE(lineCount(file), 2 * HistoryModel::kMaxEntries + 5);
        HistoryModel model;
        HistoryStore store(&model, file);
        QCOMPARE(model.rowCount(), HistoryModel::kMaxEntries);
        QCOMPARE(model.at(0).caption, QStringLiteral("caption %1").arg(2 * HistoryModel::kMaxEntries + 4)); // the newest kept
        QCOMPARE(lineCount(file), HistoryModel::kMaxEntries);
    }

    void aFileThatCannotBeWrittenIsSaidOnce()
    {
        const QString blocked = path("blocked");
        QVERIFY(QFile(blocked).open(QIODevice::WriteOnly)); // a file where the folder should be
        HistoryModel model;
        HistoryStore store(&model, blocked + QStringLiteral("/history.jsonl"));
        QSignalSpy failed(&store, &HistoryStore::failed);
        model.add(QImage(), QStringLiteral("one"), QStringLiteral("Clipboard"));
        model.add(QImage(), QStringLiteral("two"), QStringLiteral("Clipboard"));
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().at(0).toString().contains(QLatin1String("Cannot save the history")));
        QCOMPARE(model.rowCount(), 2); // the history itself goes on
    }
};

QTEST_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
