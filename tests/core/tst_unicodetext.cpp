// Lower-casing and word splitting against Python's str.lower() and re.findall(r"\w+"), on German
// text: umlauts, ß, hyphenated compounds, punctuation; and on every German Flickr8k caption.
#include "unicodetext.h"

#include "testsupport.h"

#include <QtTest>

using namespace snaption;
using namespace snaption::test;

namespace {

QStringList toStrings(const std::vector<std::string> &words)
{
    QStringList list;
    for (const std::string &word : words) list << QString::fromStdString(word);
    return list;
}

QStringList toStrings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &word : value.toArray()) list << word.toString();
    return list;
}

} // namespace

class TestUnicodeText : public QObject {
    Q_OBJECT

private:
    // Compares every line with Python (fails on the first difference; skips without Python).
    void compareWithPython(const QStringList &lines)
    {
        QTemporaryDir dir;
        writeBytes(dir.filePath(QStringLiteral("in.txt")), lines.join(QLatin1Char('\n')).toUtf8());
        SNAPTION_RUN_FIXTURE(QStringLiteral("text_reference.py"), dir.filePath(QStringLiteral("in.txt")), dir.filePath(QStringLiteral("out.txt")));
        const QList<QByteArray> expected = readBytes(dir.filePath(QStringLiteral("out.txt"))).split('\n');
        QVERIFY2(expected.size() >= lines.size(), "Python wrote fewer lines than it read");
        for (int i = 0; i < lines.size(); ++i) {
            const QJsonArray reference = QJsonDocument::fromJson(expected[i]).array();
            const std::string line = lines[i].toStdString();
            const QString where = QStringLiteral(" differs on line %1: %2").arg(i + 1).arg(lines[i]);
            QVERIFY2(QString::fromStdString(UnicodeText::lower(line)) == reference[0].toString(), qPrintable(QStringLiteral("lower") + where));
            QVERIFY2(toStrings(UnicodeText::wordRuns(line)) == toStrings(reference[1]), qPrintable(QStringLiteral("wordRuns") + where));
            QVERIFY2(toStrings(UnicodeText::writtenWordRuns(line)) == toStrings(reference[2]), qPrintable(QStringLiteral("writtenWordRuns") + where));
        }
    }

private Q_SLOTS:
    void germanTextMatchesPython()
    {
        const QStringList lines{QStringLiteral("Ein Hund rennt über die Wiese."),
                                QStringLiteral("ÄRGER ÖFFNET ÜBERALL: Mädchen, Öl, Übung!"),
                                QStringLiteral("Die Straße; GROSSE Füße – ẞ und ß"),
                                QStringLiteral("Ein Baby-Schwimmbecken, ein Rot-weiß-Kleid und E-Mail-Adressen"),
                                QStringLiteral("\"Zwei\" Männer (beide 30-jährig) spielen... Fußball?"),
                                QStringLiteral("Schüler*innen & Lehrer/innen: 3½ Stunden_lang")};
        QCOMPARE(toStrings(UnicodeText::writtenWordRuns("Ein Baby-Schwimmbecken.")), (QStringList{QStringLiteral("Ein"), QStringLiteral("Baby"), QStringLiteral("Schwimmbecken")}));
        QCOMPARE(UnicodeText::lower("ÄÖÜ ẞ"), std::string("äöü ß"));
        compareWithPython(lines);
    }

    void everyGermanFlickr8kCaptionMatchesPython()
    {
        const QString data = sharedDataDir();
        const QString path = data + QStringLiteral("/flickr8k/Flickr8k.de.token.txt");
        if (data.isEmpty() || !QFile::exists(path)) {
            if (underCi()) QFAIL("the shared Flickr8k data is missing under CI");
            QSKIP("no ../shared/data/flickr8k/Flickr8k.de.token.txt");
        }
        QStringList captions;
        for (const QString &line : QString::fromUtf8(readBytes(path)).split(QLatin1Char('\n'))) {
            const int tab = line.indexOf(QLatin1Char('\t'));
            if (tab >= 0) captions << line.mid(tab + 1);
        }
        QVERIFY(captions.size() > 32000);
        compareWithPython(captions);
    }

    void invalidBytesAreKeptByLower()
    {
        QCOMPARE(UnicodeText::lower("AB\xff" "C"), std::string("ab\xff" "c"));
    }
};

QTEST_GUILESS_MAIN(TestUnicodeText)
#include "tst_unicodetext.moc"
