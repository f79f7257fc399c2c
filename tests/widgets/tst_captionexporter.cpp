#include <snaption/widgets/captionexporter.h>

#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileInfo>
#include <QtTest>

using namespace snaption;
using namespace snaption::widgets;

namespace {

ExportedCaption caption(const QString &file, const std::string &text, std::vector<std::string> words, std::vector<float> probabilities,
                        const std::string &language = "en")
{
    ExportedCaption c;
    c.result.language = language;
    c.file = file;
    c.result.caption = text;
    c.result.words = std::move(words);
    c.result.probabilities = std::move(probabilities);
    return c;
}

// A small RFC 4180 reader, to check the CSV by parsing it back.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) field += c, ++i;
            else if (c == QLatin1Char('"')) quoted = false;
            else field += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\n')) {
            row << field;
            rows << row;
            row.clear();
            field.clear();
        } else {
            field += c;
        }
    }
    return rows;
}

} // namespace

class TestCaptionExporter : public QObject {
    Q_OBJECT

private:
    std::vector<ExportedCaption> sample()
    {
        return {caption(QStringLiteral("/photos/dog, \"best\".jpg"), "A dog runs", {"a", "dog", "runs"}, {0.5f, 0.25f, 0.125f}),
                caption(QStringLiteral("/photos/cat.png"), "Ein Hund läuft.", {"Ein", "Hund", "läuft"}, {1.0f, 0.75f, 0.5f}, "de")};
    }

private Q_SLOTS:
    void csvRoundTrip()
    {
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(CaptionExporter::toCsv(sample())));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0], (QStringList{QStringLiteral("file"), QStringLiteral("caption"), QStringLiteral("words"), QStringLiteral("probabilities"),
                                       QStringLiteral("language")}));
        QCOMPARE(rows[1], (QStringList{QStringLiteral("/photos/dog, \"best\".jpg"), QStringLiteral("A dog runs"), QStringLiteral("a dog runs"),
                                       QStringLiteral("0.5000 0.2500 0.1250"), QStringLiteral("en")}));
        QCOMPARE(rows[2][1], QStringLiteral("Ein Hund läuft."));
        QCOMPARE(rows[2][4], QStringLiteral("de"));
    }

    void jsonRoundTrip()
    {
        const QJsonArray list = QJsonDocument::fromJson(CaptionExporter::toJson(sample())).array();
        QCOMPARE(list.size(), 2);
        const QJsonObject first = list[0].toObject();
        QCOMPARE(first.value(QStringLiteral("caption")).toString(), QStringLiteral("A dog runs"));
        QCOMPARE(first.value(QStringLiteral("words")).toArray().size(), 3);
        QCOMPARE(first.value(QStringLiteral("probabilities")).toArray()[1].toDouble(), 0.25);
        QCOMPARE(list[1].toObject().value(QStringLiteral("file")).toString(), QStringLiteral("/photos/cat.png"));
        QCOMPARE(first.value(QStringLiteral("language")).toString(), QStringLiteral("en"));
        QCOMPARE(list[1].toObject().value(QStringLiteral("language")).toString(), QStringLiteral("de"));
    }

    void sidecarsNeverOverwriteUnlessAsked()
    {
        QTemporaryDir dir;
        const QString first = dir.filePath(QStringLiteral("one.jpg")), second = dir.filePath(QStringLiteral("two.jpeg"));
        snaption::test::writeBytes(dir.filePath(QStringLiteral("two.txt")), "my own words\n");
        std::vector<ExportedCaption> captions{caption(first, "A dog", {}, {}), caption(second, "A cat", {}, {}), caption(QString(), "Pasted", {}, {})};
        QStringList skipped, failed;
        QCOMPARE(CaptionExporter::writeSidecars(captions, false, &skipped, &failed), 1);
        QCOMPARE(skipped, QStringList{dir.filePath(QStringLiteral("two.txt"))});
        QCOMPARE(snaption::test::readBytes(dir.filePath(QStringLiteral("one.txt"))), QByteArray("A dog\n"));
        QCOMPARE(snaption::test::readBytes(dir.filePath(QStringLiteral("two.txt"))), QByteArray("my own words\n"));
        QCOMPARE(CaptionExporter::writeSidecars(captions, true, &skipped, &failed), 2);
        QCOMPARE(snaption::test::readBytes(dir.filePath(QStringLiteral("two.txt"))), QByteArray("A cat\n"));
        QVERIFY(failed.isEmpty());
    }

    // photo.jpg and photo.png would write one photo.txt: neither caption is written there.
    void imagesSharingASidecarGetNone()
    {
        QTemporaryDir dir;
        const QString jpeg = dir.filePath(QStringLiteral("photo.jpg")), png = dir.filePath(QStringLiteral("photo.png"));
        std::vector<ExportedCaption> captions{caption(jpeg, "A dog", {}, {}), caption(png, "A cat", {}, {}),
                                              caption(dir.filePath(QStringLiteral("other.png")), "A cow", {}, {})};
        QStringList skipped, failed;
        QCOMPARE(CaptionExporter::writeSidecars(captions, true, &skipped, &failed), 1);
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("photo.txt"))));
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.first().contains(QLatin1String("photo.jpg")) && failed.first().contains(QLatin1String("photo.png")), qPrintable(failed.first()));
        QCOMPARE(snaption::test::readBytes(dir.filePath(QStringLiteral("other.txt"))), QByteArray("A cow\n"));
    }

    void writeFailureReportsTheReason()
    {
        QString error;
        QVERIFY(!CaptionExporter::writeFile(QStringLiteral("/nonexistent/folder/out.csv"), "x", &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCaptionExporter)
#include "tst_captionexporter.moc"
