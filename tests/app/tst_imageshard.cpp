// Sharded archive captioning: N jobs with --shard I/N cover a collection exactly once, and every
// process (every machine) makes the same partition.
#include "imageshard.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QSet>
#include <QtTest>

using snaption::ImageShard;

class TestImageShard : public QObject {
    Q_OBJECT

    static QStringList collection(int size)
    {
        QStringList paths;
        for (int i = 0; i < size; ++i) paths << QStringLiteral("archive/%1/IMG_%2.JPG").arg(i / 1000, 3, 10, QLatin1Char('0')).arg(i, 6, 10, QLatin1Char('0'));
        return paths;
    }

private Q_SLOTS:
    void parsesIndexOverCount()
    {
        const auto shard = ImageShard::parse(QStringLiteral("2/5"));
        QVERIFY(shard);
        QCOMPARE(shard->index(), 2);
        QCOMPARE(shard->count(), 5);
        QVERIFY(ImageShard::parse(QStringLiteral("0/1")));
        for (const char *bad : {"5/5", "-1/4", "1/0", "1", "a/b", "1/4/2", "", "1 / 4", "0/100001", "99999999/100000000"})
            QVERIFY2(!ImageShard::parse(QString::fromLatin1(bad)), bad);
    }

    void sharesCoverTheCollectionExactlyOnce()
    {
        const QStringList paths = collection(100000);
        for (const int count : {1, 2, 7, 64}) {
            QSet<QString> seen;
            qsizetype total = 0, smallest = paths.size(), largest = 0;
            for (int index = 0; index < count; ++index) {
                const QStringList share = ImageShard(index, count).select(paths);
                total += share.size();
                smallest = std::min(smallest, share.size());
                largest = std::max(largest, share.size());
                for (const QString &path : share) seen.insert(path);
            }
            QCOMPARE(total, paths.size()); // no file twice
            QCOMPARE(seen.size(), paths.size()); // none left out
            // Balanced within a few standard deviations of a fair draw.
            const double expected = double(paths.size()) / count;
            QVERIFY2(largest - smallest <= 8 * std::sqrt(expected) + 1, qPrintable(QStringLiteral("%1..%2").arg(smallest).arg(largest)));
        }
    }

    void aPathsShareDependsOnThePathAlone()
    {
        const QStringList paths = collection(5000);
        const QStringList share = ImageShard(3, 8).select(paths);
        // Another order, more files: the same files stay in the share, in the given order.
        QStringList reversed(paths.rbegin(), paths.rend());
        reversed << collection(6000).mid(5000);
        const QStringList again = ImageShard(3, 8).select(reversed);
        QStringList kept;
        for (const QString &path : again)
            if (paths.contains(path)) kept << path;
        std::reverse(kept.begin(), kept.end());
        QCOMPARE(kept, share);
    }

    void everyProcessMakesTheSamePartition()
    {
        // Fixed values: a hash seeded per process (qHash) or per build would change them.
        QCOMPARE(ImageShard::shardOf(QStringLiteral("photos/IMG_0001.JPG"), 1000), ImageShard::shardOf(QStringLiteral("photos/IMG_0001.JPG"), 1000));
        const QByteArray sha1 = QCryptographicHash::hash("photos/IMG_0001.JPG", QCryptographicHash::Sha1);
        quint64 first8 = 0;
        for (int i = 0; i < 8; ++i) first8 = (first8 << 8) | quint8(sha1[i]);
        QCOMPARE(ImageShard::shardOf(QStringLiteral("photos/IMG_0001.JPG"), 1000), int(first8 % 1000));
        // And against an independent implementation: Python's hashlib.
        QProcess python;
        python.start(QStringLiteral("python3"), {QStringLiteral("-c"),
                                                 QStringLiteral("import hashlib,sys\nfor p in sys.argv[1:]: print(int.from_bytes(hashlib.sha1(p.encode()).digest()[:8],'big') % 7)"),
                                                 QStringLiteral("a.jpg"), QStringLiteral("Fotos/Grüße.png"), QStringLiteral("x/y/z.webp")});
        QVERIFY(python.waitForFinished(30000));
        const QStringList expected = QString::fromUtf8(python.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(expected.size(), 3);
        QCOMPARE(ImageShard::shardOf(QStringLiteral("a.jpg"), 7), expected[0].toInt());
        QCOMPARE(ImageShard::shardOf(QStringLiteral("Fotos/Grüße.png"), 7), expected[1].toInt());
        QCOMPARE(ImageShard::shardOf(QStringLiteral("x/y/z.webp"), 7), expected[2].toInt());
    }
};

QTEST_GUILESS_MAIN(TestImageShard)
#include "tst_imageshard.moc"
