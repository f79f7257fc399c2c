// The German catalogue is complete: lupdate over today's sources finds no untranslated text, and
// every translation keeps the placeholders (%1, %2, ...) of its source.
#include "testsupport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QtTest>

using namespace snaption::test;

class TestTranslations : public QObject {
    Q_OBJECT

private:
    static QStringList placeholders(const QString &text)
    {
        QStringList found;
        auto it = QRegularExpression(QStringLiteral("%\\d")).globalMatch(text);
        while (it.hasNext()) found << it.next().captured();
        found.sort();
        return found;
    }

private Q_SLOTS:
    void germanIsComplete()
    {
        QTemporaryDir dir;
        const QString ts = dir.filePath(QStringLiteral("snaption_de.ts"));
        QVERIFY(QFile::copy(QStringLiteral(SNAPTION_SOURCE_DIR "/translations/snaption_de.ts"), ts));
        QFile::setPermissions(ts, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(SNAPTION_SOURCE_DIR));
        QStringList arguments{QStringLiteral("-silent"), QStringLiteral("-no-obsolete")};
        for (const QString &folder : {QStringLiteral("app"), QStringLiteral("widgets")}) {
            if (QFileInfo::exists(QStringLiteral(SNAPTION_SOURCE_DIR "/") + folder)) arguments << folder;
        }
        lupdate.start(QStringLiteral(SNAPTION_LUPDATE), arguments + QStringList{QStringLiteral("-ts"), ts});
        QVERIFY(lupdate.waitForFinished(120'000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

        QFile file(ts);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString source;
        int messages = 0;
        QStringList problems;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement) continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                const QString translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                ++messages;
                if (unfinished || translation.isEmpty()) problems << QStringLiteral("untranslated: ") + source;
                else if (placeholders(source) != placeholders(translation)) problems << QStringLiteral("placeholders differ: ") + source;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString() + QStringLiteral(" at line ") + QString::number(xml.lineNumber())));
        QVERIFY(messages > 50);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n')) +
                                                QStringLiteral("\n(run lupdate, then python3 translations/german.py)")));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
